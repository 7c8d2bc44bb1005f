package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogArchivesTest {

    @TempDir
    Path data;

    private TrackingDatabase database;
    private TransmissionLog log;
    private LogArchives archives;

    @BeforeEach
    void open() {
        database = TrackingDatabase.openH2(data);
        log = new TransmissionLog(database, Clock.systemUTC());
        archives = new LogArchives(database);
        for (int i = 0; i < 10; i++) {
            log.append("key-" + i, "intake-accepted", "ok", 1, null, "entry " + i);
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_pruned_log_still_verifies_from_the_last_archived_hash_and_its_tree_keeps_every_entry() throws Exception {
        LogTree tree = new LogTree(database);
        tree.extend(10);
        byte[] root = tree.root(10);
        LogArchives.Archive archive = new LogArchives.Archive(1, 6, log.all(6, 1).get(0).entryHash(),
                "log-000000000001-000000000006.jsonl", "0".repeat(64), Instant.now(), null);
        archives.record(archive);
        assertThat(archives.prune(archive, Instant.now())).isEqualTo(6);

        assertThat(log.all(1, 100)).extracting(LogEvent::sequence).containsExactly(7L, 8L, 9L, 10L);
        assertThat(log.verify().intact()).isTrue();
        assertThat(archives.lastPruned()).get().extracting(LogArchives.Archive::lastSequence).isEqualTo(6L);
        assertThat(tree.root(10)).isEqualTo(root);
        assertThat(tree.inclusionProof(3, 10)).isNotEmpty();

        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE transmission_log SET previous_hash = '" + "1".repeat(64)
                    + "' WHERE sequence_no = 7");
        }
        ChainVerdict verdict = log.verify();
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBrokenSequence()).hasValue(7);
    }
}
