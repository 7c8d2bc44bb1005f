package vn.lienthong.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.fixtures.pki.RevocationServer;
import vn.lienthong.fixtures.pki.SignedSamples;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.signature.DocumentSignatures;
import vn.lienthong.signature.document.DocumentVerifier;
import vn.lienthong.signature.document.SignatureSettings;
import vn.lienthong.signature.Verdict;

/**
 * Signature checks per second for a document like those on the axis: an envelope of about 1 MB, signed with
 * XML-DSig, carrying one PDF of about 700 KB signed by the signer and the agency seal. Each check is the whole of
 * what the flows do: the envelope's XML-DSig (streaming canonical digest), reading the envelope to spool the PDF,
 * both PDF signatures, and the certificate paths with revocation (online against a loopback CRL/OCSP server; the
 * answers are cached after the first check, as in production). Usage: {@code SignatureCheckThroughput [SECONDS]}.
 */
public final class SignatureCheckThroughput {

    private SignatureCheckThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path work = Files.createTempDirectory("lienthong-signature-bench-");
        try (RevocationServer revocation = RevocationServer.start()) {
            TestPki pki = TestPki.generate(work.resolve("pki"), revocation.base());
            revocation.serve(pki);
            Path envelope = SignedSamples.writeEnvelopeWithLargeSignedPdf(pki, work.resolve("envelope.edxml"), 700 * 1024);
            Properties properties = ConnectorProperties.load(null);
            properties.setProperty("lienthong.signature.trust-store", pki.trustStoreDirectory().toString());
            DocumentVerifier verifier = DocumentVerifier.create(SignatureSettings.from(properties, work),
                    ReadLimits.DEFAULTS, Files.createDirectories(work.resolve("spool")), Clock.systemUTC());

            DocumentSignatures first = verifier.verify(envelope);
            if (first.verdict() != Verdict.VALID || first.checks().size() != 3) {
                throw new IllegalStateException("the benchmark document does not verify as expected: " + first);
            }
            System.out.printf("envelope %,d bytes; %d signatures (envelope XML-DSig + 2 PDF signatures); all VALID%n",
                    Files.size(envelope), first.checks().size());
            runFor(verifier, envelope, 5, "warm-up");
            for (int run = 1; run <= 3; run++) {
                runFor(verifier, envelope, seconds, "run " + run);
            }
        }
    }

    private static void runFor(DocumentVerifier verifier, Path envelope, int seconds, String label) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        int checks = 0;
        while (System.nanoTime() < end) {
            if (verifier.verify(envelope).verdict() != Verdict.VALID) {
                throw new IllegalStateException("a check stopped being VALID");
            }
            checks++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d document checks in %.1f s = %.1f checks/s (%.1f ms each)%n",
                label, checks, elapsed, checks / elapsed, elapsed * 1000 / checks);
    }
}
