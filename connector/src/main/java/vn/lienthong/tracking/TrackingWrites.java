package vn.lienthong.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The tracking writes as statements on a connection the caller holds, so that the same SQL serves a store's own
 * one-statement transaction ({@link DocumentTracker}, {@link ProcessedMarks}) and a {@link Hop} that commits all
 * of one step's writes together with its log entries.
 */
final class TrackingWrites {

    static final int CODE_LENGTH = 255;
    static final int REASON_LENGTH = 2000;
    static final int DETAIL_LENGTH = 2000;
    static final int DESCRIPTION_LENGTH = 2000;

    private TrackingWrites() {
    }

    static void insertDocument(Connection connection, TrackedDocument d, Instant now) throws SQLException {
        String sql = "INSERT INTO tracked_document (document_key, direction, message_type, sender_organ_id, document_id,"
                + " code, envelope_sha256, axis_doc_id, state, state_reason, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, d.key().value());
            insert.setString(2, d.direction().name());
            insert.setString(3, d.messageType());
            insert.setString(4, d.senderOrganId());
            insert.setString(5, d.documentId());
            insert.setString(6, Jdbc.fit(d.code(), CODE_LENGTH)); // free text of the envelope: kept, cut to the column
            insert.setString(7, d.envelopeSha256());
            insert.setString(8, d.axisDocId());
            insert.setString(9, d.state().name());
            insert.setString(10, Jdbc.fit(d.stateReason(), REASON_LENGTH));
            Jdbc.setInstant(insert, 11, d.created() == null ? now : d.created());
            Jdbc.setInstant(insert, 12, d.updated() == null ? now : d.updated());
            insert.executeUpdate();
        }
        insertRecipients(connection, d);
    }

    private static void insertRecipients(Connection connection, TrackedDocument d) throws SQLException {
        if (d.recipients().isEmpty()) {
            return;
        }
        String sql = "INSERT INTO document_recipient (document_key, recipient_index, recipient_organ_id) VALUES (?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int i = 0; i < d.recipients().size(); i++) {
                insert.setString(1, d.key().value());
                insert.setInt(2, i);
                insert.setString(3, d.recipients().get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The rows updated: 0 when no document has the key. */
    static int recordAxisDocId(Connection connection, DocumentKey key, String axisDocId, Instant now)
            throws SQLException {
        String sql = "UPDATE tracked_document SET axis_doc_id = ?, updated_at = ? WHERE document_key = ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, axisDocId);
            Jdbc.setInstant(update, 2, now);
            update.setString(3, key.value());
            return update.executeUpdate();
        }
    }

    static boolean isTracked(Connection connection, DocumentKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM tracked_document WHERE document_key = ?")) {
            select.setString(1, key.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    static void insertMark(Connection connection, DocumentKey key, String step, String detail, Instant now)
            throws SQLException {
        String sql = "INSERT INTO processed_mark (document_key, step, detail, marked_at) VALUES (?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, key.value());
            insert.setString(2, step);
            insert.setString(3, Jdbc.fit(detail, DETAIL_LENGTH));
            Jdbc.setInstant(insert, 4, now);
            insert.executeUpdate();
        }
    }

    static void insertInboxEntry(Connection connection, String clientId, DocumentKey key, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO dms_inbox (client_id, document_key, delivered_at) VALUES (?, ?, ?)")) {
            insert.setString(1, clientId);
            insert.setString(2, key.value());
            Jdbc.setInstant(insert, 3, now);
            insert.executeUpdate();
        }
    }

    /** Sets when the client took the document, once (a second acknowledgement keeps the first); rows changed. */
    static int acknowledgeInboxEntry(Connection connection, String clientId, DocumentKey key, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE dms_inbox SET acknowledged_at ="
                + " COALESCE(acknowledged_at, ?) WHERE client_id = ? AND document_key = ?")) {
            Jdbc.setInstant(update, 1, now);
            update.setString(2, clientId);
            update.setString(3, key.value());
            return update.executeUpdate();
        }
    }

    static void insertStatus(Connection connection, DocumentKey key, RecipientStatus status, Instant now)
            throws SQLException {
        String sql = "INSERT INTO recipient_status (document_key, recipient_organ_id, status_code, description,"
                + " status_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, key.value());
            insert.setString(2, status.recipientOrganId());
            insert.setString(3, status.statusCode());
            insert.setString(4, Jdbc.fit(status.description(), DESCRIPTION_LENGTH));
            Jdbc.setInstant(insert, 5, status.at() == null ? now : status.at());
            Jdbc.setInstant(insert, 6, now);
            insert.executeUpdate();
        }
    }
}
