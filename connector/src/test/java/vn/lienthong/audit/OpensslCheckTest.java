package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The openssl commands docs/auditing.md gives check an export's closing anchor, exactly as written there. */
class OpensslCheckTest {

    @TempDir
    Path data;
    @TempDir
    Path work;

    @Test
    void the_documented_openssl_commands_verify_the_closing_anchors_signature_and_time_stamp() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")) && Files.isExecutable(Path.of("/usr/bin/python3")));
        try (AuditLogFixture fixture = new AuditLogFixture(data)) {
            fixture.append("k1", 4);
            fixture.anchor();
            StringWriter text = new StringWriter();
            new AuditExport(fixture.database, Clock.systemUTC(), null, false, Optional::empty)
                    .writeJsonLines(ExportFilter.parse(null, "2026-12-04T08:04:30Z", null, null, null), null, text);
            Files.writeString(work.resolve("day.jsonl"), text.toString());
            Files.writeString(work.resolve("tsa.pem"), "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(
                    64, "\n".getBytes()).encodeToString(fixture.tsa.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n");
        }
        String docs = Files.readString(Path.of("..", "docs", "auditing.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("```sh\n(python3 - day.jsonl N <<'PY'.*?)```", Pattern.DOTALL).matcher(docs);
        assertThat(block.find()).isTrue();
        Path script = work.resolve("check.sh");
        Files.writeString(script, "set -e\n" + block.group(1).replace("day.jsonl N", "day.jsonl 4"));

        Process process = new ProcessBuilder("sh", script.toString()).directory(work.toFile()).redirectErrorStream(true)
                .start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(said).isZero();
        assertThat(said).contains("Verified OK").contains("Verification: OK");
    }
}
