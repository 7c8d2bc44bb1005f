package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.pki.CertificateValidator;

/**
 * Checks every signature in a PDF attachment, each on its own: an official document usually carries the signer's
 * personal signature and then the agency's seal. The PDF is read from the file as needed, never loaded whole, so
 * a large scanned attachment costs buffers, not its size in memory. Thread-safe.
 */
public final class PdfSignatureVerifier {

    private final CertificateValidator certificates;
    private final Clock clock;
    private final PdfIntegrityPolicy integrity;

    /** With the default policy for what may follow a signature ({@link PdfIntegrityPolicy#DEFAULTS}). */
    public PdfSignatureVerifier(CertificateValidator certificates, Clock clock) {
        this(certificates, clock, PdfIntegrityPolicy.DEFAULTS);
    }

    public PdfSignatureVerifier(CertificateValidator certificates, Clock clock, PdfIntegrityPolicy integrity) {
        this.certificates = certificates;
        this.clock = clock;
        this.integrity = integrity;
    }

    /**
     * Every signature in the PDF, each judged on its own, in the order of the form's fields; empty when unsigned.
     * {@code attachmentName} goes into SignatureCheck.where as "name — field name".
     *
     * A file that does not parse as a PDF gives one INDETERMINATE check, {@code PDF_UNREADABLE}.
     *
     * @throws IOException when the file cannot be read
     */
    public List<SignatureCheck> verify(Path pdf, String attachmentName) throws IOException {
        try (SignedFile file = new SignedFile(pdf);
                RandomAccessReadBufferedFile source = new RandomAccessReadBufferedFile(pdf.toFile());
                PDDocument document = load(source)) {
            if (document == null) {
                // Whether it holds a signature cannot be told: INDETERMINATE, for the policy to decide, never a crash
                // that would retry the document for ever.
                List<Reason> reasons = List.of(SignatureProblem.PDF_UNREADABLE.reason());
                return List.of(new SignatureCheck(SignatureCheck.Kind.PDF, attachmentName,
                        SignatureCheck.verdictOf(reasons), reasons, null, null, false, null));
            }
            PdfSignatureJudge judge = new PdfSignatureJudge(certificates, clock, file, new LaterRevisions(pdf, file, document, integrity));
            List<SignatureCheck> checks = new ArrayList<>();
            for (PDSignatureField field : document.getSignatureFields()) {
                if (field.getSignature() != null) {
                    checks.add(judgeOne(judge, field, attachmentName + " — " + field.getFullyQualifiedName()));
                }
            }
            return checks;
        }
    }

    /** The parsed document, or null when the bytes do not parse as a PDF. */
    private static PDDocument load(RandomAccessReadBufferedFile source) {
        try {
            return PdfReader.load(source);
        } catch (IOException | RuntimeException unparseable) {
            return null;
        }
    }

    /** A hostile PDF can hold a signature dictionary of any shape; that is a finding about it, not a crash. */
    private static SignatureCheck judgeOne(PdfSignatureJudge judge, PDSignatureField field, String where) throws IOException {
        try {
            return judge.judge(field.getSignature(), where);
        } catch (RuntimeException e) {
            // The exception's message is English; the Vietnamese phrase says the same without it.
            List<Reason> reasons = List.of(SignatureProblem.SIGNATURE_MALFORMED.reason(new Bilingual(
                    "không đọc được từ điển chữ ký trong tệp PDF",
                    "the signature dictionary cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")));
            return new SignatureCheck(SignatureCheck.Kind.PDF, where, SignatureCheck.verdictOf(reasons), reasons, null, null, false, null);
        }
    }
}
