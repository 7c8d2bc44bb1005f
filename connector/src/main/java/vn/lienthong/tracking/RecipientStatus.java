package vn.lienthong.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * One answer of one recipient about a document.
 *
 * @param statusCode  "sent", or the edXML status code "01".."16"
 * @param description plain text, may be null
 * @param at          when the recipient reported it; null when adding means "now"
 */
public record RecipientStatus(String recipientOrganId, String statusCode, String description, Instant at) {

    public RecipientStatus {
        Objects.requireNonNull(recipientOrganId, "recipientOrganId");
        Objects.requireNonNull(statusCode, "statusCode");
    }
}
