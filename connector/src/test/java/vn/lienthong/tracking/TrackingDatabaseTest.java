package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.tracking.TrackingFixtures.CLOCK;
import static vn.lienthong.tracking.TrackingFixtures.key;
import static vn.lienthong.tracking.TrackingFixtures.outbound;

import java.nio.file.Path;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackingDatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void keeps_the_database_file_under_the_data_directory() {
        try (TrackingDatabase ignored = TrackingDatabase.openH2(dataDirectory)) {
            assertThat(dataDirectory.resolve("tracking.mv.db")).exists();
        }
    }

    @Test
    void everything_written_is_still_there_after_closing_and_reopening() {
        TrackedDocument document = outbound("G22-1");
        LogEvent event;
        try (TrackingDatabase database = TrackingDatabase.openH2(dataDirectory)) {
            DocumentTracker tracker = new DocumentTracker(database, CLOCK);
            tracker.register(document);
            tracker.advance(document.key(), DocumentState.SENT, null);
            tracker.addRecipientStatus(document.key(), new RecipientStatus("000.00.01.H29", "01", null, CLOCK.instant()));
            new ProcessedMarks(database, CLOCK).mark(document.key(), "sent-to-axis", "axis-42");
            event = new TransmissionLog(database, CLOCK).append(document.key().value(), "send", "ok", 1, null, null);
        }
        try (TrackingDatabase database = TrackingDatabase.openH2(dataDirectory)) {
            DocumentTracker tracker = new DocumentTracker(database, CLOCK);
            assertThat(tracker.find(document.key()).orElseThrow().state()).isEqualTo(DocumentState.SENT);
            assertThat(tracker.timeline(document.key())).hasSize(1);
            assertThat(new ProcessedMarks(database, CLOCK).detail(document.key(), "sent-to-axis")).contains("axis-42");
            assertThat(new TransmissionLog(database, CLOCK).all(1, 10)).containsExactly(event);
        }
    }

    @Test
    void opening_an_existing_database_again_leaves_its_schema_and_data_alone() {
        try (TrackingDatabase database = TrackingDatabase.openH2(dataDirectory)) {
            new ProcessedMarks(database, CLOCK).mark(key("G22-1"), "step", null);
        }
        try (TrackingDatabase database = TrackingDatabase.openH2(dataDirectory)) {
            assertThat(new ProcessedMarks(database, CLOCK).mark(key("G22-1"), "step", null)).isFalse();
        }
    }

    @Test
    void works_on_a_data_source_the_caller_owns_and_leaves_it_open() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                "jdbc:h2:file:" + dataDirectory.resolve("external").toAbsolutePath(), "sa", "");
        try {
            try (TrackingDatabase database = TrackingDatabase.open(pool)) {
                assertThat(new DocumentTracker(database, CLOCK).register(outbound("G22-1"))).isTrue();
            }
            try (var connection = pool.getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        } finally {
            pool.dispose();
        }
    }

    @Test
    void refuses_a_data_directory_whose_path_would_read_as_h2_settings() {
        assertThatThrownBy(() -> TrackingDatabase.h2Url(Path.of("/data;INIT=RUNSCRIPT FROM 'x'")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_schema_script_splits_into_its_statements() {
        assertThat(Schema.statements("-- a comment; with a semicolon\nCREATE TABLE a (x INT);\n\nSELECT 1;\n"))
                .containsExactly("CREATE TABLE a (x INT)", "SELECT 1");
    }
}
