package vn.lienthong.simulator;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import vn.lienthong.axis.AxisTimestamp;

/** The rows the list calls answer with, copied out of the post office so no lock is held while answering. */
final class MailboxRows {

    /** Times as edXML writes them: {@code yyyy/MM/dd HH:mm:ss}, Vietnam local time. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss")
            .withZone(AxisTimestamp.VIETNAM);

    private MailboxRows() {
    }

    /** A package waiting for the calling system (getReceivedEdocList). */
    record Received(String docId, String serviceType, String messageType, String createdTime, String updatedTime,
                    String from, String to, String status, String statusDescription) {
    }

    /** One recipient of a package the calling system sent (getSentEdocList). */
    record Sent(String senderDocId, String receiverDocId, String fromCode, String toCode, String title,
                String notation, String sentTime, String receivedTime, String sendStatus, String sendStatusDescription,
                String receiveStatus, String receiveStatusDescription, String serviceType, String messageType) {
    }

    static Received received(Parcel parcel, Delivery delivery) {
        boolean failed = delivery.state == Delivery.State.FAILED;
        return new Received(parcel.docId(), parcel.serviceType(), parcel.messageType().wireName(),
                time(parcel.createdAt()), time(delivery.updatedAt), parcel.from(), delivery.recipient,
                failed ? "fail" : "initial",
                failed ? "the recipient reported it could not take the package" : "waiting to be collected");
    }

    static Sent sent(Parcel parcel, Delivery delivery) {
        String sendStatus;
        String sendStatusDescription;
        switch (delivery.state) {
            case DONE -> {
                sendStatus = "done";
                sendStatusDescription = "collected by the recipient";
            }
            case FAILED -> {
                sendStatus = "fail";
                sendStatusDescription = "the recipient reported it could not take the package";
            }
            default -> {
                sendStatus = "initial";
                sendStatusDescription = "waiting to be collected";
            }
        }
        // The simulator gives every recipient's copy the sender's DocId, so sender and receiver ids are equal.
        return new Sent(parcel.docId(), parcel.docId(), parcel.from(), delivery.recipient, parcel.facts().title(),
                parcel.facts().notation(), time(parcel.createdAt()), time(delivery.receivedAt), sendStatus,
                sendStatusDescription, delivery.receiveStatus, delivery.receiveStatusDescription,
                parcel.serviceType(), parcel.messageType().wireName());
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }
}
