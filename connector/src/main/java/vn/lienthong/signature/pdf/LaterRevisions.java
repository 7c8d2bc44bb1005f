package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureProblem;

/**
 * Judges every byte that follows a signature's revision. They must be real incremental updates (see
 * {@link AppendedBytes}), and every object those updates define must be one the signature allows to change (see
 * {@link RevisionAudit}): later signatures, time stamps, validation data, and form fill or annotations where the
 * certification level or the policy permits them. Anything else is MODIFIED_AFTER_SIGNING, with what changed;
 * bytes after the last %%EOF that are no revision are TRAILING_BYTES, with the configured verdict.
 */
final class LaterRevisions {

    private static final Logger LOG = LoggerFactory.getLogger(LaterRevisions.class);
    /** A reason names this many changes at most, then says how many more there are. */
    private static final int CHANGES_NAMED = 5;

    private final Path pdf;
    private final SignedFile file;
    private final PDDocument latestDocument;
    private final PdfIntegrityPolicy policy;

    LaterRevisions(Path pdf, SignedFile file, PDDocument latestDocument, PdfIntegrityPolicy policy) {
        this.pdf = pdf;
        this.file = file;
        this.latestDocument = latestDocument;
        this.policy = policy;
    }

    Optional<Reason> after(ByteRange range) throws IOException {
        AppendedBytes.Outcome appended = AppendedBytes.examine(file, range.end());
        long added = file.length() - range.end();
        switch (appended.shape()) {
            case NONE:
                return Optional.empty();
            case TOO_LARGE:
            case NOT_A_REVISION:
                return modified(added, List.of(appended.why()));
            default:
                break;
        }
        List<Bilingual> changes;
        try (PDDocument revision = PdfReader.load(new FilePrefix(pdf, range.end()))) {
            changes = RevisionAudit.changes(revision, latestDocument, range.end(), policy);
        } catch (IOException e) {
            return modified(added, List.of(new Bilingual("không đọc được bản đã ký nên không biết được điều gì đã đổi",
                    "the signed revision cannot be read, so what changed cannot be told")));
        }
        if (!changes.isEmpty()) {
            return modified(added, changes);
        }
        if (appended.shape() == AppendedBytes.Shape.TRAILING_BYTES) {
            return Optional.of(SignatureProblem.TRAILING_BYTES.reason(appended.why()).withVerdict(policy.trailingBytes()));
        }
        LOG.debug("{} later revision(s) after a signed revision change nothing the signature forbids", appended.revisions());
        return Optional.empty();
    }

    private static Optional<Reason> modified(long appended, List<Bilingual> changes) {
        List<Bilingual> named = changes.subList(0, Math.min(CHANGES_NAMED, changes.size()));
        String moreVietnamese = changes.size() > CHANGES_NAMED ? "; và " + (changes.size() - CHANGES_NAMED) + " thay đổi khác" : "";
        String moreEnglish = changes.size() > CHANGES_NAMED ? "; and " + (changes.size() - CHANGES_NAMED) + " more changes" : "";
        Bilingual what = new Bilingual(
                String.join("; ", named.stream().map(Bilingual::vietnamese).toList()) + moreVietnamese,
                String.join("; ", named.stream().map(Bilingual::english).toList()) + moreEnglish);
        return Optional.of(SignatureProblem.MODIFIED_AFTER_SIGNING.reason(appended, what));
    }
}
