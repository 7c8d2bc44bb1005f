package vn.lienthong.transport;

import java.time.Duration;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.metrics.FlowMetrics;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;

/**
 * A document's QUEUED step: its state, its log entry and, outbound, its count. Whoever puts a key on a flow's queue
 * records it once the key is durably there; but the queue's consumer may take the key and move the document on first
 * (SENT, DELIVERED, DEAD_LETTERED), after which QUEUED is no longer a move and would never be recorded. So a consumer
 * that takes a key whose document is still RECEIVED records the step first. The state only moves forward, so whichever
 * of the two comes first records it, and the other finds it done: once per document, and before the consumer's own
 * steps in the log.
 */
public final class QueuedStep {

    /** The log entry's detail for a document queued for the DMS. */
    static final String FOR_THE_DMS = "for delivery to the DMS";

    private QueuedStep() {
    }

    /** Outbound (the outbound or status-out queue): true if the document moved to QUEUED now. */
    public static boolean outbound(TransmissionLog log, FlowMetrics metrics, DocumentKey key) {
        boolean moved = log.advanceAndAppend(key, DocumentState.QUEUED, null, Steps.QUEUED, Steps.OK, 1, null, null);
        if (moved) {
            metrics.stage(Direction.OUTBOUND, "queued", "ok", Duration.ZERO);
        }
        return moved;
    }

    /** Inbound (the delivery queue): true if the document moved to QUEUED now. */
    public static boolean inbound(TransmissionLog log, DocumentKey key) {
        return log.advanceAndAppend(key, DocumentState.QUEUED, null, Steps.QUEUED, Steps.OK, 1, null, FOR_THE_DMS);
    }

    /**
     * For a consumer that took {@code document}'s key from its queue: records the step now if the one who queued it
     * has not yet, which the document's state, read as the consumer took it, tells (a state read just before the
     * queuer records it costs one update that moves nothing).
     */
    public static void takenFromQueue(TransmissionLog log, FlowMetrics metrics, TrackedDocument document) {
        if (document.state() != DocumentState.RECEIVED) {
            return;
        }
        if (document.direction() == Direction.OUTBOUND) {
            outbound(log, metrics, document.key());
        } else {
            inbound(log, document.key());
        }
    }
}
