package vn.lienthong.signature.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import vn.lienthong.edxml.Attachment;
import vn.lienthong.edxml.EnvelopeReader;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.edxml.ReadOutcome;
import vn.lienthong.signature.DocumentSignatures;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.pdf.PdfSignatureVerifier;
import vn.lienthong.signature.pki.CertificateValidator;
import vn.lienthong.signature.pki.TrustAnchors;
import vn.lienthong.signature.xml.EnvelopeSignatureVerifier;

/**
 * Every signature of a document: the envelope's XML-DSig, then each PDF attachment's signatures (read from the
 * spool files the streaming reader writes, so no attachment is held in the heap). In the flows the spool files are
 * those of validation's reading pass, handed over, so the envelope is not read a second time for them.
 */
public final class DocumentVerifier {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final EnvelopeSignatureVerifier envelopes;
    private final PdfSignatureVerifier pdfs;
    private final EnvelopeReader reader;

    public DocumentVerifier(EnvelopeSignatureVerifier envelopes, PdfSignatureVerifier pdfs, EnvelopeReader reader) {
        this.envelopes = envelopes;
        this.pdfs = pdfs;
        this.reader = reader;
    }

    /** Wires the verifiers from the settings: one certificate validator (and its revocation cache) for all. */
    public static DocumentVerifier create(SignatureSettings settings, ReadLimits limits, Path spoolDirectory, Clock clock) {
        TrustAnchors anchors = settings.trustStore() == null ? TrustAnchors.of(List.of()) : TrustAnchors.load(settings.trustStore());
        CertificateValidator certificates = new CertificateValidator(anchors,
                settings.revocation(), HttpClient.newBuilder().connectTimeout(settings.revocation().timeout()).build(), clock);
        EnvelopeSignatureVerifier envelopes = new EnvelopeSignatureVerifier(
                (signer, others, at) -> certificates.assess(signer, others, at).reasons(),
                settings.signerCertificates(), settings.allowSha1(), clock);
        return new DocumentVerifier(envelopes, new PdfSignatureVerifier(certificates, clock, settings.pdfIntegrity()),
                new EnvelopeReader(limits, spoolDirectory));
    }

    /** A PDF file's own signatures, or an envelope's (for the verify command, which takes both). */
    public DocumentSignatures verifyFile(Path file) throws IOException {
        if (isPdf(file)) {
            return new DocumentSignatures(pdfs.verify(file, file.getFileName().toString()));
        }
        return verify(file);
    }

    /** Reads {@code envelope} for its attachments, then checks every signature (the verify command's way). */
    public DocumentSignatures verify(Path envelope) throws IOException {
        try (ReadOutcome outcome = reader.read(envelope)) {
            return verify(envelope, outcome);
        }
    }

    /**
     * Checks every signature of {@code envelope}, whose reading pass ({@code read}, left open for the caller to close)
     * already spooled and hashed its attachments: the PDF signatures are verified from those spool files, and the
     * envelope is only read again for its XML-DSig.
     */
    public DocumentSignatures verify(Path envelope, ReadOutcome read) throws IOException {
        List<SignatureCheck> checks = new ArrayList<>();
        envelopes.verify(envelope).ifPresent(checks::add);
        if (read.envelope().isPresent()) {
            for (Attachment attachment : read.envelope().get().attachments()) {
                if (attachment.content() != null && isPdf(attachment.content().spoolFile())) {
                    checks.addAll(pdfs.verify(attachment.content().spoolFile(), displayName(attachment)));
                }
            }
        }
        return new DocumentSignatures(checks);
    }

    private static String displayName(Attachment attachment) {
        return attachment.attachmentName() != null ? attachment.attachmentName() : String.valueOf(attachment.contentId());
    }

    private static boolean isPdf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(PDF_MAGIC.length);
            return java.util.Arrays.equals(head, PDF_MAGIC);
        }
    }
}
