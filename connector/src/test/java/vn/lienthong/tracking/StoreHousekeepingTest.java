package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.tracking.TrackingFixtures.CLOCK;
import static vn.lienthong.tracking.TrackingFixtures.outbound;
import static vn.lienthong.tracking.TrackingFixtures.storeFigure;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database's file keeps only the chunks that hold live pages in quantity: without housekeeping, every
 * chunk that a commit left with one live page stays for as long as the connector runs (see {@link StoreHousekeeping}).
 * H2's retention time is set to 0 here so that chunks may be rewritten at once; in production they wait 45 s.
 */
class StoreHousekeepingTest {

    private static final int DOCUMENTS = 600;

    @TempDir
    Path dataDirectory;

    @Test
    void should_leave_the_file_only_the_chunks_that_live_pages_need() throws Exception {
        long left;
        try (TrackingDatabase database = TrackingDatabase.openH2(dataDirectory.resolve("without"), false)) {
            retainNothing(database);
            TransmissionLog log = new TransmissionLog(database, CLOCK);
            track(log, "without-", DOCUMENTS);
            left = chunks(database);
        }
        // Each document is two commits here; without housekeeping a good share of their chunks stays.
        assertThat(left).isGreaterThan(DOCUMENTS / 4);

        try (TrackingDatabase database = TrackingDatabase.openH2(dataDirectory.resolve("with"), true)) {
            retainNothing(database);
            TransmissionLog log = new TransmissionLog(database, CLOCK);
            track(log, "with-", DOCUMENTS);
            int[] more = {0};
            // The connector goes on committing; the chunks the housekeeping emptied go at the next commits.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                track(log, "more-" + more[0]++ + "-", 1);
                assertThat(chunks(database)).isLessThan(left / 10);
            });
            assertThat(log.verify().intact()).isTrue();
            assertThat(log.head().sequence()).isEqualTo(2L * (DOCUMENTS + more[0]));
        }
    }

    /** Registers {@code count} documents and logs two steps of each, in a commit per document and a commit per step. */
    private static void track(TransmissionLog log, String prefix, int count) {
        for (int i = 0; i < count; i++) {
            TrackedDocument document = outbound(prefix + i);
            log.hop(hop -> {
                hop.register(document);
                return hop.append(document.key().value(), "intake-accepted", "ok", 1, document.envelopeSha256(), null);
            });
            log.advanceAndAppend(document.key(), DocumentState.QUEUED, null, "queued", "ok", 1, null, null);
        }
    }

    private static void retainNothing(TrackingDatabase database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            StoreHousekeeping.store(connection).setRetentionTime(0);
        }
    }

    private static long chunks(TrackingDatabase database) throws SQLException {
        return storeFigure(database, "info.CHUNK_COUNT");
    }
}
