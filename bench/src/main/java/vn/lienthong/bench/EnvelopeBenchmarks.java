package vn.lienthong.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.edxml.Attachment;
import vn.lienthong.edxml.EnvelopeReader;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.edxml.ReadOutcome;
import vn.lienthong.findings.Direction;
import vn.lienthong.fixtures.pki.RevocationServer;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.signature.DocumentSignatures;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.Verdict;
import vn.lienthong.signature.document.DocumentVerifier;
import vn.lienthong.signature.document.SignatureSettings;
import vn.lienthong.signature.pdf.PdfSignatureVerifier;
import vn.lienthong.signature.pki.CertificateValidator;
import vn.lienthong.signature.pki.TrustAnchors;
import vn.lienthong.signature.xml.EnvelopeSignatureVerifier;
import vn.lienthong.validation.EnvelopeValidator;
import vn.lienthong.validation.ValidationReport;
import vn.lienthong.validation.ValidationSettings;

/**
 * JMH micro-benchmarks of the steps each document goes through, on one envelope of the load harness's
 * {@code signed100k} mix (about 105 kB: an XML-DSig envelope signature, a 75 kB PDF signed by the signer and the seal),
 * under the test PKI's root with revocation online against a loopback CRL/OCSP server (answers cached after the first
 * check, as in production). Each benchmark is one operation on that one document. Run with bench/run-jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EnvelopeBenchmarks {

    private Path work;
    private RevocationServer revocation;
    private Path envelope;
    private Path pdf;
    private EnvelopeReader reader;
    private EnvelopeValidator validator;
    private DocumentVerifier documents;
    private EnvelopeSignatureVerifier envelopeSignatures;
    private PdfSignatureVerifier pdfSignatures;
    private CertificateValidator certificates;
    private X509Certificate signer;
    private List<X509Certificate> intermediates;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        work = Files.createTempDirectory("lienthong-jmh-");
        revocation = RevocationServer.start();
        TestPki pki = TestPki.generate(work.resolve("pki"), revocation.base());
        revocation.serve(pki);
        envelope = LoadMix.write("signed100k", 1, 1, pki, work.resolve("envelopes")).get(0).file();
        Path spool = Files.createDirectories(work.resolve("spool"));

        Properties properties = ConnectorProperties.load(null);
        properties.setProperty("lienthong.signature.trust-store", pki.trustStoreDirectory().toString());
        SignatureSettings settings = SignatureSettings.from(properties, work);
        Clock clock = Clock.systemUTC();
        reader = new EnvelopeReader(ReadLimits.DEFAULTS, spool);
        validator = new EnvelopeValidator(ValidationSettings.fromProperties(properties), spool);
        documents = DocumentVerifier.create(settings, ReadLimits.DEFAULTS, spool, clock);
        // The same wiring as DocumentVerifier.create, kept apart so each signature kind is timed on its own.
        certificates = new CertificateValidator(TrustAnchors.load(pki.trustStoreDirectory()), settings.revocation(),
                HttpClient.newBuilder().connectTimeout(settings.revocation().timeout()).build(), clock);
        envelopeSignatures = new EnvelopeSignatureVerifier(
                (certificate, others, at) -> certificates.assess(certificate, others, at).reasons(),
                settings.signerCertificates(), settings.allowSha1(), clock);
        pdfSignatures = new PdfSignatureVerifier(certificates, clock, settings.pdfIntegrity());
        signer = pki.signer().certificate();
        intermediates = pki.signer().chain().stream().filter(c -> !c.equals(signer)).toList();

        // The PDF as the reader spools it, kept for the PDF-only benchmark.
        try (ReadOutcome outcome = reader.read(envelope)) {
            Attachment attachment = outcome.envelope().orElseThrow().attachments().get(0);
            pdf = Files.copy(attachment.content().spoolFile(), work.resolve("attachment.pdf"));
        }
        DocumentSignatures all = documents.verify(envelope);
        if (all.verdict() != Verdict.VALID || all.checks().size() != 3) {
            throw new IllegalStateException("the benchmark document does not verify as expected: " + all);
        }
        if (!validator.validate(envelope, Direction.OUTBOUND).valid()) {
            throw new IllegalStateException("the benchmark document is not valid");
        }
        if (certificates.assess(signer, intermediates, Instant.now()).verdict() != Verdict.VALID) {
            throw new IllegalStateException("the signer's certificate does not assess as VALID");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        revocation.close();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Reading: well-formedness, limits, the element tree, base64 decoded and spooled (then the spool deleted). */
    @Benchmark
    public long read() throws IOException {
        try (ReadOutcome outcome = reader.read(envelope)) {
            return outcome.envelope().orElseThrow().attachments().get(0).content().size();
        }
    }

    /** Reading, then the structure check and every rule, as `validate` and the intake do. */
    @Benchmark
    public ValidationReport validate() throws IOException {
        return validator.validate(envelope, Direction.OUTBOUND);
    }

    /** Every signature of the document: the envelope's XML-DSig, reading to spool the PDF, both PDF signatures. */
    @Benchmark
    public DocumentSignatures verifyDocument() throws IOException {
        return documents.verify(envelope);
    }

    /** The envelope's XML-DSig alone: canonical digest, signature value, the signer's certificate path. */
    @Benchmark
    public SignatureCheck verifyEnvelopeSignature() throws IOException {
        return envelopeSignatures.verify(envelope).orElseThrow();
    }

    /** The PDF's two signatures alone (signer and seal), from the spooled file. */
    @Benchmark
    public List<SignatureCheck> verifyPdfSignatures() throws IOException {
        return pdfSignatures.verify(pdf, "attachment.pdf");
    }

    /** The signer's certificate alone: the path to the root, validity, key usage, revocation (cached answers). */
    @Benchmark
    public CertificateValidator.CertificateAssessment assessCertificate() {
        return certificates.assess(signer, intermediates, Instant.now().minus(Duration.ofMinutes(1)));
    }
}
