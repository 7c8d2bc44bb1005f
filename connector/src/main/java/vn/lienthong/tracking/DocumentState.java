package vn.lienthong.tracking;

/**
 * Where a document is. States only move forward (RECEIVED, QUEUED, SENT, DELIVERED), so a replayed step
 * can never undo a later one. REFUSED, QUARANTINED, DEAD_LETTERED and DISCARDED end the document for every flow
 * step and are reachable from any other state that has not ended.
 *
 * <p>An inbound package that is REFUSED or QUARANTINED is <em>held</em>, not lost: it stays in the store and only
 * an operator moves it on, by releasing it (back to RECEIVED, then delivered) or discarding it (DISCARDED, with a
 * reason). Those two moves are the tracker's own ({@code release}, {@code discard}), never a flow step's.
 *
 * <p>A DEAD_LETTERED document waits in its flow's dead-letter queue for an operator, who either retries it (back to
 * QUEUED, its message back on its original queue, so the flow's steps record it again) or discards it (DISCARDED,
 * with a reason). Those are the tracker's own moves too ({@code retryDeadLetter}, {@code discardDeadLetter}); see
 * {@link #canBeRetried()} and {@link #canBeDiscardedAsDeadLetter()}.
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

    /** Whether an operator may put a document in this state back on its queue: only a dead-lettered one. */
    public boolean canBeRetried() {
        return this == DEAD_LETTERED;
    }

    /**
     * Whether an operator discarding a dead letter may end a document in this state: a dead-lettered one, or one whose
     * message the broker moved to a dead-letter queue while its tracking state had not ended (a delivery to one DMS
     * client that kept failing). A delivered document stays delivered: a stray message of it is only removed.
     */
    public boolean canBeDiscardedAsDeadLetter() {
        return this == DEAD_LETTERED || (!isTerminal() && this != DELIVERED);
    }

    /** Whether a flow step may move a document in this state to {@code next}; staying in the same state is not a move. */
    public boolean canMoveTo(DocumentState next) {
        if (isTerminal() || next == this) {
            return false;
        }
        return next.isTerminal() || next.progress > progress;
    }
}
