package vn.lienthong.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a successful verification established, gathered as the checks stream: the entries checked, their range, every
 * anchor checked with its times, notes that limit what is proven, and whether the auditor's expected head was met.
 */
public final class Verification {

    /** A remark that is not a failure but limits the proof (a tail not yet anchored, an unstamped anchor). */
    public record Note(String vietnamese, String english) {
    }

    private long entries;
    private long firstSequence = -1;
    private long lastSequence = -1;
    private String lastHash;
    private final List<AnchorVerdict> anchors = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private final String expectedHead;
    private boolean expectedHeadFound;

    /** @param expectedHead a hash the auditor holds (an entryHash or an anchor's root), or null */
    public Verification(String expectedHead) {
        this.expectedHead = expectedHead == null ? null : expectedHead.strip().toLowerCase(Locale.ROOT);
    }

    void entry(long sequence, String entryHash) {
        if (firstSequence < 0) {
            firstSequence = sequence;
        }
        lastSequence = sequence;
        lastHash = entryHash;
        entries++;
        seen(entryHash);
    }

    void anchor(AnchorVerdict verdict) {
        anchors.add(verdict);
        seen(verdict.root());
    }

    /** A hash proven by an anchor (its head's last entry), which also counts for the expected head. */
    void seen(String hash) {
        if (expectedHead != null && expectedHead.equals(hash)) {
            expectedHeadFound = true;
        }
    }

    void note(String vietnamese, String english) {
        notes.add(new Note(vietnamese, english));
    }

    public long entries() {
        return entries;
    }

    public long firstSequence() {
        return firstSequence;
    }

    public long lastSequence() {
        return lastSequence;
    }

    public String lastHash() {
        return lastHash;
    }

    public List<AnchorVerdict> anchors() {
        return List.copyOf(anchors);
    }

    public List<Note> notes() {
        return List.copyOf(notes);
    }

    public String expectedHead() {
        return expectedHead;
    }

    /** Fails when the auditor named a head that nothing verified matched; say then what range was verified. */
    void requireExpectedHead() throws AuditProblem {
        if (expectedHead == null || expectedHeadFound) {
            return;
        }
        String range = entries == 0 ? "0" : firstSequence + "–" + lastSequence;
        throw new AuditProblem("EXPECTED_HEAD_NOT_FOUND", -1,
                "Mã băm " + expectedHead + " không phải mã băm của mục nào trong các mục " + range + " đã kiểm tra,"
                        + " cũng không phải gốc của mốc neo nào đã kiểm tra (" + anchors.size() + " mốc neo): nhật ký"
                        + " này không đi qua đầu nhật ký mà kiểm toán viên đang giữ.",
                "The hash " + expectedHead + " is neither the hash of any of the entries " + range + " verified nor"
                        + " the root of any anchor verified (" + anchors.size() + " anchors): this log does not pass"
                        + " through the head the auditor holds.");
    }
}
