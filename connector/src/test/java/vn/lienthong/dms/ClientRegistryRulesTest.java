package vn.lienthong.dms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lienthong.signature.VietnameseSentences;

/**
 * A clients file written by hand is held to what {@code clients add} would write: the connector refuses to start on
 * a client it must not serve, and says why in both languages.
 */
class ClientRegistryRulesTest {

    @TempDir
    Path directory;

    private Path file(String id, Map<String, String> delivery) throws Exception {
        Path file = directory.resolve("clients.json");
        new ObjectMapper().writeValue(file.toFile(), Map.of("clients", List.of(Map.of(
                "id", id, "organIds", List.of("000.00.00.H26"), "delivery", delivery))));
        return file;
    }

    private ClientFileProblem refusal(Path file) {
        ClientFileProblem problem = catchThrowableOfType(() -> ClientRegistry.load(file), ClientFileProblem.class);
        assertThat(problem).as("refused").isNotNull();
        assertThat(problem.getMessage()).contains(problem.vietnamese(), problem.code(), problem.english());
        assertThat(VietnameseSentences.englishWordsIn(problem.vietnamese())).as(problem.vietnamese()).isEmpty();
        return problem;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a plain http webhook to another machine | WEBHOOK_NOT_HTTPS          | webhook | http://dms.example/lienthong
            a webhook that reads a file             | WEBHOOK_URL_INVALID        | webhook | file:///etc/passwd
            a webhook to the cloud metadata         | WEBHOOK_TARGET_NOT_ALLOWED | webhook | https://169.254.169.254/latest
            a webhook to an IPv6 link-local         | WEBHOOK_TARGET_NOT_ALLOWED | webhook | https://[fe80::1]/lienthong
            a webhook to an IPv4-mapped link-local  | WEBHOOK_TARGET_NOT_ALLOWED | webhook | https://[::ffff:169.254.169.254]/x
            a webhook to every interface            | WEBHOOK_TARGET_NOT_ALLOWED | webhook | http://0.0.0.0:8080/lienthong
            a folder in /etc                        | FOLDER_NOT_ALLOWED         | folder  | /etc
            a folder inside /proc                   | FOLDER_NOT_ALLOWED         | folder  | /proc/self
            a folder that climbs into /etc          | FOLDER_NOT_ALLOWED         | folder  | /srv/dms/../../etc/cron.d
            a relative folder                       | FOLDER_NOT_ALLOWED         | folder  | dms/hanoi
            """)
    void a_client_the_connector_must_not_serve_stops_the_start(String what, String code, String mode, String target)
            throws Exception {
        Path secret = Files.writeString(directory.resolve("hook.secret"), "s3cret");
        Map<String, String> delivery = mode.equals("webhook")
                ? Map.of("mode", mode, "url", target, "secretFile", secret.toString())
                : Map.of("mode", mode, "folder", target);

        assertThat(refusal(file("hanoi-dms", delivery)).code()).isEqualTo(code);
    }

    @Test
    void an_id_with_a_line_break_stops_the_start_and_is_shown_escaped() throws Exception {
        ClientFileProblem problem = refusal(file("hanoi-dms\nforged log line", Map.of("mode", "pull")));

        assertThat(problem.code()).isEqualTo("CLIENT_ID_INVALID");
        assertThat(problem.getMessage()).doesNotContain("\n").contains("hanoi-dms\\nforged log line");
    }

    @Test
    void a_folder_reached_through_a_link_is_judged_where_it_leads() throws Exception {
        Path link = Files.createSymbolicLink(directory.resolve("dms-link"), Path.of("/etc"));

        assertThat(refusal(file("hanoi-dms", Map.of("mode", "folder", "folder", link.toString()))).code())
                .isEqualTo("FOLDER_NOT_ALLOWED");
    }

    @Test
    void a_webhook_secret_that_is_a_device_stops_the_start() throws Exception {
        assertThat(refusal(file("hanoi-dms", Map.of("mode", "webhook", "url", "https://dms.example/lienthong",
                "secretFile", "/dev/zero"))).code()).isEqualTo("WEBHOOK_SECRET_UNREADABLE");
    }

    @Test
    void two_clients_may_not_share_a_folder_or_nest_one_in_the_other() throws Exception {
        Path file = directory.resolve("clients.json");
        Path hanoi = directory.resolve("dms/hanoi");
        new ObjectMapper().writeValue(file.toFile(), Map.of("clients", List.of(
                Map.of("id", "hanoi-dms", "organIds", List.of("000.00.00.H26"),
                        "delivery", Map.of("mode", "folder", "folder", hanoi.toString())),
                Map.of("id", "h41-dms", "organIds", List.of("000.00.00.H41"),
                        "delivery", Map.of("mode", "folder", "folder", hanoi.resolve("out").toString())))));

        assertThat(refusal(file).code()).isEqualTo("FOLDERS_OVERLAP");
    }

    @Test
    void a_plain_http_webhook_on_this_machine_and_an_https_one_elsewhere_are_served() throws Exception {
        Path secret = Files.writeString(directory.resolve("hook.secret"), "s3cret");
        for (String url : List.of("http://127.0.0.1:8080/lienthong", "http://[::1]:8080/x", "http://localhost/x",
                "https://dms.example/lienthong", "https://10.0.0.7/lienthong")) {
            assertThat(ClientRegistry.load(file("hanoi-dms", Map.of("mode", "webhook", "url", url,
                    "secretFile", secret.toString()))).byId("hanoi-dms")).as(url).isPresent();
        }
    }

    @Test
    void the_older_refusals_are_bilingual_too() throws Exception {
        assertThat(refusal(file("hanoi-dms", Map.of("mode", "ftp"))).code()).isEqualTo("DELIVERY_MODE_UNKNOWN");
        assertThatThrownBy(() -> ClientRegistry.load(directory.resolve("missing.json")))
                .isInstanceOf(ClientFileProblem.class).hasMessageContaining("missing.json");
    }
}
