package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureProblem;

/**
 * Judges the bytes that follow a signature's revision. Later revisions that only add signatures (or validation
 * data) are how several people sign one PDF; a later revision that changes what a reader sees is a modification
 * the signer never saw, and the reason says what it changed.
 */
final class LaterRevisions {

    private static final Logger LOG = LoggerFactory.getLogger(LaterRevisions.class);
    /** Readers look for %%EOF within the last 1024 bytes (ISO 32000-1 §7.5.5, implementation note). */
    private static final int EOF_SEARCH_WINDOW = 1024;
    private static final int WHITESPACE_TAIL = 64;

    private final Path pdf;
    private final SignedFile file;
    private final PDDocument latestDocument;
    private RevisionSnapshot latest;

    LaterRevisions(Path pdf, SignedFile file, PDDocument latestDocument) {
        this.pdf = pdf;
        this.file = file;
        this.latestDocument = latestDocument;
    }

    Optional<Reason> after(ByteRange range) throws IOException {
        long appended = file.length() - range.end();
        if (appended == 0 || (appended <= WHITESPACE_TAIL && isWhitespace(file.read(range.end(), (int) appended)))) {
            return Optional.empty();
        }
        if (!lastBytesHoldEof()) {
            return modified(appended, "the added bytes do not form a PDF revision");
        }
        RevisionSnapshot signed;
        try (PDDocument revision = Loader.loadPDF(new FilePrefix(pdf, range.end()))) {
            signed = RevisionSnapshot.of(revision);
        } catch (IOException e) {
            return modified(appended, "the signed revision cannot be read, so what changed cannot be told");
        }
        RevisionSnapshot now = latest();
        List<String> changes = RevisionChanges.between(signed, now);
        int addedSignatures = now.signatures() - signed.signatures();
        if (changes.isEmpty()) {
            LOG.debug("{} bytes after a signed revision add {} signature(s) and change nothing the signature covers", appended, addedSignatures);
            return Optional.empty();
        }
        String also = addedSignatures > 0 ? "; a later revision also adds " + addedSignatures + " signature(s)" : "";
        return modified(appended, String.join("; ", changes) + also);
    }

    private static Optional<Reason> modified(long appended, String what) {
        return Optional.of(SignatureProblem.MODIFIED_AFTER_SIGNING.reason(appended, what));
    }

    private RevisionSnapshot latest() throws IOException {
        if (latest == null) {
            latest = RevisionSnapshot.of(latestDocument);
        }
        return latest;
    }

    private boolean lastBytesHoldEof() throws IOException {
        long from = Math.max(0, file.length() - EOF_SEARCH_WINDOW);
        return new String(file.read(from, (int) (file.length() - from)), StandardCharsets.ISO_8859_1).contains("%%EOF");
    }

    private static boolean isWhitespace(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\r' && b != '\n' && b != '\t' && b != '\f' && b != 0) {
                return false;
            }
        }
        return true;
    }
}
