package vn.lienthong.tracking;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The recipient_status table behind {@link DocumentTracker#addRecipientStatus} and {@link DocumentTracker#timeline}. */
final class RecipientStatuses {

    private final DataSource dataSource;
    private final Clock clock;

    RecipientStatuses(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** The unique (document, recipient, status code) constraint decides, so racing replays store it once. */
    boolean add(DocumentKey key, RecipientStatus status) {
        try {
            Jdbc.withConnection(dataSource, connection -> {
                TrackingWrites.insertStatus(connection, key, status, clock.instant());
                return null;
            });
            return true;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new TrackingException("could not add status " + status.statusCode() + " of "
                    + status.recipientOrganId() + " to document " + key + " (is the document registered?)", e);
        }
    }

    /** Grouped by recipient, each recipient's statuses in causal order ({@link CausalOrder}). */
    List<RecipientStatus> timeline(DocumentKey key) {
        String sql = "SELECT recipient_organ_id, status_code, description, status_at FROM recipient_status"
                + " WHERE document_key = ? ORDER BY recipient_organ_id, status_at, id";
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setString(1, key.value());
                    try (ResultSet rows = select.executeQuery()) {
                        List<RecipientStatus> timeline = new ArrayList<>();
                        while (rows.next()) {
                            timeline.add(new RecipientStatus(rows.getString("recipient_organ_id"),
                                    rows.getString("status_code"), rows.getString("description"),
                                    Jdbc.getInstant(rows, "status_at")));
                        }
                        timeline.sort(CausalOrder.TIMELINE);
                        return timeline;
                    }
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not read the status timeline of document " + key, e);
        }
    }
}
