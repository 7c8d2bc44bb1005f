package vn.lienthong.audit;

/**
 * Follows the hash chain one entry at a time, as an export's lines or a database's rows arrive, keeping only the
 * last sequence and hash: every problem names the first entry that breaks the chain and says how.
 */
final class ChainCheck {

    private long expected;
    private String previous;
    private long count;

    /** Starts before entry {@code firstSequence}, whose previousHash must be {@code previousHash}. */
    ChainCheck(long firstSequence, String previousHash) {
        this.expected = firstSequence;
        this.previous = previousHash;
    }

    long nextSequence() {
        return expected;
    }

    /** The hash of the last entry accepted (the starting previousHash before any). */
    String lastHash() {
        return previous;
    }

    long count() {
        return count;
    }

    /**
     * One entry: a full one (its previousHash and its recomputed hash given) or an omitted one (both null: only its
     * place and hash are known, which the tree then proves).
     *
     * @param followingSequence the sequence of the entry after it, or -1 when unknown; it tells a swapped pair apart
     *                          from a gap
     */
    void accept(long sequence, String previousHash, String entryHash, String recomputed, long followingSequence)
            throws AuditProblem {
        if (sequence != expected) {
            throw misplaced(sequence, followingSequence);
        }
        if (previousHash != null && !previousHash.equals(previous)) {
            throw new AuditProblem("LINK_BROKEN", sequence,
                    "Mục " + sequence + " không mang mã băm của mục " + (sequence - 1) + " (mang " + previousHash
                            + ", mục " + (sequence - 1) + " có " + previous + "): một mục trước nó đã bị thay, xóa hoặc"
                            + " chèn thêm.",
                    "Entry " + sequence + " does not carry the hash of entry " + (sequence - 1) + " (it carries "
                            + previousHash + ", entry " + (sequence - 1) + " has " + previous + "): an entry before it"
                            + " was replaced, removed or inserted.");
        }
        if (recomputed != null && !recomputed.equals(entryHash)) {
            throw new AuditProblem("ENTRY_ALTERED", sequence,
                    "Mục " + sequence + " đã bị sửa: nội dung của mục không còn khớp với mã băm của nó (ghi " + entryHash
                            + ", tính lại được " + recomputed + ").",
                    "Entry " + sequence + " was altered: its content no longer matches its hash (recorded " + entryHash
                            + ", recomputed " + recomputed + ").");
        }
        previous = entryHash;
        expected++;
        count++;
    }

    private AuditProblem misplaced(long sequence, long following) {
        if (sequence == expected + 1 && following == expected) {
            return new AuditProblem("ENTRIES_REORDERED", expected,
                    "Mục " + expected + " và mục " + (expected + 1) + " bị đảo thứ tự: mục " + (expected + 1)
                            + " đứng trước mục " + expected + ".",
                    "Entries " + expected + " and " + (expected + 1) + " are in the wrong order: entry "
                            + (expected + 1) + " comes before entry " + expected + ".");
        }
        if (sequence > expected) {
            return missing(expected, sequence - 1, "sau mục " + (expected - 1) + " là mục " + sequence,
                    "entry " + sequence + " follows entry " + (expected - 1));
        }
        if (sequence == expected - 1) {
            return new AuditProblem("ENTRY_INSERTED", sequence,
                    "Mục " + sequence + " xuất hiện hai lần liên tiếp: một mục đã được chèn thêm hoặc lặp lại.",
                    "Entry " + sequence + " appears twice in a row: an entry was inserted or repeated.");
        }
        return new AuditProblem("ENTRY_OUT_OF_ORDER", sequence,
                "Mục " + sequence + " nằm sai chỗ: sau mục " + (expected - 1) + " phải là mục " + expected + ".",
                "Entry " + sequence + " is out of place: entry " + expected + " must follow entry " + (expected - 1)
                        + ".");
    }

    static AuditProblem missing(long from, long to, String vietnameseEvidence, String englishEvidence) {
        String vi = from == to ? "Thiếu mục " + from : "Thiếu các mục " + from + " đến " + to;
        String en = from == to ? "Entry " + from + " is missing" : "Entries " + from + " to " + to + " are missing";
        return new AuditProblem("ENTRIES_MISSING", from, vi + ": " + vietnameseEvidence + ".", en + ": "
                + englishEvidence + ".");
    }
}
