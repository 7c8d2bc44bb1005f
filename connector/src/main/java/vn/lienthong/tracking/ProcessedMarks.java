package vn.lienthong.tracking;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Marks for steps that must happen once per document key (e.g. "delivered-to-dms", "sent-to-axis"), so that a
 * redelivered message can tell it has already been handled. The primary key (document_key, step) decides:
 * of any number of threads or connector instances marking the same step, exactly one gets {@code true}.
 */
public final class ProcessedMarks {

    private final DataSource dataSource;
    private final Clock clock;

    public ProcessedMarks(TrackingDatabase database, Clock clock) {
        this.dataSource = database.dataSource();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True the first time this step is marked for this key; false ever after, and the first detail stays. */
    public boolean mark(DocumentKey key, String step, String detail) {
        Objects.requireNonNull(step, "step");
        try {
            Jdbc.withConnection(dataSource, connection -> {
                TrackingWrites.insertMark(connection, key, step, detail, clock.instant());
                return null;
            });
            return true;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new TrackingException("could not mark step " + step + " of document " + key, e);
        }
    }

    /**
     * The detail recorded when the step was first marked, so present exactly when the step is marked
     * ("" if it was marked without a detail).
     */
    public Optional<String> detail(DocumentKey key, String step) {
        String sql = "SELECT detail FROM processed_mark WHERE document_key = ? AND step = ?";
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setString(1, key.value());
                    select.setString(2, step);
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            return Optional.<String>empty();
                        }
                        String detail = row.getString("detail");
                        return Optional.of(detail == null ? "" : detail);
                    }
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not read the mark of step " + step + " of document " + key, e);
        }
    }
}
