package vn.lienthong.runtime;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import vn.lienthong.ops.http.DeadLettersResource;
import vn.lienthong.ops.http.DocumentsResource;
import vn.lienthong.ops.http.HeldResource;
import vn.lienthong.ops.http.OpsResource;
import vn.lienthong.tracking.DocumentFindings;
import vn.lienthong.tracking.DocumentSearch;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.transport.DeadLetters;
import vn.lienthong.transport.DocumentHistory;
import vn.lienthong.transport.DocumentStore;
import vn.lienthong.transport.InboundHold;
import vn.lienthong.transport.OutboundIntake;
import vn.lienthong.transport.OutboundQuarantine;

/**
 * The operations resources for dead letters, held documents of both directions and the documents list, put together
 * from what the connector already has; the runtime adds them to the operations API.
 */
final class DeadLettersAndHeld {

    /** What the resources are made of. {@code jms} must not cache consumers (the broker's own factory, not Spring's). */
    record Parts(ConnectionFactory jms, TrackingDatabase database, DocumentTracker tracker, TransmissionLog log,
                 DocumentFindings findings, DocumentStore store, InboundHold hold, OutboundIntake outboundIntake,
                 OutboundQuarantine.SendQueue queues, Path data, int maxAttempts, Clock clock) {
    }

    private DeadLettersAndHeld() {
    }

    static List<OpsResource> resources(Parts parts) {
        return List.of(
                new DeadLettersResource(new DeadLetters(parts.jms(), parts.tracker(), parts.log(), parts.maxAttempts()),
                        parts.tracker(), parts.log()),
                new DocumentsResource(new DocumentSearch(parts.database()),
                        new DocumentHistory(parts.tracker(), parts.log(), parts.findings(), parts.store())),
                new HeldResource(parts.hold(), new OutboundQuarantine(parts.data().resolve("quarantine/outbound"),
                        parts.outboundIntake(), parts.tracker(), parts.log(), parts.queues(), parts.clock())));
    }
}
