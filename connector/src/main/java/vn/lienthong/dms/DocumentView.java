package vn.lienthong.dms;

import java.time.Instant;
import java.util.List;

/**
 * What a client may see of a document: where it is, per recipient what happened to it, and what validation found
 * in it (the warnings a received document was delivered with, or why a held one was held).
 */
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
        List<TimelineEntry> timeline,
        List<DmsError> findings) {

    public record TimelineEntry(String recipient, String statusCode, String description, Instant at) {
    }
}
