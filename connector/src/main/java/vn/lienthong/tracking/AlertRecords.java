package vn.lienthong.tracking;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The alerts raised for ops staff and the notices each channel still owes (the alert and alert_notice tables). An
 * alert key has at most one open alert; raising it and queueing its notices is one transaction, so a raise is
 * never recorded without the notices that announce it.
 */
public final class AlertRecords {

    private static final int TEXT_LENGTH = 1000;
    private static final int ERROR_LENGTH = 500;

    /** One alert: open while {@code resolvedAt} is null. */
    public record Alert(long id, String key, String ruleId, String severity, String vietnamese, String english,
                        Instant raisedAt, Instant resolvedAt) {
    }

    /** A notice a channel has not delivered yet. */
    public record Notice(long id, Alert alert, String kind, String channel, int attempts) {
    }

    private final DataSource dataSource;

    public AlertRecords(TrackingDatabase database) {
        this.dataSource = database.dataSource();
    }

    /** The open alerts, oldest first. */
    public List<Alert> open() {
        return alerts("SELECT * FROM alert WHERE resolved_at IS NULL ORDER BY alert_id");
    }

    /** The most recent alerts, open or resolved, newest first. */
    public List<Alert> recent(int limit) {
        return alerts("SELECT * FROM alert ORDER BY alert_id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY");
    }

    /** Records a raise and queues one RAISED notice per channel. */
    public Alert raise(String key, String ruleId, String severity, String vietnamese, String english, Instant at,
                       List<String> channels) {
        String sql = "INSERT INTO alert (alert_key, rule_id, severity, vietnamese, english, raised_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                long id;
                try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, Jdbc.fit(key, 200));
                    insert.setString(2, ruleId);
                    insert.setString(3, severity);
                    insert.setString(4, Jdbc.fit(vietnamese, TEXT_LENGTH));
                    insert.setString(5, Jdbc.fit(english, TEXT_LENGTH));
                    Jdbc.setInstant(insert, 6, at);
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                queueNotices(connection, id, "RAISED", channels);
                return new Alert(id, key, ruleId, severity, vietnamese, english, Jdbc.toMillis(at), null);
            });
        } catch (SQLException e) {
            throw new TrackingException("could not record the alert " + key, e);
        }
    }

    /** Closes an open alert and queues one RESOLVED notice per channel; false when it was closed already. */
    public boolean resolve(long alertId, Instant at, List<String> channels) {
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE alert SET resolved_at = ? WHERE alert_id = ? AND resolved_at IS NULL")) {
                    Jdbc.setInstant(update, 1, at);
                    update.setLong(2, alertId);
                    if (update.executeUpdate() == 0) {
                        return false;
                    }
                }
                queueNotices(connection, alertId, "RESOLVED", channels);
                return true;
            });
        } catch (SQLException e) {
            throw new TrackingException("could not resolve the alert " + alertId, e);
        }
    }

    private static void queueNotices(java.sql.Connection connection, long alertId, String kind, List<String> channels)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO alert_notice (alert_id, kind, channel, attempts) VALUES (?, ?, ?, 0)")) {
            for (String channel : channels) {
                insert.setLong(1, alertId);
                insert.setString(2, kind);
                insert.setString(3, channel);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The notices not delivered yet, in the order they were queued. */
    public List<Notice> pending() {
        String sql = "SELECT n.notice_id, n.kind, n.channel, n.attempts, a.* FROM alert_notice n"
                + " JOIN alert a ON a.alert_id = n.alert_id WHERE n.sent_at IS NULL ORDER BY n.notice_id";
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
                    List<Notice> notices = new ArrayList<>();
                    while (rows.next()) {
                        notices.add(new Notice(rows.getLong("notice_id"), alert(rows), rows.getString("kind"),
                                rows.getString("channel"), rows.getInt("attempts")));
                    }
                    return notices;
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not read the pending alert notices", e);
        }
    }

    public void sent(long noticeId, Instant at) {
        update("UPDATE alert_notice SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE notice_id = ?",
                noticeId, statement -> Jdbc.setInstant(statement, 1, at));
    }

    public void failed(long noticeId, String error) {
        update("UPDATE alert_notice SET attempts = attempts + 1, last_error = ? WHERE notice_id = ?", noticeId,
                statement -> statement.setString(1, Jdbc.fit(error, ERROR_LENGTH)));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, long noticeId, Binder first) {
        try {
            Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    first.bind(update);
                    update.setLong(2, noticeId);
                    return update.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not update the alert notice " + noticeId, e);
        }
    }

    private List<Alert> alerts(String sql) {
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
                    List<Alert> alerts = new ArrayList<>();
                    while (rows.next()) {
                        alerts.add(alert(rows));
                    }
                    return alerts;
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not read the alerts", e);
        }
    }

    private static Alert alert(ResultSet row) throws SQLException {
        return new Alert(row.getLong("alert_id"), row.getString("alert_key"), row.getString("rule_id"),
                row.getString("severity"), row.getString("vietnamese"), row.getString("english"),
                Jdbc.getInstant(row, "raised_at"), Jdbc.getInstant(row, "resolved_at"));
    }
}
