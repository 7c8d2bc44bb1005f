package vn.lienthong.tracking;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The inbox of DMS clients that pull: a received document waits here per client until the client acknowledges
 * it. Delivery adds it ({@link Hop#addToPullInbox}, in the hop that marks it delivered to that client); adding twice
 * is harmless (a redelivered delivery message), so is acknowledging twice.
 */
public final class PullInbox {

    static final String PENDING = "SELECT document_key FROM dms_inbox WHERE client_id = ? AND acknowledged_at IS NULL"
            + " ORDER BY delivered_at, document_key FETCH FIRST ? ROWS ONLY";

    private final TrackingDatabase database;
    private final Clock clock;

    public PullInbox(TrackingDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * The {@code limit} keys that have waited longest for the client, oldest first. Read through the index of what
     * waits, so the cost does not grow with the documents the client took before.
     */
    public List<DocumentKey> pending(String clientId, int limit) {
        try {
            return Jdbc.withConnection(database.dataSource(), connection -> {
                try (PreparedStatement query = connection.prepareStatement(PENDING)) {
                    query.setString(1, clientId);
                    query.setInt(2, limit);
                    List<DocumentKey> keys = new ArrayList<>();
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            keys.add(new DocumentKey(rows.getString(1)));
                        }
                    }
                    return keys;
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not read the inbox of client " + clientId, e);
        }
    }

    /**
     * Records that the client took the document; returns false when the document was never in that client's inbox.
     * It goes in the log writer's next batch ({@link LogWriter}), with no entry of its own, rather than in a commit of
     * its own: a commit is the expensive part of a write to the embedded database, and the clients' acknowledgements
     * came one per document (4.6% of a receiving connector's samples under load, almost all of it that commit).
     */
    public boolean acknowledge(String clientId, DocumentKey key) {
        return database.logWriter().submit(clock, hop -> hop.acknowledgeInPullInbox(clientId, key));
    }
}
