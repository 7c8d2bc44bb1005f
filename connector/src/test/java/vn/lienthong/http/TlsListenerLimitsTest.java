package vn.lienthong.http;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lienthong.dms.ExposedConnector;
import vn.lienthong.dms.TlsPki;

/**
 * The REST and SOAP listeners over TLS (lienthong.dms.tls.*) close a socket that never starts its handshake, and one
 * that completes it and then sends no request, within the header timeout: TLS gives an attacker no longer hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsListenerLimitsTest {

    private static final Duration HEADER_TIMEOUT = Duration.ofMillis(2000);

    private ExposedConnector connector;
    private TlsPki pki;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        pki = TlsPki.generate(root.resolve("pki"));
        Properties settings = pki.settings(true);
        for (String listener : new String[] {"api", "soap"}) {
            settings.setProperty("lienthong." + listener + ".header-timeout-ms", Long.toString(HEADER_TIMEOUT.toMillis()));
        }
        connector = new ExposedConnector(root, settings);
    }

    @AfterAll
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    private int port(String listener) {
        return "api".equals(listener) ? connector.apiPort : connector.soapPort;
    }

    /** True once the server has closed the connection (end of stream, or a reset). */
    private static boolean closedByServer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                if (in.read() == -1) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "soap"})
    void a_socket_that_never_starts_its_handshake_is_closed_within_the_header_timeout(String listener) throws Exception {
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), port(listener))) {
            silent.setSoTimeout(200);
            await().atMost(HEADER_TIMEOUT.plusMillis(1500)).pollInterval(Duration.ofMillis(100))
                    .until(() -> closedByServer(silent));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"api", "soap"})
    void a_connection_that_completes_its_handshake_and_sends_no_request_is_closed_within_the_header_timeout(String listener)
            throws Exception {
        try (SSLSocket idle = (SSLSocket) pki.clientContext(null).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port(listener))) {
            idle.startHandshake();
            idle.setSoTimeout(200);
            await().atMost(HEADER_TIMEOUT.plusMillis(1500)).pollInterval(Duration.ofMillis(100))
                    .until(() -> closedByServer(idle));
        }
    }
}
