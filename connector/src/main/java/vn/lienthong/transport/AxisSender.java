package vn.lienthong.transport;

import java.time.Clock;
import java.util.HexFormat;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.axis.AxisException;
import vn.lienthong.edxml.MessageType;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.metrics.FlowMetrics;
import java.time.Duration;

/**
 * Sends one queued document (edoc or status) to the axis. A transient failure is thrown back so the broker's
 * transaction rolls back and the broker redelivers later (the broker owns retries for this hop); a document the
 * axis refuses is reported as {@link DocumentRefusedByAxis} for the dead-letter address. A redelivery of a
 * document already sent (a crash after the send, before the commit) is recognised and not sent again.
 */
public final class AxisSender {

    static final String SENT_MARK = "sent-to-axis";
    private static final Logger LOG = LoggerFactory.getLogger(AxisSender.class);

    private final AxisClient axis;
    private final DocumentStore store;
    private final DocumentTracker tracker;
    private final ProcessedMarks marks;
    private final TransmissionLog log;
    private final int maxAttempts;
    private final Clock clock;
    private final FlowMetrics metrics;

    public AxisSender(AxisClient axis, DocumentStore store, DocumentTracker tracker, ProcessedMarks marks,
                      TransmissionLog log, int maxAttempts, Clock clock) {
        this(axis, store, tracker, marks, log, maxAttempts, clock, FlowMetrics.NONE);
    }

    /** As above, each send counted and timed in {@code metrics}. */
    public AxisSender(AxisClient axis, DocumentStore store, DocumentTracker tracker, ProcessedMarks marks,
                      TransmissionLog log, int maxAttempts, Clock clock, FlowMetrics metrics) {
        this.metrics = metrics;
        this.clock = clock;
        this.axis = axis;
        this.store = store;
        this.tracker = tracker;
        this.marks = marks;
        this.log = log;
        this.maxAttempts = maxAttempts;
    }

    public void send(String key, Integer deliveryCount) throws AxisException, DocumentRefusedByAxis {
        long begun = System.nanoTime();
        String outcome = "failed";
        try {
            sendOnce(key, deliveryCount);
            outcome = "sent";
        } catch (DocumentRefusedByAxis refused) {
            outcome = "refused";
            throw refused;
        } finally {
            metrics.stage(Direction.OUTBOUND, "sent", outcome, Duration.ofNanos(System.nanoTime() - begun));
        }
    }

    private void sendOnce(String key, Integer deliveryCount) throws AxisException, DocumentRefusedByAxis {
        int attempt = deliveryCount == null ? 1 : deliveryCount;
        DocumentKey documentKey = new DocumentKey(key);
        TrackedDocument document = tracker.find(documentKey)
                .orElseThrow(() -> new IllegalStateException("queued key " + key + " is not tracked"));
        QueuedStep.takenFromQueue(log, metrics, document);
        // Sent before a crash that came before the broker's commit: record what is missing, never send again.
        String marked = marks.detail(documentKey, SENT_MARK).orElse(null);
        boolean sentNow = marked == null;
        String docId = sentNow ? sendNow(key, document, attempt) : marked;
        // Everything the send means is written in one transaction: either the mark, the axis id, SENT, the
        // recipients' "sent" and the log entry are all there, or none is and a redelivery sends again (as a crash
        // just after the send always could).
        Instant now = clock.instant();
        boolean advanced = log.hop(hop -> {
            if (sentNow) {
                hop.mark(documentKey, SENT_MARK, docId);
            }
            hop.recordAxisDocId(documentKey, docId);
            if (!hop.advance(documentKey, DocumentState.SENT, null)) {
                return false;
            }
            for (String recipient : document.recipients()) {
                hop.addRecipientStatus(documentKey, new RecipientStatus(recipient, "sent", "gửi lên trục / sent to the axis", now));
            }
            hop.append(key, Steps.SENT_TO_AXIS, Steps.OK, attempt, document.envelopeSha256(), "axis DocId " + docId);
            return true;
        });
        if (advanced) {
            metrics.reached(Direction.OUTBOUND, "sent", document.created());
            LOG.info("Sent {} {} to the axis as DocId {} (attempt {})", document.messageType(), key, docId, attempt);
        }
    }

    private String sendNow(String key, TrackedDocument document, int attempt) throws AxisException, DocumentRefusedByAxis {
        MessageType type = "status".equals(document.messageType()) ? MessageType.STATUS : MessageType.EDOC;
        try {
            // Filed under its SHA-256 at intake: the file is not read once more to name its hash.
            byte[] sha256 = document.envelopeSha256() == null ? null : HexFormat.of().parseHex(document.envelopeSha256());
            return axis.sendEdoc(store.pathOf(key), sha256, document.senderOrganId(), type, document.recipients());
        } catch (AxisException e) {
            if (e.kind() == AxisException.Kind.PERMANENT) {
                log.append(key, Steps.SEND_FAILED, Steps.REFUSED, attempt, document.envelopeSha256(), e.getMessage());
                throw new DocumentRefusedByAxis("the axis refused the document: " + e.getMessage());
            }
            boolean lastAttempt = attempt >= maxAttempts;
            log.append(key, Steps.SEND_FAILED, lastAttempt ? Steps.REFUSED : Steps.RETRY, attempt,
                    document.envelopeSha256(), e.kind() + ": " + e.getMessage());
            if (lastAttempt) {
                deadLettered(key, "gave up after " + attempt + " attempts; last: " + e.getMessage());
            }
            LOG.warn("Sending {} failed (attempt {}, {}): {}", key, attempt, e.kind(), e.getMessage());
            throw e;
        }
    }

    /** Called by the route after it moved the message to the dead-letter address, with the reason. */
    public void deadLettered(String key, String reason) {
        DocumentKey documentKey = new DocumentKey(key);
        boolean deadLettered = log.advanceAndAppend(documentKey, DocumentState.DEAD_LETTERED, reason,
                Steps.DEAD_LETTERED, Steps.REFUSED, 0, null, reason);
        if (deadLettered) {
            LOG.warn("Dead-lettered {}: {}", key, reason);
        }
    }
}
