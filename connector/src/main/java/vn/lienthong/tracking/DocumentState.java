package vn.lienthong.tracking;

/**
 * Where a document is. States only move forward (RECEIVED, QUEUED, SENT, DELIVERED), so a replayed step
 * can never undo a later one. REFUSED, QUARANTINED, DEAD_LETTERED and DISCARDED end the document for every flow
 * step and are reachable from any other state that has not ended.
 *
 * <p>An inbound package that is REFUSED or QUARANTINED is <em>held</em>, not lost: it stays in the store and only
 * an operator moves it on, by releasing it (back to RECEIVED, then delivered) or discarding it (DISCARDED, with a
 * reason). Those two moves are the tracker's own ({@code release}, {@code discard}), never a flow step's.
 */
public enum DocumentState {
    RECEIVED(0),
    REFUSED(Integer.MAX_VALUE),
    QUARANTINED(Integer.MAX_VALUE),
    QUEUED(1),
    SENT(2),
    DELIVERED(3),
    DEAD_LETTERED(Integer.MAX_VALUE),
    DISCARDED(Integer.MAX_VALUE);

    private final int progress;

    DocumentState(int progress) {
        this.progress = progress;
    }

    public boolean isTerminal() {
        return progress == Integer.MAX_VALUE;
    }

    /** Whether an inbound package in this state waits for an operator to release or discard it. */
    public boolean isHeld() {
        return this == REFUSED || this == QUARANTINED;
    }

    /** Whether a document in this state may move to {@code next}; staying in the same state is not a move. */
    public boolean canMoveTo(DocumentState next) {
        if (isTerminal() || next == this) {
            return false;
        }
        return next.isTerminal() || next.progress > progress;
    }
}
