package vn.lienthong.tracking;

/**
 * Where a document is. States only move forward (RECEIVED, QUEUED, SENT, DELIVERED), so a replayed step
 * can never undo a later one; REFUSED and DEAD_LETTERED end the document and are reachable from any other
 * state that has not ended.
 */
public enum DocumentState {
    RECEIVED(0),
    REFUSED(Integer.MAX_VALUE),
    QUEUED(1),
    SENT(2),
    DELIVERED(3),
    DEAD_LETTERED(Integer.MAX_VALUE);

    private final int progress;

    DocumentState(int progress) {
        this.progress = progress;
    }

    public boolean isTerminal() {
        return this == REFUSED || this == DEAD_LETTERED;
    }

    /** Whether a document in this state may move to {@code next}; staying in the same state is not a move. */
    public boolean canMoveTo(DocumentState next) {
        if (isTerminal() || next == this) {
            return false;
        }
        return next.isTerminal() || next.progress > progress;
    }
}
