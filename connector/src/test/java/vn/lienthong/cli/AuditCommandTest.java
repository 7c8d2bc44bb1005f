package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.audit.AuditLogFixture;

/** {@code audit export --data} and {@code audit verify} on a stopped connector's data directory, with their exit codes. */
class AuditCommandTest {

    @TempDir
    Path data;
    @TempDir
    Path out;

    private record Ran(int exit, String out, String err) {
    }

    private static Ran run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Ran(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void aStoppedConnectorsLog() throws Exception {
        try (AuditLogFixture fixture = new AuditLogFixture(data)) {
            fixture.append("k1", 10);
            fixture.anchor();
            fixture.append("k2", 4);
            fixture.anchor();
        }
    }

    @Test
    void an_offline_export_of_a_day_verifies_and_prints_the_last_hash_to_keep() {
        Path file = out.resolve("day.jsonl");

        Ran exported = run("audit", "export", "--data", data.toString(), "--from", "2026-12-04", "--to", "2026-12-04",
                "-o", file.toString());
        Ran verified = run("audit", "verify", file.toString());

        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.err()).contains("Exported entries 1–16");
        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("ĐẠT / VERIFIED: 16 mục / entries 1–16")
                .contains("cây / tree size 10").contains("Last hash (keep it for next time): ");
        assertThat(out).isDirectoryContaining(path -> path.getFileName().toString().equals("day.jsonl"))
                .isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".part"));
    }

    @Test
    void editing_one_byte_of_the_export_makes_verify_name_the_entry_and_exit_1() throws Exception {
        Path file = out.resolve("log.jsonl");
        run("audit", "export", "--data", data.toString(), "-o", file.toString());
        Files.writeString(file, Files.readString(file).replace("\"detail\":\"entry 7\"", "\"detail\":\"entry 8\""));

        Ran verified = run("audit", "verify", file.toString());

        assertThat(verified.exit()).isEqualTo(1);
        assertThat(verified.out()).contains("KHÔNG ĐẠT / FAILED: ENTRY_ALTERED (mục / entry 8)")
                .contains("Mục 8 đã bị sửa").contains("Entry 8 was altered");
    }

    @Test
    void verifying_the_data_directory_itself_checks_its_anchors() {
        Ran verified = run("audit", "verify", data.toString());

        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("VERIFIED: 16 mục / entries 1–16").contains("Anchors checked: 2");
    }

    @Test
    void an_expected_head_not_in_the_log_fails_and_one_in_it_passes() throws Exception {
        Path file = out.resolve("log.jsonl");
        run("audit", "export", "--data", data.toString(), "-o", file.toString());
        String lastHash = run("audit", "verify", file.toString()).out().replaceAll("(?s).*next time\\): (\\w+).*", "$1");

        assertThat(run("audit", "verify", "--expect-head", lastHash, file.toString()).exit()).isZero();
        Ran wrong = run("audit", "verify", "--expect-head", "cd".repeat(32), file.toString());
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.out()).contains("EXPECTED_HEAD_NOT_FOUND");
    }

    @Test
    void a_missing_file_is_unusable_input_exit_2() {
        Ran verified = run("audit", "verify", out.resolve("none.jsonl").toString());

        assertThat(verified.exit()).isEqualTo(2);
        assertThat(verified.err()).contains("Không có tệp hay thư mục").contains("There is no file or directory");
    }

    @Test
    void a_csv_export_goes_to_standard_output() {
        Ran exported = run("audit", "export", "--data", data.toString(), "--format", "csv", "--agency", "x");

        assertThat(exported.exit()).as(exported.err()).isZero();
        assertThat(exported.out()).startsWith("sequence,time,documentKey,step,outcome,attempt,contentHash,detail,");
    }

    @Test
    void a_tsa_certificate_that_did_not_stamp_the_anchors_fails() throws Exception {
        Path file = out.resolve("log.jsonl");
        run("audit", "export", "--data", data.toString(), "-o", file.toString());
        Path otherTsa = out.resolve("other-tsa.pem");
        Files.writeString(otherTsa, vn.lienthong.audit.stamp.TimestampAuthority.generate().certificatePem());

        Ran verified = run("audit", "verify", "--tsa-cert", otherTsa.toString(), file.toString());

        assertThat(verified.exit()).isEqualTo(1);
        assertThat(verified.out()).contains("TIMESTAMP_UNTRUSTED_TSA");
    }
}
