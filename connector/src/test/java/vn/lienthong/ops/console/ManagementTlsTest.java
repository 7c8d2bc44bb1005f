package vn.lienthong.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.dms.TlsPki;
import vn.lienthong.http.ManagementTls;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.ops.users.PasswordHash;
import vn.lienthong.ops.users.UsersFile;
import vn.lienthong.runtime.ConnectorRuntime;

/** The management port: loopback by default, TLS when opened, and never open beyond the machine in clear by chance. */
class ManagementTlsTest {

    @TempDir
    Path root;

    @Test
    void a_management_host_beyond_loopback_without_tls_stops_the_start_and_says_why_in_both_languages() throws Exception {
        Properties properties = ConsoleConnector.settings();
        properties.setProperty("lienthong.http.host", "0.0.0.0");
        assertThatThrownBy(() -> ConsoleConnector.start(root, properties).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mở ra ngoài máy mà không có TLS")
                .hasMessageContaining("would be open beyond this machine without TLS")
                .hasMessageContaining(ManagementTls.KEYSTORE).hasMessageContaining(ManagementTls.ALLOW_PLAIN);
    }

    @Test
    void plain_http_beyond_loopback_is_allowed_only_when_said_explicitly_and_loopback_needs_nothing() {
        Properties allowed = new Properties();
        allowed.setProperty(ManagementTls.ALLOW_PLAIN, "true");
        ManagementTls.checkExposure("0.0.0.0", null, allowed);
        ManagementTls.checkExposure("127.0.0.1", null, new Properties());
        ManagementTls.checkExposure("localhost", null, new Properties());
        assertThatThrownBy(() -> ManagementTls.checkExposure("192.0.2.10", null, new Properties()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_management_port_and_the_dms_rest_api_each_keep_their_own_tls_when_both_have_it() throws Exception {
        TlsPki pki = TlsPki.generate(root.resolve("pki"));
        Properties properties = ConsoleConnector.settings();
        properties.putAll(pki.settings(false));
        properties.setProperty("lienthong.api.enabled", "true");
        properties.setProperty("lienthong.api.port", Integer.toString(ConsoleConnector.freePorts(2)));
        properties.setProperty(ManagementTls.KEYSTORE, pki.serverKeyStore().toString());
        properties.setProperty(ManagementTls.PASSWORD_FILE, pki.passwordFile().toString());
        try (DemoNetwork network = ConsoleConnector.start(root, properties)) {
            ConnectorRuntime hanoi = network.connector(ConsoleConnector.HANOI.organId());
            HttpClient https = HttpClient.newBuilder().sslContext(pki.clientContext(null)).build();
            HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create(
                    "https://127.0.0.1:" + hanoi.settings().httpPort() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isIn(200, 503);
            assertThat(health.body()).contains("\"status\"");
            int apiPort = Integer.parseInt(properties.getProperty("lienthong.api.port")) + 1;
            HttpResponse<String> api = https.send(HttpRequest.newBuilder(URI.create(
                    "https://127.0.0.1:" + apiPort + "/api/v1/inbox")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).as("the REST API answers over its TLS, refusing a caller without a key")
                    .isEqualTo(401);
        }
    }

    @Test
    void with_a_key_store_the_console_and_the_command_line_use_tls_and_the_session_cookie_is_secure() throws Exception {
        TlsPki pki = TlsPki.generate(root.resolve("pki"));
        Properties properties = ConsoleConnector.settings();
        properties.setProperty(ManagementTls.KEYSTORE, pki.serverKeyStore().toString());
        properties.setProperty(ManagementTls.PASSWORD_FILE, pki.passwordFile().toString());
        try (DemoNetwork network = ConsoleConnector.start(root, properties)) {
            ConnectorRuntime hanoi = network.connector(ConsoleConnector.HANOI.organId());
            new UsersFile(hanoi.settings().dataDirectory().resolve("users.json"))
                    .add("lan", Set.of(Role.VIEWER), "mật khẩu của Lan".toCharArray(), new PasswordHash.Parameters(1024, 1, 1));
            HttpClient https = HttpClient.newBuilder().sslContext(pki.clientContext(null)).build();
            String base = "https://127.0.0.1:" + hanoi.settings().httpPort();

            HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create(base + "/console/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Bảng điều khiển bộ kết nối LienThong");
            assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            HttpResponse<String> signIn = https.send(HttpRequest.newBuilder(URI.create(base + "/ops/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"lan\",\"password\":\"mật khẩu của Lan\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
            assertThat(signIn.headers().firstValue("Set-Cookie").orElseThrow()).containsIgnoringCase("Secure")
                    .containsIgnoringCase("HttpOnly").contains("SameSite=Strict");

            Path config = root.resolve("operator.properties");
            java.nio.file.Files.writeString(config, "lienthong.data.directory=" + hanoi.settings().dataDirectory()
                    + "\nlienthong.http.port=" + hanoi.settings().httpPort()
                    + "\n" + ManagementTls.KEYSTORE + "=" + pki.serverKeyStore()
                    + "\n" + ManagementTls.PASSWORD_FILE + "=" + pki.passwordFile() + "\n");
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int exit = vn.lienthong.cli.Main.run(new String[] {"inbound", "list", "--config", config.toString()},
                    new java.io.PrintWriter(out), new java.io.PrintWriter(err));
            assertThat(exit).as("the command line speaks TLS to it, pinning its certificate: " + err).isZero();
            assertThat(out.toString()).contains("Held inbound packages: 0");

            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + hanoi.settings().httpPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString())).as("no plain HTTP on a TLS port").isInstanceOf(java.io.IOException.class);
        }
    }
}
