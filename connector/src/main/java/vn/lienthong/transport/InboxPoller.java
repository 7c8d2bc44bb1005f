package vn.lienthong.transport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.axis.AxisException;
import vn.lienthong.axis.ReceivedPackage;
import vn.lienthong.edxml.MessageType;
import vn.lienthong.ops.AxisReachability;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.metrics.FlowMetrics;
import java.time.Duration;

/**
 * Collects what waits for this agency on the axis. The route fetches each package into the store, puts it on
 * a durable queue, and only then acknowledges it ({@code updateStatus done}), so a crash at any point leaves
 * the package either on our queue or still listed on the axis, never neither. A package fetched twice is
 * harmless: inbound intake recognises its key.
 */
public final class InboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(InboxPoller.class);

    private final AxisClient axis;
    private final DocumentStore store;
    private final TransmissionLog log;
    private final AxisReachability reachability;
    private final FlowMetrics metrics;

    public InboxPoller(AxisClient axis, DocumentStore store, TransmissionLog log, AxisReachability reachability) {
        this(axis, store, log, reachability, FlowMetrics.NONE);
    }

    /** As above, each package fetched counted and timed in {@code metrics}. */
    public InboxPoller(AxisClient axis, DocumentStore store, TransmissionLog log, AxisReachability reachability,
                       FlowMetrics metrics) {
        this.metrics = metrics;
        this.axis = axis;
        this.store = store;
        this.log = log;
        this.reachability = reachability;
    }

    /**
     * A package fetched into the store under a temporary name, for the inbound or status-in queue, with what the
     * axis's list said of its sender and recipients (intake uses them where the envelope is silent).
     */
    public record Fetched(String docId, String messageType, String file, String from, String to) {

        public boolean isStatus() {
            return "status".equalsIgnoreCase(messageType);
        }
    }

    /** Everything waiting: documents first, then status notices. */
    public List<ReceivedPackage> waiting() throws AxisException {
        List<ReceivedPackage> waiting;
        try {
            waiting = new ArrayList<>(axis.getReceivedEdocList(MessageType.EDOC));
            waiting.addAll(axis.getReceivedEdocList(MessageType.STATUS));
            reachability.polled();
        } catch (AxisException e) {
            reachability.failed(e.getMessage());
            throw e;
        }
        if (!waiting.isEmpty()) {
            LOG.debug("{} package(s) waiting on the axis", waiting.size());
        }
        return waiting;
    }

    public Fetched fetch(ReceivedPackage waiting) throws AxisException, IOException {
        Path file = store.newFetchedFile();
        long begun = System.nanoTime();
        try {
            axis.getEdoc(waiting.docId(), file);
        } catch (AxisException e) {
            store.discard(file);
            metrics.stage(Direction.INBOUND, "received", "failed", Duration.ofNanos(System.nanoTime() - begun));
            throw e;
        }
        metrics.stage(Direction.INBOUND, "received", "ok", Duration.ofNanos(System.nanoTime() - begun));
        String messageType = waiting.messageType() == null ? "edoc" : waiting.messageType();
        log.append(null, Steps.FETCHED_FROM_AXIS, Steps.OK, 1, null, "axis DocId " + waiting.docId() + " (" + messageType + ")");
        return new Fetched(waiting.docId(), messageType, file.toString(), waiting.from(), waiting.to());
    }

    /** Tells the axis the package is safely ours; called only after it is on a durable queue. */
    public void acknowledge(String docId) throws AxisException {
        axis.updateStatus(docId, true);
        log.append(null, Steps.COLLECTED, Steps.OK, 1, null, "axis DocId " + docId);
    }
}
