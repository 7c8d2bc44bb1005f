package vn.lienthong.dms;

import java.time.Instant;
import java.util.List;

/** What a client may see of a document: where it is and, per recipient, what happened to it. */
public record DocumentView(
        String key,
        String direction,
        String messageType,
        String state,
        String stateReason,
        String sender,
        List<String> recipients,
        String documentId,
        String code,
        String axisDocId,
        Instant created,
        Instant updated,
        List<TimelineEntry> timeline) {

    public record TimelineEntry(String recipient, String statusCode, String description, Instant at) {
    }
}
