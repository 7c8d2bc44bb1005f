package vn.lienthong.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.lienthong.findings.Direction;

/**
 * The tracking record of one document.
 *
 * @param messageType "edoc" or "status"
 * @param code        the số/ký hiệu, e.g. 7816/VPCP-TTĐT; null when the envelope has none
 * @param axisDocId   null until the document is sent to or fetched from the axis
 * @param stateReason null, or a plain reason for the latest state (e.g. why it was dead-lettered)
 * @param created     null when registering means "now"
 * @param updated     null when registering means "now"
 */
public record TrackedDocument(DocumentKey key, Direction direction, String messageType, String senderOrganId,
        List<String> recipients, String documentId, String code, String envelopeSha256, String axisDocId,
        DocumentState state, String stateReason, Instant created, Instant updated) {

    public TrackedDocument {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(senderOrganId, "senderOrganId");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(envelopeSha256, "envelopeSha256");
        Objects.requireNonNull(state, "state");
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
