package vn.lienthong.tracking;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** As the operations API and evidence bundles show it. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("recipient", recipientOrganId);
        view.put("code", statusCode);
        view.put("description", description);
        view.put("time", String.valueOf(at));
        return view;
    }
}
