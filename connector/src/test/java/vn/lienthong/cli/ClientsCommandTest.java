package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.dms.TlsPki;

class ClientsCommandTest {

    @TempDir
    Path directory;

    private String add(String... options) {
        String out = run(0, options);
        Matcher key = Pattern.compile("API key \\(shown once, keep it\\): (\\S+)").matcher(out);
        assertThat(key.find()).as(out).isTrue();
        return key.group(1);
    }

    /** {@code clients add options}, expecting {@code exitCode}; what it printed, standard output then error. */
    private String run(int exitCode, String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[options.length + 2];
        args[0] = "clients";
        args[1] = "add";
        System.arraycopy(options, 0, args, 2, options.length);
        assertThat(Main.run(args, new PrintWriter(out), new PrintWriter(err))).as(out + "" + err).isEqualTo(exitCode);
        return out + "" + err;
    }

    private Path pem(TlsPki.Party party, String name) throws Exception {
        return Files.writeString(directory.resolve(name), TlsPki.pem(party.certificate()), StandardCharsets.US_ASCII);
    }

    @Test
    void adds_a_client_whose_printed_key_authenticates_it_and_stores_only_the_hash() throws Exception {
        Path file = directory.resolve("clients.json");
        String key = add("--file", file.toString(), "--id", "vpcp-dms", "--organ-id", "000.00.00.G22",
                "--delivery", "folder:" + directory.resolve("vpcp"));
        DmsClient client = ClientRegistry.load(file).byApiKey(key).orElseThrow();
        assertThat(client.organIds()).containsExactly("000.00.00.G22");
        assertThat(client.delivery().mode()).isEqualTo(Delivery.Mode.FOLDER);
        assertThat(Files.readString(file)).doesNotContain(key);
    }

    @Test
    void adding_the_same_id_again_replaces_the_client_and_its_old_key_stops_working() throws Exception {
        Path file = directory.resolve("clients.json");
        String first = add("--file", file.toString(), "--id", "hanoi-dms", "--organ-id", "000.00.00.H26");
        String second = add("--file", file.toString(), "--id", "hanoi-dms", "--organ-id", "000.00.00.H26", "--delivery", "pull");
        ClientRegistry registry = ClientRegistry.load(file);
        assertThat(registry.all()).hasSize(1);
        assertThat(registry.byApiKey(first)).isEmpty();
        assertThat(registry.byApiKey(second)).isPresent();
    }

    @Test
    void a_client_added_with_its_certificate_is_bound_by_its_fingerprint_and_gets_no_key() throws Exception {
        Path file = directory.resolve("clients.json");
        TlsPki.Party vendor = TlsPki.selfSigned("vpcp-dms");

        String printed = run(0, "--file", file.toString(), "--id", "vpcp-dms", "--organ-id", "000.00.00.G22",
                "--certificate", pem(vendor, "vpcp-dms.pem").toString());

        assertThat(printed).contains("SHA-256 fingerprint: " + vendor.fingerprint()).doesNotContain("API key");
        DmsClient client = ClientRegistry.load(file).byCertificate(vendor.certificate()).orElseThrow();
        assertThat(client.id()).isEqualTo("vpcp-dms");
        assertThat(client.organIds()).containsExactly("000.00.00.G22");
        assertThat(client.apiKeySha256()).isNull();
    }

    @Test
    void a_der_certificate_is_read_as_well() throws Exception {
        Path file = directory.resolve("clients.json");
        TlsPki.Party vendor = TlsPki.selfSigned("hanoi-dms");
        Path der = Files.write(directory.resolve("hanoi-dms.cer"), vendor.certificate().getEncoded());

        run(0, "--file", file.toString(), "--id", "hanoi-dms", "--organ-id", "000.00.00.H26", "--certificate", der.toString());

        assertThat(ClientRegistry.load(file).byCertificate(vendor.certificate())).isPresent();
    }

    @Test
    void a_file_that_is_not_a_certificate_is_refused_and_nothing_is_written() throws Exception {
        Path file = directory.resolve("clients.json");
        Path notACertificate = Files.writeString(directory.resolve("key.txt"), "not a certificate");

        String printed = run(2, "--file", file.toString(), "--id", "vpcp-dms", "--organ-id", "000.00.00.G22",
                "--certificate", notACertificate.toString());

        assertThat(printed).contains("Cannot read the certificate");
        assertThat(file).doesNotExist();
    }

    @Test
    void a_webhook_client_without_its_secret_file_is_refused_and_nothing_is_written() throws Exception {
        Path file = directory.resolve("clients.json");

        String printed = run(2, "--file", file.toString(), "--id", "hanoi-dms", "--organ-id", "000.00.00.H26",
                "--delivery", "webhook:https://dms.example/lienthong");

        assertThat(printed).contains("Không dùng được / Not usable: --delivery webhook:URL needs --webhook-secret-file")
                .doesNotContain("Exception");
        assertThat(file).doesNotExist();
    }

    @Test
    void a_webhook_client_keeps_the_absolute_path_of_its_secret_file() throws Exception {
        Path file = directory.resolve("clients.json");
        Path secret = Files.writeString(directory.resolve("hook.secret"), "s3cret", StandardCharsets.US_ASCII);

        add("--file", file.toString(), "--id", "hanoi-dms", "--organ-id", "000.00.00.H26",
                "--delivery", "webhook:https://dms.example/lienthong", "--webhook-secret-file", secret.toString());

        DmsClient client = ClientRegistry.load(file).byId("hanoi-dms").orElseThrow();
        assertThat(client.delivery().webhookSecretFile()).isEqualTo(secret.toAbsolutePath());
    }

    @Test
    void a_certificate_client_cannot_be_a_jms_client_which_logs_in_with_its_key() throws Exception {
        Path file = directory.resolve("clients.json");

        String printed = run(2, "--file", file.toString(), "--id", "vpcp-dms", "--organ-id", "000.00.00.G22",
                "--delivery", "jms", "--certificate", pem(TlsPki.selfSigned("vpcp-dms"), "vpcp.pem").toString());

        assertThat(printed).contains("--certificate cannot be used with --delivery jms");
        assertThat(file).doesNotExist();
    }

    @Test
    void a_certificate_already_pinned_by_another_client_is_refused() throws Exception {
        Path file = directory.resolve("clients.json");
        Path shared = pem(TlsPki.selfSigned("shared"), "shared.pem");
        run(0, "--file", file.toString(), "--id", "vpcp-dms", "--organ-id", "000.00.00.G22", "--certificate", shared.toString());

        String printed = run(2, "--file", file.toString(), "--id", "hanoi-dms", "--organ-id", "000.00.00.H26",
                "--certificate", shared.toString());

        assertThat(printed).contains("pin the same certificate");
        assertThat(ClientRegistry.load(file).all()).extracting(DmsClient::id).containsExactly("vpcp-dms");
    }

    private Path secretFile() throws Exception {
        return Files.writeString(directory.resolve("hook.secret"), "s3cret", StandardCharsets.US_ASCII);
    }

    @Test
    void a_plain_http_webhook_to_another_machine_is_refused_and_nothing_is_written() throws Exception {
        Path file = directory.resolve("clients.json");

        String printed = run(2, "--file", file.toString(), "--id", "hanoi-dms", "--organ-id", "000.00.00.H26",
                "--delivery", "webhook:http://dms.example/lienthong", "--webhook-secret-file", secretFile().toString());

        assertThat(printed).contains("WEBHOOK_NOT_HTTPS", "https://").doesNotContain("Exception");
        assertThat(file).doesNotExist();
    }

    @Test
    void a_plain_http_webhook_on_this_machine_is_added_with_a_warning() throws Exception {
        Path file = directory.resolve("clients.json");

        String printed = run(0, "--file", file.toString(), "--id", "hanoi-dms", "--organ-id", "000.00.00.H26",
                "--delivery", "webhook:http://127.0.0.1:8080/lienthong", "--webhook-secret-file", secretFile().toString());

        assertThat(printed).contains("WEBHOOK_PLAIN_HTTP", "Cảnh báo");
        assertThat(ClientRegistry.load(file).byId("hanoi-dms")).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an id with a line break             | CLIENT_ID_INVALID          | --id=hanoi-dms\\nforged log line
            a webhook that reads a file         | WEBHOOK_URL_INVALID        | --delivery=webhook:file:///etc/passwd
            a webhook to the cloud metadata     | WEBHOOK_TARGET_NOT_ALLOWED | --delivery=webhook:https://169.254.169.254/latest
            a webhook to an IPv6 link-local     | WEBHOOK_TARGET_NOT_ALLOWED | --delivery=webhook:https://[fe80::1]/lienthong
            a webhook with credentials          | WEBHOOK_URL_INVALID        | --delivery=webhook:https://dms:pw@dms.example/x
            a folder in /etc                    | FOLDER_NOT_ALLOWED         | --delivery=folder:/etc
            the root folder                     | FOLDER_NOT_ALLOWED         | --delivery=folder:/
            a shared folder                     | FOLDER_NOT_ALLOWED         | --delivery=folder:/tmp
            """)
    void clients_add_refuses_what_the_connector_must_not_serve(String what, String code, String option) throws Exception {
        Path file = directory.resolve("clients.json");
        String[] nameAndValue = option.replace("\\n", "\n").split("=", 2);
        Map<String, String> options = new LinkedHashMap<>(Map.of(
                "--id", "hanoi-dms", "--delivery", "pull"));
        options.put(nameAndValue[0], nameAndValue[1]);
        List<String> args = new ArrayList<>(List.of("--file", file.toString(),
                "--organ-id", "000.00.00.H26", "--webhook-secret-file", secretFile().toString()));
        options.forEach((name, value) -> args.addAll(List.of(name, value)));

        String printed = run(2, args.toArray(String[]::new));

        assertThat(printed).contains(code).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(file).doesNotExist();
    }
}
