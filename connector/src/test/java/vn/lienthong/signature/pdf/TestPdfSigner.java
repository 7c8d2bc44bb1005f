package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import vn.lienthong.fixtures.pki.TestPki.Credential;

/**
 * Adds a signature to a PDF file as an incremental update, the way signing tools do: PDFBox lays out the ByteRange
 * and the /Contents placeholder, BouncyCastle makes the CMS over the bytes as they stream from disk.
 */
final class TestPdfSigner {

    /** Enough room for a CMS with two certificates and a time stamp carrying two more. */
    private static final int CONTENTS_BYTES = 16 * 1024;

    private final TestCms.Key key;
    private String algorithm = "SHA256withRSA";
    private Instant signingTime = Instant.now();
    private TestCms.Tsa tsa;
    private String subFilter = PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED.getName();
    private boolean documentTimestamp;

    private TestPdfSigner(TestCms.Key key) {
        this.key = key;
    }

    static TestPdfSigner with(Credential credential) {
        return new TestPdfSigner(new TestCms.Key(credential.privateKey(), credential.certificate(), credential.chain()));
    }

    static TestPdfSigner with(TestCms.Key key) {
        return new TestPdfSigner(key);
    }

    TestPdfSigner algorithm(String jcaName) {
        this.algorithm = jcaName;
        return this;
    }

    TestPdfSigner at(Instant time) {
        this.signingTime = time;
        return this;
    }

    TestPdfSigner timestampedBy(TestCms.Tsa authority) {
        this.tsa = authority;
        this.subFilter = PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName();
        return this;
    }

    /** A PAdES document time stamp instead of a signature: /Contents is the TSA's token over the signed bytes. */
    static TestPdfSigner documentTimestamp(TestCms.Tsa authority) {
        TestPdfSigner stamper = new TestPdfSigner(authority.key());
        stamper.tsa = authority;
        stamper.subFilter = "ETSI.RFC3161";
        stamper.documentTimestamp = true;
        return stamper;
    }

    /** Writes {@code input} plus a signing revision to {@code output}. */
    Path sign(Path input, Path output) throws IOException {
        try (PDDocument document = Loader.loadPDF(input.toFile());
                SignatureOptions options = new SignatureOptions();
                OutputStream out = Files.newOutputStream(output)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            if (documentTimestamp) {
                signature.setType(org.apache.pdfbox.cos.COSName.getPDFName("DocTimeStamp"));
            }
            signature.setSubFilter(org.apache.pdfbox.cos.COSName.getPDFName(subFilter));
            signature.setName("test signer");
            signature.setSignDate(calendar(signingTime));
            options.setPreferredSignatureSize(CONTENTS_BYTES);
            document.addSignature(signature, options);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            try (InputStream content = external.getContent()) {
                external.setSignature(documentTimestamp
                        ? TestCms.timestamp(sha256(content), tsa).getEncoded()
                        : TestCms.signDetached(content, key, algorithm, signingTime, tsa));
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("signing failed", e);
            }
        }
        return output;
    }

    private static byte[] sha256(InputStream content) throws Exception {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        try (java.security.DigestInputStream in = new java.security.DigestInputStream(content, digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return digest.digest();
    }

    private static Calendar calendar(Instant time) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("Asia/Ho_Chi_Minh"));
        calendar.setTimeInMillis(time.toEpochMilli());
        return calendar;
    }
}
