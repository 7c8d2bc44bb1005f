package vn.lienthong.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.lienthong.dms.ExposedConnector;

/**
 * Every listener (REST API, SOAP, health) closes a connection that sends no complete request header in time, and
 * takes no more connections than its cap, so that idle or half-open sockets cannot take the connector's file
 * descriptors. Raw sockets against the real listeners, with small limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListenerLimitsTest {

    private static final Duration HEADER_TIMEOUT = Duration.ofMillis(2000);
    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(6000);
    private static final int MAX_CONNECTIONS = 8;

    enum Listener {
        API("api", "/api/v1/openapi.yaml"), SOAP("soap", "/soap/dms?wsdl"), HEALTH("http", "/health");

        final String keys;
        final String path;

        Listener(String keys, String path) {
            this.keys = keys;
            this.path = path;
        }
    }

    private ExposedConnector connector;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        Properties limits = new Properties();
        for (Listener listener : Listener.values()) {
            limits.setProperty("lienthong." + listener.keys + ".header-timeout-ms", Long.toString(HEADER_TIMEOUT.toMillis()));
            limits.setProperty("lienthong." + listener.keys + ".idle-timeout-ms", Long.toString(IDLE_TIMEOUT.toMillis()));
            limits.setProperty("lienthong." + listener.keys + ".max-connections", Integer.toString(MAX_CONNECTIONS));
        }
        connector = new ExposedConnector(root, limits);
    }

    @AfterAll
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    private int port(Listener listener) {
        return switch (listener) {
            case API -> connector.apiPort;
            case SOAP -> connector.soapPort;
            case HEALTH -> connector.healthPort;
        };
    }

    private Socket connect(Listener listener) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(listener));
        socket.setSoTimeout(200);
        return socket;
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

    private static String request(Listener listener) {
        return "GET " + listener.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void a_connection_that_sends_nothing_is_closed_within_the_header_timeout(Listener listener) throws Exception {
        try (Socket idle = connect(listener)) {
            await().atMost(HEADER_TIMEOUT.plusMillis(1500)).pollInterval(Duration.ofMillis(100))
                    .until(() -> closedByServer(idle));
        }
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void a_header_trickled_byte_by_byte_is_closed_within_the_header_timeout(Listener listener) throws Exception {
        try (Socket slow = connect(listener)) {
            OutputStream out = slow.getOutputStream();
            out.write(("GET " + listener.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n").getBytes(StandardCharsets.US_ASCII));
            // One more header byte every 250 ms: always some progress, never a complete header.
            await().atMost(HEADER_TIMEOUT.plusMillis(1500)).pollInterval(Duration.ofMillis(250)).until(() -> {
                try {
                    out.write('X');
                    out.flush();
                } catch (IOException closed) {
                    return true;
                }
                return closedByServer(slow);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void a_kept_alive_connection_is_closed_when_no_next_request_comes(Listener listener) throws Exception {
        try (Socket socket = connect(listener)) {
            socket.getOutputStream().write(request(listener).getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(5000);
            assertThat(socket.getInputStream().read()).isEqualTo('H'); // the answer begins: HTTP/1.1 ...
            socket.setSoTimeout(200);
            await().atMost(IDLE_TIMEOUT.plusMillis(1500)).pollInterval(Duration.ofMillis(100))
                    .until(() -> closedByServer(socket));
        }
    }

    @ParameterizedTest
    @EnumSource(Listener.class)
    void a_connection_beyond_the_cap_is_not_served_while_the_others_are_held(Listener listener) throws Exception {
        answeredAndClosed(listener); // the first answer may take a while to prepare (the WSDL): not what is measured here
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                held.add(connect(listener));
            }
            try (Socket extra = connect(listener)) {
                extra.getOutputStream().write(request(listener).getBytes(StandardCharsets.US_ASCII));
                extra.setSoTimeout(1000);
                assertThat(firstByte(extra)).as("a request beyond the cap is answered").isNotEqualTo('H');
            }
            // The other listeners keep their descriptors and answer.
            for (Listener other : Listener.values()) {
                if (other != listener) {
                    assertThat(get(other)).isIn(200, 404);
                }
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> get(listener) == 200);
    }

    private void answeredAndClosed(Listener listener) throws IOException {
        try (Socket socket = connect(listener)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + listener.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
        }
    }

    /** The first byte of the answer, -1 when closed, -2 when nothing came (not accepted, or held). */
    private static int firstByte(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (SocketTimeoutException nothing) {
            return -2;
        } catch (IOException reset) {
            return -1;
        }
    }

    private int get(Listener listener) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return http.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port(listener) + listener.path))
                .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void the_soap_listener_names_no_server_software_in_its_headers_or_error_page() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> wsdl = http.send(HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + connector.soapPort + "/soap/dms?wsdl")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + connector.soapPort + "/no-such-page")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.headers().firstValue("Server")).isEmpty();
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Server")).isEmpty();
        assertThat(missing.body()).doesNotContainIgnoringCase("jetty");
    }
}
