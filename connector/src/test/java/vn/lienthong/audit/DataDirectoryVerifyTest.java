package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stopped connector's data directory (or a copy) verifies with its archives; a running one is refused, clearly. */
class DataDirectoryVerifyTest {

    @TempDir
    Path data;

    private void aLogWithAnchors() throws Exception {
        try (AuditLogFixture fixture = new AuditLogFixture(data)) {
            fixture.append("k1", 10);
            fixture.anchor();
            fixture.append("k2", 5);
            fixture.anchor();
            fixture.append(null, 2);
        }
    }

    @Test
    void a_stopped_connectors_data_directory_verifies_every_entry_and_anchor() throws Exception {
        aLogWithAnchors();

        Verification verification = new AuditVerifier(null).verify(List.of(data), null);

        assertThat(verification.entries()).isEqualTo(19);
        assertThat(verification.anchors()).extracting(AnchorVerdict::size).containsExactly(10L, 16L);
        assertThat(verification.notes()).singleElement()
                .satisfies(note -> assertThat(note.english()).contains("Entries 17–19 are chained but no time-stamped"));
    }

    @Test
    void archives_are_read_first_then_the_database_from_the_first_entry_they_do_not_hold() throws Exception {
        aLogWithAnchors();
        try (AuditLogFixture fixture = new AuditLogFixture(data)) {
            Path archives = Files.createDirectories(data.resolve("audit/archives"));
            StringWriter text = new StringWriter();
            new AuditExport(fixture.database, Clock.systemUTC(), null, false, Optional::empty)
                    .writeArchive(1, 12, null, text);
            Files.writeString(archives.resolve("log-000000000001-000000000012.jsonl"), text.toString());
            try (var connection = fixture.database.dataSource().getConnection();
                    var prune = connection.prepareStatement("DELETE FROM transmission_log WHERE sequence_no <= 12")) {
                prune.executeUpdate();
            }
        }

        Verification verification = new AuditVerifier(null).verify(List.of(data), null);

        assertThat(verification.entries()).isEqualTo(19);
        assertThat(verification.anchors()).extracting(AnchorVerdict::size).contains(10L, 16L);
    }

    @Test
    void an_entry_altered_in_the_database_is_named() throws Exception {
        aLogWithAnchors();
        try (AuditLogFixture fixture = new AuditLogFixture(data);
                var connection = fixture.database.dataSource().getConnection();
                var edit = connection.prepareStatement("UPDATE transmission_log SET detail = 'changed' WHERE"
                        + " sequence_no = 4")) {
            edit.executeUpdate();
        }

        AuditProblem problem = catchThrowableOfType(() -> new AuditVerifier(null).verify(List.of(data), null),
                AuditProblem.class);

        assertThat(problem.code()).isEqualTo("ENTRY_ALTERED");
        assertThat(problem.sequence()).isEqualTo(4);
    }

    @Test
    void the_data_directory_of_a_running_connector_is_refused_saying_to_export_online_or_use_a_copy() throws Exception {
        aLogWithAnchors();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DatabaseHolderProcess.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).isEqualTo("open");

            UnusableInput refused = catchThrowableOfType(() -> new AuditVerifier(null).verify(List.of(data), null),
                    UnusableInput.class);

            assertThat(refused.vietnamese()).startsWith("Bộ kết nối đang chạy").contains("--config");
            assertThat(refused.english()).startsWith("The connector is running").contains("--config")
                    .contains("a copy of the data directory");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor(30, TimeUnit.SECONDS);
            holder.destroy();
        }
    }
}
