package vn.lienthong.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.lienthong.findings.Direction;

/** Reads tracked documents with their recipients, newest first: one query for a list, two for the newest one. */
final class DocumentRows {

    /** The tracked_document columns a {@link TrackedDocument} is read from ({@link #document}). */
    private static final List<String> COLUMNS = List.of("document_key", "direction", "message_type", "sender_organ_id",
            "document_id", "code", "envelope_sha256", "axis_doc_id", "state", "state_reason", "created_at", "updated_at");
    private static final String DOCUMENT_COLUMNS = String.join(", ", COLUMNS);
    private static final String DERIVED_COLUMNS = COLUMNS.stream().map(column -> "d." + column)
            .collect(Collectors.joining(", "));

    private DocumentRows() {
    }

    /**
     * The documents matching {@code condition} (SQL over tracked_document columns with '?' placeholders),
     * newest first, at most {@code limit}. The limit applies to documents, not to document-recipient rows,
     * hence the derived table.
     */
    static List<TrackedDocument> select(Connection connection, String condition, List<Object> parameters, int limit)
            throws SQLException {
        if (limit == 1) {
            return newest(connection, condition, parameters);
        }
        String sql = "SELECT " + DERIVED_COLUMNS
                + ", r.recipient_organ_id"
                + " FROM (SELECT * FROM tracked_document WHERE " + condition
                + " ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY) d"
                + " LEFT JOIN document_recipient r ON r.document_key = d.document_key"
                + " ORDER BY d.created_at DESC, d.id DESC, r.recipient_index";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = bind(statement, parameters);
            statement.setInt(index, limit);
            try (ResultSet rows = statement.executeQuery()) {
                return collect(rows);
            }
        }
    }

    /**
     * The newest document matching {@code condition}, then its recipients: two plain queries instead of the derived
     * table above. Finding one document (several times per document on its way) was 3% of a connector's CPU under
     * load with the derived table, measured while H2's own pool made every statement be parsed again at every call
     * (see TrackingDatabase.pool); the two forms have not been compared since the statement cache works.
     */
    private static List<TrackedDocument> newest(Connection connection, String condition, List<Object> parameters)
            throws SQLException {
        TrackedDocument found;
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + DOCUMENT_COLUMNS
                + " FROM tracked_document WHERE " + condition
                + " ORDER BY created_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")) {
            bind(statement, parameters);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return List.of();
                }
                found = document(row);
            }
        }
        List<String> recipients = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT recipient_organ_id FROM document_recipient"
                + " WHERE document_key = ? ORDER BY recipient_index")) {
            statement.setString(1, found.key().value());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    recipients.add(rows.getString(1));
                }
            }
        }
        return List.of(withRecipients(found, recipients));
    }

    /** Sets {@code parameters} from the first placeholder on; returns the index of the next one. */
    private static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }

    private static List<TrackedDocument> collect(ResultSet rows) throws SQLException {
        Map<String, TrackedDocument> documents = new LinkedHashMap<>();
        Map<String, List<String>> recipients = new LinkedHashMap<>();
        while (rows.next()) {
            String key = rows.getString("document_key");
            if (!documents.containsKey(key)) {
                documents.put(key, document(rows));
                recipients.put(key, new ArrayList<>());
            }
            String recipient = rows.getString("recipient_organ_id");
            if (recipient != null) {
                recipients.get(key).add(recipient);
            }
        }
        List<TrackedDocument> result = new ArrayList<>(documents.size());
        documents.forEach((key, document) -> result.add(withRecipients(document, recipients.get(key))));
        return result;
    }

    static TrackedDocument document(ResultSet row) throws SQLException {
        return new TrackedDocument(new DocumentKey(row.getString("document_key")),
                Direction.valueOf(row.getString("direction")), row.getString("message_type"),
                row.getString("sender_organ_id"), List.of(), row.getString("document_id"), row.getString("code"),
                row.getString("envelope_sha256"), row.getString("axis_doc_id"),
                DocumentState.valueOf(row.getString("state")), row.getString("state_reason"),
                Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "updated_at"));
    }

    static TrackedDocument withRecipients(TrackedDocument d, List<String> recipients) {
        return new TrackedDocument(d.key(), d.direction(), d.messageType(), d.senderOrganId(), recipients,
                d.documentId(), d.code(), d.envelopeSha256(), d.axisDocId(), d.state(), d.stateReason(),
                d.created(), d.updated());
    }
}
