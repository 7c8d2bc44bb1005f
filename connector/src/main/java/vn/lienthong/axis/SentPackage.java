package vn.lienthong.axis;

/** What the axis knows about a package this system sent, as {@code getSentEdocList} reports it. */
public record SentPackage(String senderDocId, String receiverDocId, String fromCode, String toCode, String title,
                          String notation, String sentTime, String receivedTime, String sendStatus, String sendStatusDesc,
                          String receiveStatus, String receiveStatusDesc, String serviceType, String messageType) {
}
