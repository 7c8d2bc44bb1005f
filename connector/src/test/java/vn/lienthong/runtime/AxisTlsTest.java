package vn.lienthong.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.axis.AxisException;
import vn.lienthong.axis.AxisSettings;

/** HTTPS to an axis whose certificate only a configured trust store vouches for. */
class AxisTlsTest {

    private static final String PASSWORD = "changeit-test-only";

    @TempDir
    Path directory;

    private WireMockServer axis;
    private Path keyStore;

    @BeforeEach
    void startHttpsAxis() throws Exception {
        keyStore = directory.resolve("axis.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "axis", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).isZero();
        axis = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort()
                .keystorePath(keyStore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
        axis.start();
        axis.stubFor(get(urlEqualTo("/countReceiveEdoc")).willReturn(aResponse().withStatus(200)
                .withBody("{\"status\":\"OK\",\"ErrorCode\":\"0\",\"ErrorDesc\":\"\",\"count\":7}")));
    }

    @AfterEach
    void stopAxis() {
        axis.stop();
    }

    private AxisClient client(javax.net.ssl.SSLContext ssl) {
        return new AxisClient(new AxisSettings(URI.create("https://127.0.0.1:" + axis.httpsPort()), "vpcp.test",
                "secret", Duration.ofSeconds(2), Duration.ofSeconds(5), ssl, true), Clock.systemUTC());
    }

    @Test
    void a_configured_trust_store_lets_the_client_reach_an_axis_with_a_private_ca() throws Exception {
        try (AxisClient client = client(AxisTls.sslContext(keyStore.toString(), "PKCS12", PASSWORD))) {
            assertThat(client.countReceiveEdoc()).isEqualTo(7);
        }
    }

    @Test
    void without_it_the_certificate_is_refused_and_nothing_is_sent() {
        try (AxisClient client = client(null)) {
            assertThatThrownBy(client::countReceiveEdoc).isInstanceOf(AxisException.class);
        }
        assertThat(axis.getAllServeEvents()).isEmpty();
    }

    @Test
    void an_unusable_trust_store_is_a_plain_configuration_error() {
        assertThatThrownBy(() -> AxisTls.sslContext(directory.resolve("missing.p12").toString(), "PKCS12", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be used");
    }
}
