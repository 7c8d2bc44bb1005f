package vn.lienthong.simulator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.edxml.MessageType;

/**
 * The store-and-forward heart of the simulated axis: accepted packages, each recipient's copy in the mailbox of
 * the system receiving for it, and what each sender sees in its sent list. One lock guards it all: the state is
 * small and in memory (package bytes stay on disk), so plain synchronisation is enough and easy to trust.
 */
final class PostOffice {

    private final Clock clock;
    /** By DocId, in the order accepted, so lists come out oldest first. */
    private final Map<String, Parcel> parcels = new LinkedHashMap<>();

    PostOffice(Clock clock) {
        this.clock = clock;
    }

    /** Puts a package into its recipients' mailboxes; a status also updates the document it reports on. */
    synchronized void post(Parcel parcel) {
        parcels.put(parcel.docId(), parcel);
        if (parcel.messageType() == MessageType.STATUS) {
            applyStatus(parcel.facts());
        }
    }

    /** The packages of one message type (null: any) that a system has not yet collected. */
    synchronized List<MailboxRows.Received> waitingFor(String systemId, MessageType type) {
        List<MailboxRows.Received> rows = new ArrayList<>();
        for (Parcel parcel : parcels.values()) {
            if (type != null && parcel.messageType() != type) {
                continue;
            }
            for (Delivery delivery : parcel.deliveries()) {
                if (delivery.systemId.equals(systemId) && delivery.listed()) {
                    rows.add(MailboxRows.received(parcel, delivery));
                }
            }
        }
        return rows;
    }

    synchronized int countWaiting(String systemId, MessageType type) {
        return waitingFor(systemId, type).size();
    }

    /** A package a system may fetch: only one it is a recipient of, collected or not (a fetch may be repeated). */
    synchronized Optional<Parcel> fetchable(String systemId, String docId) {
        Parcel parcel = parcels.get(docId);
        return parcel != null && parcel.deliveredTo(systemId) ? Optional.of(parcel) : Optional.empty();
    }

    /**
     * Records a system's updateStatus: done takes its copies off its list, fail leaves them listed. False when
     * the system has no copy of that package.
     */
    synchronized boolean acknowledge(String systemId, String docId, boolean done) {
        Parcel parcel = parcels.get(docId);
        if (parcel == null || !parcel.deliveredTo(systemId)) {
            return false;
        }
        for (Delivery delivery : parcel.deliveries()) {
            if (delivery.systemId.equals(systemId)) {
                delivery.updatedAt = clock.instant();
                if (done) {
                    delivery.state = Delivery.State.DONE;
                    delivery.receivedAt = delivery.updatedAt;
                } else if (delivery.state != Delivery.State.DONE) {
                    delivery.state = Delivery.State.FAILED;
                }
            }
        }
        return true;
    }

    /** A sender's packages of one type (null: any), one row per recipient; {@code docId} null means all. */
    synchronized List<MailboxRows.Sent> sentBy(String systemId, MessageType type, String docId) {
        List<MailboxRows.Sent> rows = new ArrayList<>();
        for (Parcel parcel : parcels.values()) {
            if (!parcel.senderSystem().equals(systemId) || (type != null && parcel.messageType() != type)
                    || (docId != null && !parcel.docId().equals(docId))) {
                continue;
            }
            for (Delivery delivery : parcel.deliveries()) {
                rows.add(MailboxRows.sent(parcel, delivery));
            }
        }
        return rows;
    }

    /**
     * A status reports on a document (ResponseFor/DocumentId) as seen by one recipient (the status's From):
     * that recipient's row of the document's sent list takes the status code.
     */
    private void applyStatus(EnvelopeFacts status) {
        if (status.documentId() == null || status.from() == null) {
            return;
        }
        for (Parcel parcel : parcels.values()) {
            if (parcel.messageType() != MessageType.EDOC || !status.documentId().equals(parcel.facts().documentId())) {
                continue;
            }
            for (Delivery delivery : parcel.deliveries()) {
                if (delivery.recipient.equals(status.from())) {
                    delivery.receiveStatus = status.statusCode() == null ? "" : status.statusCode();
                    delivery.receiveStatusDescription = status.statusDescription();
                }
            }
        }
    }
}
