package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.simulator.TestAxis.MINISTRY;
import static vn.lienthong.simulator.TestAxis.MINISTRY_SYSTEM;
import static vn.lienthong.simulator.TestAxis.PROVINCE;
import static vn.lienthong.simulator.TestAxis.PROVINCE_SYSTEM;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /simulator/faults}: an outage injected over HTTP into a running simulator, as a person at its machine does. */
class SimulatorFaultControlTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path storage;

    /**
     * Windows last long enough that the calls a test makes right after opening one certainly fall inside it; a one- or
     * two-second window could end first on a loaded machine, and a call would then be answered normally.
     */
    private static final Duration WINDOW = Duration.ofSeconds(5);

    private AxisSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** Without TCP_NODELAY every answer waited 40-50 ms for the client's delayed ACK (bench/run-simulator-latency.sh). */
    @Test
    void a_running_simulator_has_turned_on_tcp_nodelay_for_the_jdks_http_server() {
        assertThat(System.getProperty(AxisSimulator.HTTP_NO_DELAY)).isEqualTo("true");
    }

    @Test
    void an_unavailable_window_answers_every_call_503_until_it_ends() throws Exception {
        long opened = System.nanoTime();
        HttpResponse<String> injected = control("POST", "{\"unavailableSeconds\": " + WINDOW.toSeconds() + "}");
        HttpResponse<String> call = province().receivedList("edoc");
        HttpResponse<String> shown = control("GET", null);
        assertEndedInsideTheWindow(opened);

        assertThat(injected.statusCode()).as(injected.body()).isEqualTo(200);
        assertThat(json(injected).path("unavailableSecondsLeft").asLong()).isBetween(1L, WINDOW.toSeconds());
        assertThat(json(injected).path("vi").asText()).contains("Đã gây sự cố giả lập");
        assertThat(call.statusCode()).isEqualTo(503);
        assertThat(SdkLikeClient.json(call).path("ErrorDesc").asText()).contains("injected outage");
        assertThat(json(shown).path("unavailableSecondsLeft").asLong()).isPositive();
        AtomicInteger answered503 = new AtomicInteger(1);
        await().atMost(WINDOW.plusSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            int status = province().receivedList("edoc").statusCode();
            if (status == 503) {
                answered503.incrementAndGet();
            }
            return status == 200;
        });
        assertThat(Duration.ofNanos(System.nanoTime() - opened)).as("the window lasts its whole length")
                .isGreaterThanOrEqualTo(WINDOW);
        assertThat(json(control("GET", null)).path("unavailableSecondsLeft").asLong()).isZero();
        assertThat(simulator.stats().injectedErrors()).as("every 503 this test was given, and no other")
                .isEqualTo(answered503.get());
    }

    @Test
    void a_refusal_window_refuses_sends_but_answers_other_calls() throws Exception {
        assertThat(control("POST", "{\"refuseSendsSeconds\": 60}").statusCode()).isEqualTo(200);

        HttpResponse<String> sent = ministry().send(SimulatorEnvelopes.edoc(MINISTRY, "d-refused", PROVINCE), MINISTRY,
                "edoc");

        assertThat(sent.statusCode()).isEqualTo(400);
        assertThat(SdkLikeClient.json(sent).path("ErrorDesc").asText()).contains("injected refusal");
        assertThat(province().receivedList("edoc").statusCode()).isEqualTo(200);
        assertThat(SdkLikeClient.json(province().receivedList("edoc")).get("data")).isEmpty();
        assertThat(simulator.stats().refusedSends()).isEqualTo(1);
    }

    @Test
    void delete_ends_the_windows_at_once() throws Exception {
        control("POST", "{\"unavailableSeconds\": 600, \"refuseSendsSeconds\": 600}");
        assertThat(province().receivedList("edoc").statusCode()).isEqualTo(503);

        HttpResponse<String> ended = control("DELETE", null);

        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(json(ended).path("unavailableSecondsLeft").asLong()).isZero();
        assertThat(json(ended).path("refuseSendsSecondsLeft").asLong()).isZero();
        assertThat(province().receivedList("edoc").statusCode()).isEqualTo(200);
        assertThat(ministry().send(SimulatorEnvelopes.edoc(MINISTRY, "d-after", PROVINCE), MINISTRY, "edoc")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void a_down_window_answers_first_then_refuses_connections_then_listens_again_on_the_same_port() throws Exception {
        int port = simulator.port();

        HttpResponse<String> injected = control("POST", "{\"downSeconds\": " + WINDOW.toSeconds() + "}");

        assertThat(injected.statusCode()).isEqualTo(200);
        assertThat(json(injected).path("en").asText()).contains("stops listening right after this answer");
        // The refusal must be seen while the window lasts: a poll that only catches the end of it proves nothing.
        await().atMost(WINDOW).pollInterval(Duration.ofMillis(20)).until(() -> {
            try {
                province().receivedList("edoc");
                return false;
            } catch (UncheckedIOException e) {
                return e.getCause() instanceof ConnectException;
            }
        });
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> province().receivedList("edoc").statusCode() == 200);
        assertThat(simulator.port()).isEqualTo(port);
    }

    @Test
    void a_post_that_is_not_json_is_refused_so_a_web_page_cannot_inject_an_outage() throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(simulator.faultControl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("unavailableSeconds=600")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(json(form).path("code").asText()).isEqualTo("JSON_REQUIRED");
        assertThat(json(form).path("vi").asText()).contains("Nội dung phải là JSON");
        assertThat(province().receivedList("edoc").statusCode()).isEqualTo(200);
    }

    @Test
    void a_mistyped_or_out_of_range_request_is_refused_in_both_languages_and_changes_nothing() throws Exception {
        HttpResponse<String> typo = control("POST", "{\"unavailableSecond\": 30}");
        HttpResponse<String> negative = control("POST", "{\"unavailableSeconds\": -1}");
        HttpResponse<String> tooLong = control("POST", "{\"downSeconds\": 3601}");
        HttpResponse<String> nothing = control("POST", "{}");

        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(json(typo).path("code").asText()).isEqualTo("UNKNOWN_FIELD");
        assertThat(json(typo).path("en").asText()).contains("unavailableSecond");
        assertThat(json(negative).path("code").asText()).isEqualTo("SECONDS_INVALID");
        assertThat(json(tooLong).path("code").asText()).isEqualTo("SECONDS_INVALID");
        assertThat(json(nothing).path("code").asText()).isEqualTo("NOTHING_ASKED");
        assertThat(json(nothing).path("vi").asText()).contains("Hãy nêu ít nhất một");
        assertThat(province().receivedList("edoc").statusCode()).isEqualTo(200);
    }

    @Test
    void only_a_caller_on_this_machine_is_obeyed() throws Exception {
        assertThat(FaultControl.obeys(java.net.InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(FaultControl.obeys(java.net.InetAddress.getByName("::1"))).isTrue();
        assertThat(FaultControl.obeys(java.net.InetAddress.getByName("192.0.2.10"))).isFalse();
        assertThat(FaultControl.obeys(null)).isFalse();
    }

    @Test
    void the_control_is_not_a_call_of_the_axis_and_other_simulator_paths_are_unknown() throws Exception {
        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(simulator.endpoint().resolve("/simulator/other"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    /**
     * What a test saw right after opening a window proves the window only if it saw it before the window could have
     * ended: with {@link #WINDOW} that holds unless this machine stalls for seconds, and then the test says so.
     */
    private static void assertEndedInsideTheWindow(long openedNanos) {
        assertThat(Duration.ofNanos(System.nanoTime() - openedNanos))
                .as("the calls ended inside the %s window, so their answers tell whether it held", WINDOW).isLessThan(WINDOW);
    }

    private HttpResponse<String> control(String method, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(simulator.faultControl());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return SdkLikeClient.JSON.readTree(response.body());
    }

    private SdkLikeClient province() {
        return TestAxis.client(simulator, PROVINCE_SYSTEM);
    }

    private SdkLikeClient ministry() {
        return TestAxis.client(simulator, MINISTRY_SYSTEM);
    }
}
