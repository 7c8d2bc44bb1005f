package vn.lienthong.simulator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import vn.lienthong.edxml.MessageType;

/**
 * A package the axis accepted: its bytes on disk, who sent it, and one {@link Delivery} per recipient.
 *
 * @param from the sender's OrganId (the {@code from} header, else the envelope's From)
 */
record Parcel(String docId, Path file, String serviceType, MessageType messageType, String from, String senderSystem,
              EnvelopeFacts facts, Instant createdAt, List<Delivery> deliveries) {

    Parcel {
        deliveries = List.copyOf(deliveries);
    }

    boolean deliveredTo(String systemId) {
        return deliveries.stream().anyMatch(delivery -> delivery.systemId.equals(systemId));
    }
}
