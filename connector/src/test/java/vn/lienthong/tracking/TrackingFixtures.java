package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienthong.findings.Direction;

/** Sample documents, a fixed clock and H2's own figures for the tracking tests. */
final class TrackingFixtures {

    static final Instant NOW = Instant.parse("2026-03-01T08:00:00.123Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String SENDER = "000.00.00.G22";
    static final String ENVELOPE_SHA256 = "ab".repeat(32);

    private TrackingFixtures() {
    }

    static DocumentKey key(String documentId) {
        return DocumentKey.of(SENDER, documentId, ENVELOPE_SHA256);
    }

    static TrackedDocument outbound(String documentId) {
        return outbound(documentId, NOW);
    }

    /** One of the figures H2 gives about its store, e.g. "info.CHUNK_COUNT" (INFORMATION_SCHEMA.SETTINGS). */
    static long storeFigure(TrackingDatabase database, String name) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as(name).isTrue();
                return Long.parseLong(row.getString(1));
            }
        }
    }

    /**
     * How many rows H2 reads to answer {@code query} with {@code parameters} (its EXPLAIN ANALYZE scanCount, which
     * counts the row past the last one a range ends at).
     */
    static long rowsRead(TrackingDatabase database, String query, Object... parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + query)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            try (ResultSet plan = explain.executeQuery()) {
                assertThat(plan.next()).isTrue();
                Matcher scanCount = Pattern.compile("scanCount: (\\d+)").matcher(plan.getString(1));
                assertThat(scanCount.find()).as(plan.getString(1)).isTrue();
                return Long.parseLong(scanCount.group(1));
            }
        }
    }

    static TrackedDocument outbound(String documentId, Instant created) {
        return new TrackedDocument(key(documentId), Direction.OUTBOUND, "edoc", SENDER,
                List.of("000.00.01.H29", "000.00.02.H53"), documentId, "7816/VPCP-TTĐT", ENVELOPE_SHA256, null,
                DocumentState.RECEIVED, null, created, created);
    }
}
