package vn.lienthong.axis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lienthong.axis.AxisException.Kind;
import vn.lienthong.edxml.MessageType;

/** How failures are classified, by the rules agreed with the simulator, and that none of them leaks the secret. */
class AxisClientFailureTest extends AxisClientFixture {

    private static void answerHttp(int status, String body) {
        axis.stubFor(post(urlEqualTo("/updateStatus")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private AxisException failureOfUpdateStatus() {
        return failureOf(() -> client.updateStatus("D-1", true));
    }

    private static String fullStackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"503, TRANSIENT", "500, TRANSIENT", "408, TRANSIENT", "429, TRANSIENT",
            "401, AUTHENTICATION", "403, AUTHENTICATION", "400, PERMANENT", "404, PERMANENT"})
    void an_http_error_status_is_classified_by_its_number(int status, Kind kind) {
        answerHttp(status, fail(Integer.toString(status), "refused"));

        AxisException failure = failureOfUpdateStatus();

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.errorCode()).isEqualTo(Integer.toString(status));
        assertThat(failure.getMessage()).isEqualTo("updateStatus: the axis answered HTTP " + status
                + " with ErrorCode " + status + " (refused)");
    }

    @Test
    void an_http_error_without_a_json_body_still_carries_its_status_as_error_code() {
        answerHttp(502, "<html>Bad Gateway</html>");

        AxisException failure = failureOfUpdateStatus();

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.errorCode()).isEqualTo("502");
    }

    @ParameterizedTest(name = "FAIL with ErrorCode {0} -> {1}")
    @CsvSource({"400, PERMANENT", "404, PERMANENT", "401, AUTHENTICATION", "403, AUTHENTICATION",
            "503, TRANSIENT", "429, TRANSIENT", "E-DB-07, TRANSIENT", "-1, TRANSIENT"})
    void a_fail_answer_is_classified_by_its_error_code(String errorCode, Kind kind) {
        answerHttp(200, fail(errorCode, "refused"));

        AxisException failure = failureOfUpdateStatus();

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.errorCode()).isEqualTo(errorCode);
        assertThat(failure.getMessage()).contains("answered FAIL with ErrorCode " + errorCode);
    }

    @Test
    void an_answer_slower_than_the_request_timeout_is_transient() {
        axis.stubFor(post(urlEqualTo("/updateStatus")).willReturn(okJson(ok("")).withFixedDelay(1_000)));

        try (AxisClient impatient = new AxisClient(settings(axisEndpoint(), Duration.ofMillis(300)), CLOCK)) {
            AxisException failure = failureOf(() -> impatient.updateStatus("D-1", true));

            assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(failure.errorCode()).isEmpty();
            assertThat(failure.getMessage()).contains("no answer in time");
        }
    }

    @Test
    void a_refused_connection_is_transient() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        try (AxisClient unreachable = new AxisClient(settings(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2)), CLOCK)) {
            AxisException failure = failureOf(() -> unreachable.getReceivedEdocList(MessageType.EDOC));

            assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(failure.getMessage()).startsWith("getReceivedEdocList: the connection failed");
        }
    }

    @Test
    void an_answer_that_stops_in_the_middle_of_its_body_is_transient_instead_of_hanging() throws Exception {
        try (ServerSocket stalling = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> answerHalfThenFallSilent(stalling), "stalling-axis");
            server.setDaemon(true);
            server.start();

            try (AxisClient patient = new AxisClient(settings(URI.create("http://127.0.0.1:" + stalling.getLocalPort()),
                    Duration.ofSeconds(1)), CLOCK)) {
                AxisException failure = assertTimeoutPreemptively(Duration.ofSeconds(30),
                        () -> failureOf(() -> patient.getReceivedEdocList(MessageType.EDOC)));

                assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
                assertThat(failure.getMessage()).startsWith("getReceivedEdocList: the answer could not be read to its end")
                        .contains("no byte of the answer arrived for 1000 ms");
            }
        }
    }

    /** Headers and the start of a JSON body, then nothing, with the connection held open (until the test ends). */
    private static void answerHalfThenFallSilent(ServerSocket listening) {
        try (Socket connection = listening.accept()) {
            byte[] request = new byte[8192];
            connection.getInputStream().read(request);
            String begun = "{\"status\":\"OK\",\"ErrorCode\":\"0\",\"data\":[";
            connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4096\r\n\r\n"
                    + begun).getBytes(StandardCharsets.US_ASCII));
            connection.getOutputStream().flush();
            Thread.sleep(60_000);
        } catch (IOException | InterruptedException ended) {
            // The test is over: the client closed its side, or the JVM is stopping.
        }
    }

    @Test
    void a_garbage_answer_is_transient() {
        answerHttp(200, "<html><body>Service temporarily unavailable</body></html>");

        AxisException failure = failureOfUpdateStatus();

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.getMessage()).contains("not the expected JSON");
    }

    @Test
    void a_json_answer_without_a_status_is_transient() {
        answerHttp(200, "{\"ErrorCode\":\"0\"}");

        assertThat(failureOfUpdateStatus().kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void an_answer_cut_off_in_the_middle_is_transient() {
        answerHttp(200, "{\"status\":\"OK\",\"ErrorCode\":");

        assertThat(failureOfUpdateStatus().kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void no_failure_message_contains_the_secret_even_when_the_axis_echoes_it() throws Exception {
        List<AxisException> failures = new java.util.ArrayList<>();
        answerHttp(401, fail("401", "wrong HMAC for key " + SECRET));
        failures.add(failureOfUpdateStatus());
        answerHttp(200, fail("E-" + SECRET, "key " + SECRET + " is stale"));
        failures.add(failureOfUpdateStatus());
        answerHttp(200, "not json " + SECRET);
        failures.add(failureOfUpdateStatus());
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             AxisClient unreachable = new AxisClient(settings(URI.create("http://127.0.0.1:" + socket.getLocalPort()), Duration.ofMillis(300)), CLOCK)) {
            failures.add(failureOf(() -> unreachable.countReceiveEdoc()));
        }

        assertThat(failures).hasSize(4).allSatisfy(failure -> {
            assertThat(fullStackTrace(failure)).doesNotContain(SECRET);
            assertThat(failure.errorCode()).doesNotContain(SECRET);
        });
    }

    @Test
    void settings_never_print_the_secret() {
        AxisSettings settings = settings(axisEndpoint(), Duration.ofSeconds(5));

        assertThat(settings.toString()).doesNotContain(SECRET).contains(SYSTEM_ID).contains("secret=(hidden)");
    }
}
