package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with a clients file it cannot use stops before starting anything, with one line that names the
 * setting, the file and what is wrong in it: never a stack trace, never "unexpected error".
 */
class RunCommandClientsFileTest {

    @TempDir
    Path directory;

    private String runWith(Path clientsFile) throws Exception {
        String error = UnusableConfiguration.refusalOf(directory, "lienthong.dms.clients-file=" + clientsFile);
        assertThat(error).startsWith("Cấu hình không dùng được / Unusable configuration: lienthong.dms.clients-file: ");
        return error;
    }

    @Test
    void a_missing_clients_file_is_named() throws Exception {
        assertThat(runWith(directory.resolve("missing-clients.json"))).contains("missing-clients.json", "cannot be read");
    }

    @Test
    void a_clients_file_that_is_not_json_is_refused_with_line_and_column() throws Exception {
        Path file = Files.writeString(directory.resolve("clients.json"), "{\"clients\": [\n  {\"id\": \"vpcp-dms\",\n",
                StandardCharsets.UTF_8);

        assertThat(runWith(file)).contains("clients.json is not valid JSON at line 3, column").doesNotContain("REDACTED");
    }

    @Test
    void an_unknown_delivery_mode_names_the_client_and_the_modes_there_are() throws Exception {
        Path file = Files.writeString(directory.resolve("clients.json"), """
                {"clients": [{"id": "vpcp-dms", "organIds": ["000.00.00.G22"], "delivery": {"mode": "ftp"}}]}
                """, StandardCharsets.UTF_8);

        assertThat(runWith(file)).contains("client vpcp-dms has the delivery mode \"ftp\"", "pull, folder, webhook or jms");
    }

    @Test
    void a_webhook_that_clients_add_would_refuse_stops_the_start_in_both_languages() throws Exception {
        Path secret = Files.writeString(directory.resolve("hook.secret"), "s3cret", StandardCharsets.UTF_8);
        Path file = Files.writeString(directory.resolve("clients.json"), """
                {"clients": [{"id": "hanoi-dms", "organIds": ["000.00.00.H26"],
                              "delivery": {"mode": "webhook", "url": "http://dms.example/lienthong", "secretFile": "%s"}}]}
                """.formatted(secret.toString().replace("\\", "\\\\")), StandardCharsets.UTF_8);

        assertThat(runWith(file)).contains("dùng http:// tới một máy khác", "WEBHOOK_NOT_HTTPS",
                "is plain http:// to another machine");
    }
}
