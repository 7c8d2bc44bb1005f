package vn.lienthong.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import vn.lienthong.tracking.TrackingDatabase;

/**
 * The few reads of the tracking database that exports and verification need beyond the tracking classes: each one
 * short query on its own connection (H2's MVStore and PostgreSQL both read without blocking appends), never the
 * log head's lock.
 */
final class LogQueries {

    private final DataSource dataSource;

    LogQueries(TrackingDatabase database) {
        this.dataSource = database.dataSource();
    }

    /** The smallest sequence present (after pruning it is above 1), or 0 for an empty log. */
    long firstSequence() throws SQLException {
        return number("SELECT COALESCE(MIN(sequence_no), 0) FROM transmission_log", List.of());
    }

    /** The first entry at or after {@code time}, or 0. */
    long firstAtOrAfter(Instant time) throws SQLException {
        return number("SELECT COALESCE(MIN(sequence_no), 0) FROM transmission_log WHERE event_time >= ?",
                List.of(at(time)));
    }

    /** The last entry before {@code time} and at most {@code max}, or 0. */
    long lastBefore(Instant time, long max) throws SQLException {
        return number("SELECT COALESCE(MAX(sequence_no), 0) FROM transmission_log WHERE event_time < ? AND"
                + " sequence_no <= ?", List.of(at(time), max));
    }

    /** Which of {@code keys} name documents that the filter's agency, direction and state select. */
    Set<String> matching(ExportFilter filter, Collection<String> keys) throws SQLException {
        Set<String> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<Object> parameters = new ArrayList<>(keys);
        StringBuilder sql = new StringBuilder("SELECT d.document_key FROM tracked_document d WHERE d.document_key IN (")
                .append(String.join(", ", java.util.Collections.nCopies(keys.size(), "?"))).append(")");
        if (filter.direction() != null) {
            sql.append(" AND d.direction = ?");
            parameters.add(filter.direction().name());
        }
        if (filter.state() != null) {
            sql.append(" AND d.state = ?");
            parameters.add(filter.state().name());
        }
        if (filter.agency() != null) {
            sql.append(" AND (d.sender_organ_id = ? OR d.document_key IN (SELECT a.document_key FROM document_recipient a"
                    + " WHERE a.recipient_organ_id = ?))");
            parameters.add(filter.agency());
            parameters.add(filter.agency());
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql.toString())) {
            bind(select, parameters);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    private long number(String sql, List<Object> parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static OffsetDateTime at(Instant time) {
        return OffsetDateTime.ofInstant(time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
