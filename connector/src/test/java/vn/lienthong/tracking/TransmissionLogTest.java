package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.lienthong.tracking.TrackingFixtures.CLOCK;
import static vn.lienthong.tracking.TrackingFixtures.rowsRead;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransmissionLogTest {

    private static final String KEY = "0f".repeat(32);

    @TempDir
    Path dataDirectory;

    private TrackingDatabase database;
    private TransmissionLog log;

    @BeforeEach
    void open() {
        database = TrackingDatabase.openH2(dataDirectory);
        log = new TransmissionLog(database, CLOCK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Known answer computed independently with the Python snippet in the LogEntryHash class comment. */
    @Test
    void entry_hash_follows_the_documented_encoding() {
        String hash = LogEntryHash.of(1, Instant.parse("2026-03-01T08:00:00Z"), KEY, "intake", "ok", 1, null,
                "Công văn 7816/VPCP-TTĐT, \"received\"", LogEntryHash.GENESIS);
        assertThat(hash).isEqualTo("0226f3d085238bd6f917db74f8bfab4c73dee2adaef7391edc8301a1bb03c584");
    }

    @Test
    void entry_hash_tells_a_null_field_from_an_empty_one() {
        Instant time = Instant.parse("2026-03-01T08:00:00Z");
        assertThat(LogEntryHash.of(1, time, null, "s", "ok", 1, null, null, LogEntryHash.GENESIS))
                .isNotEqualTo(LogEntryHash.of(1, time, null, "s", "ok", 1, null, "", LogEntryHash.GENESIS));
    }

    @Test
    void the_first_entry_chains_to_64_zeros_and_each_next_one_to_the_entry_before() {
        LogEvent first = log.append(KEY, "intake", "ok", 1, "ab".repeat(32), "from REST client dms-1");
        LogEvent second = log.append(null, "poll", "ok", 1, null, null);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.previousHash()).isEqualTo("0".repeat(64));
        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.previousHash()).isEqualTo(first.entryHash());
        assertThat(LogEntryHash.recompute(second)).isEqualTo(second.entryHash());
    }

    @Test
    void an_appended_event_reads_back_exactly_as_returned_with_its_time_cut_to_milliseconds() {
        TransmissionLog log = new TransmissionLog(database,
                Clock.fixed(Instant.parse("2026-03-01T08:00:00.123456789Z"), ZoneOffset.UTC));
        LogEvent appended = log.append(KEY, "validate", "refused", 2, null, "3 findings");
        assertThat(appended.time()).isEqualTo(Instant.parse("2026-03-01T08:00:00.123Z"));
        assertThat(log.events(KEY)).containsExactly(appended);
    }

    @Test
    void events_of_a_document_leave_out_the_other_documents() {
        LogEvent mine = log.append(KEY, "intake", "ok", 1, null, null);
        log.append("cd".repeat(32), "intake", "ok", 1, null, null);
        log.append(null, "poll", "ok", 1, null, null);
        assertThat(log.events(KEY)).containsExactly(mine);
    }

    @Test
    void a_documents_events_and_its_verdicts_before_it_had_a_key_are_read_through_an_index_row_by_row() throws SQLException {
        for (int i = 0; i < 100; i++) {
            String hash = String.format("%064x", i);
            log.append(null, "signatures-checked", "accept", 1, hash, null);
            log.append(null, "poll", "ok", 1, hash, null);
            log.append(String.format("%064x", 1000 + i), "intake", "ok", 1, hash, null);
            log.append(String.format("%064x", 1000 + i), "sent", "ok", 1, hash, null);
        }
        String hash = String.format("%064x", 42);
        String key = String.format("%064x", 1042);

        assertThat(log.unkeyedEvents("signatures-checked", hash)).extracting(LogEvent::step, LogEvent::contentHash)
                .containsExactly(tuple("signatures-checked", hash));
        assertThat(log.events(key)).extracting(LogEvent::step).containsExactly("intake", "sent");
        // H2 counts the rows a query reads, and one past the last; by the content hash alone it read 5, without an index 400.
        assertThat(rowsRead(database, "SELECT * FROM transmission_log WHERE content_hash = ? AND step = ?"
                + " AND document_key IS NULL ORDER BY sequence_no", hash, "signatures-checked"))
                .isLessThanOrEqualTo(3); // that envelope's two unkeyed entries
        assertThat(rowsRead(database, "SELECT * FROM transmission_log WHERE document_key = ? ORDER BY sequence_no", key))
                .isLessThanOrEqualTo(3);
    }

    @Test
    void a_database_made_before_the_log_had_one_index_per_document_loses_its_two_at_the_next_start() throws SQLException {
        execute("CREATE INDEX ix_transmission_log_document ON transmission_log (document_key, sequence_no)");
        execute("CREATE INDEX ix_transmission_log_content ON transmission_log (content_hash)");
        LogEvent before = log.append(KEY, "intake", "ok", 1, "ab".repeat(32), null);
        database.close();

        database = TrackingDatabase.openH2(dataDirectory);
        log = new TransmissionLog(database, CLOCK);
        assertThat(indexesOfTheLog()).contains("IX_TRANSMISSION_LOG_KEY_CONTENT")
                .doesNotContain("IX_TRANSMISSION_LOG_DOCUMENT", "IX_TRANSMISSION_LOG_CONTENT");
        assertThat(log.events(KEY)).containsExactly(before);
    }

    @Test
    void all_pages_through_the_log_in_sequence_order() {
        for (int i = 0; i < 5; i++) {
            log.append(KEY, "step-" + i, "ok", 1, null, null);
        }
        assertThat(log.all(2, 3)).extracting(LogEvent::sequence).containsExactly(2L, 3L, 4L);
        assertThat(log.all(5, 3)).extracting(LogEvent::sequence).containsExactly(5L);
    }

    @Test
    void an_empty_log_is_intact() {
        assertThat(log.verify()).isEqualTo(ChainVerdict.intact(0));
    }

    @Test
    void a_thousand_appends_from_eight_threads_form_one_contiguous_intact_chain() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String step = "thread-" + t;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 125; i++) {
                        log.append(KEY, step, "ok", i + 1, null, null);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(log.all(1, 2000)).extracting(LogEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 1000).boxed().toList());
        ChainVerdict verdict = log.verify();
        assertThat(verdict.intact()).as(verdict.reason()).isTrue();
        assertThat(verdict.checkedEntries()).isEqualTo(1000);
    }

    @Test
    void altering_one_entry_with_plain_sql_breaks_the_chain_at_that_entry() throws SQLException {
        appendEntries(30);
        execute("UPDATE transmission_log SET detail = 'nothing happened' WHERE sequence_no = 17");
        ChainVerdict verdict = log.verify();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).hasValue(17);
        assertThat(verdict.reason()).contains("entry 17");
    }

    @Test
    void deleting_an_entry_breaks_the_chain_at_the_missing_sequence() throws SQLException {
        appendEntries(30);
        execute("DELETE FROM transmission_log WHERE sequence_no = 5");
        ChainVerdict verdict = log.verify();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).hasValue(5);
        assertThat(verdict.reason()).contains("entry 5 is missing");
    }

    @Test
    void deleting_the_last_entries_breaks_the_chain_against_the_log_head() throws SQLException {
        appendEntries(30);
        execute("DELETE FROM transmission_log WHERE sequence_no > 28");
        ChainVerdict verdict = log.verify();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).hasValue(29);
    }

    @Test
    void an_entry_inserted_past_the_log_head_breaks_the_chain() throws SQLException {
        appendEntries(3);
        LogEvent last = log.all(3, 1).get(0);
        execute("INSERT INTO transmission_log SELECT 4, event_time, document_key, step, outcome, attempt,"
                + " content_hash, detail, '" + last.entryHash() + "', entry_hash FROM transmission_log WHERE sequence_no = 3");
        ChainVerdict verdict = log.verify();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).hasValue(4);
    }

    @Test
    void a_reopened_database_keeps_the_chain_and_continues_it() {
        appendEntries(3);
        LogEvent third = log.all(3, 1).get(0);
        database.close();
        database = TrackingDatabase.openH2(dataDirectory);
        log = new TransmissionLog(database, CLOCK);
        LogEvent fourth = log.append(KEY, "deliver", "ok", 1, null, null);
        assertThat(fourth.sequence()).isEqualTo(4);
        assertThat(fourth.previousHash()).isEqualTo(third.entryHash());
        assertThat(log.verify()).isEqualTo(ChainVerdict.intact(4));
    }

    @Test
    void a_detail_longer_than_the_column_is_cut_before_hashing() {
        LogEvent appended = log.append(KEY, "validate", "refused", 1, null, "x".repeat(5000));
        assertThat(appended.detail()).hasSize(2000);
        assertThat(log.verify().intact()).isTrue();
    }

    private void appendEntries(int count) {
        for (int i = 1; i <= count; i++) {
            log.append(KEY, "step", "ok", 1, null, "entry " + i);
        }
    }

    private List<String> indexesOfTheLog() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                        + " WHERE TABLE_NAME = 'TRANSMISSION_LOG'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
