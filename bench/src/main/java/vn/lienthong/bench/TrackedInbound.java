package vn.lienthong.bench;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.PullInbox;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;

/**
 * What the receiving connector writes to its tracking database for one inbound document delivered to a DMS that
 * pulls (the load harness's recipient), as its flows write it: fetched from the axis (one hop), the duplicate check,
 * the signature verdict with the registration and inbound-accepted (one), collected (one), queued (one), then, after
 * reading the document, the pull-inbox entry with its mark and DELIVERED (one), and the client's acknowledgement (one).
 * Six commits when one thread writes; the log writer groups hops of several documents when many do.
 */
final class TrackedInbound {

    private static final String SENDER = "000.00.00.G01";
    private static final String RECIPIENT = "000.00.00.H01";
    private static final String CLIENT = "recipient-dms";
    private static final String VERDICT = "axis package: VALID [ENVELOPE_XMLDSIG VALID (serial 11307e88448f2354); PDF"
            + " VALID (serial 11307e88448f2355); PDF VALID (serial 11307e88448f2356)]";

    private final TransmissionLog log;
    private final DocumentTracker tracker;
    private final PullInbox inbox;
    private long documents;

    TrackedInbound(TrackingDatabase database, Clock clock) {
        this.log = new TransmissionLog(database, clock);
        this.tracker = new DocumentTracker(database, clock);
        this.inbox = new PullInbox(database, clock);
    }

    /** How many documents were tracked so far. */
    long documents() {
        return documents;
    }

    /** Tracks one more document, from fetched-from-axis to the client's acknowledgement. */
    boolean trackOne() {
        long number = ++documents;
        String sha256 = TrackedOutbound.randomHex();
        String axisDocId = UUID.randomUUID().toString();
        DocumentKey key = new DocumentKey(TrackedOutbound.randomHex());
        log.append(null, "fetched-from-axis", "ok", 1, null, "axis DocId " + axisDocId + " (edoc)");
        if (tracker.findByAxisDocId(axisDocId).isPresent()) {
            throw new IllegalStateException("a fresh axis DocId is already tracked");
        }
        TrackedDocument document = new TrackedDocument(key, Direction.INBOUND, "edoc", SENDER, List.of(RECIPIENT),
                SENDER + "," + number, number + "/VPCP-TTĐT", sha256, axisDocId, DocumentState.RECEIVED, null, null, null);
        log.hop(hop -> {
            hop.append(null, "signatures-checked", "accept", 1, sha256, VERDICT);
            hop.register(document);
            return hop.append(key.value(), "inbound-accepted", "ok", 1, sha256, "axis DocId " + axisDocId);
        });
        log.append(null, "collected", "ok", 1, null, "axis DocId " + axisDocId);
        log.advanceAndAppend(key, DocumentState.QUEUED, null, "queued", "ok", 1, null, "for delivery to the DMS");
        TrackedDocument queued = tracker.find(key).orElseThrow();
        boolean delivered = log.hop(hop -> {
            hop.addToPullInbox(CLIENT, queued.key());
            hop.mark(queued.key(), "delivered-to-dms:" + CLIENT, "pull inbox");
            return hop.advanceAndAppend(queued.key(), DocumentState.DELIVERED, null, "delivered-to-dms", "ok", 1, null,
                    "pull inbox " + CLIENT);
        });
        return delivered && inbox.acknowledge(CLIENT, key);
    }
}
