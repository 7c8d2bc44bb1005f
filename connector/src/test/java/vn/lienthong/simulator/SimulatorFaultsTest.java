package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.simulator.TestAxis.MINISTRY;
import static vn.lienthong.simulator.TestAxis.MINISTRY_SYSTEM;
import static vn.lienthong.simulator.TestAxis.PROVINCE;
import static vn.lienthong.simulator.TestAxis.PROVINCE_SYSTEM;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Injected faults: errors, outages (nothing listening) and packages accepted and then lost. */
class SimulatorFaultsTest {

    @TempDir
    Path storage;

    /**
     * Outages last long enough that the call a test makes right after one begins certainly falls inside it; a
     * one-second window could end first on a loaded machine and the call would then be answered.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(5);

    private AxisSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private SdkLikeClient province() {
        return TestAxis.client(simulator, PROVINCE_SYSTEM);
    }

    @Test
    void an_error_rate_of_one_answers_every_call_503_and_zero_restores_normal_service() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage));

        simulator.setFaults(Faults.NONE.withErrorRate(1.0));
        for (int call = 0; call < 5; call++) {
            HttpResponse<String> response = province().receivedList("edoc");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(SdkLikeClient.json(response).get("ErrorCode").asText()).isEqualTo("503");
        }
        simulator.setFaults(Faults.NONE);

        assertThat(province().receivedList("edoc").statusCode()).isEqualTo(200);
        assertThat(simulator.stats().injectedErrors()).isEqualTo(5);
    }

    @Test
    void an_outage_refuses_connections_then_the_same_port_answers_again() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage));
        int port = simulator.port();
        SdkLikeClient province = province();

        long opened = System.nanoTime();
        simulator.outageNow(OUTAGE);
        Throwable duringOutage = catchThrowable(() -> province.receivedList("edoc"));

        assertEndedInsideTheWindow(opened);
        assertThat(duringOutage).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(ConnectException.class);
        awaitNormalService();
        assertThat(Duration.ofNanos(System.nanoTime() - opened)).as("the outage lasts its whole length")
                .isGreaterThanOrEqualTo(OUTAGE);
        assertThat(simulator.port()).isEqualTo(port);
    }

    @Test
    void an_outage_window_planned_from_the_start_refuses_connections_until_it_ends() throws IOException {
        long beforeStart = System.nanoTime();
        simulator = AxisSimulator.start(TestAxis.settings(storage).withFaults(
                Faults.NONE.withOutages(List.of(new OutageWindow(Duration.ZERO, OUTAGE)))));

        Throwable duringOutage = catchThrowable(() -> province().receivedList("edoc"));

        assertEndedInsideTheWindow(beforeStart);
        assertThat(duringOutage).isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(ConnectException.class);
        awaitNormalService();
        assertThat(Duration.ofNanos(System.nanoTime() - beforeStart)).as("the outage lasts its whole length")
                .isGreaterThanOrEqualTo(OUTAGE);
    }

    /**
     * A refusal proves the window only for a call that ended before the window could have: with {@link #OUTAGE} that
     * holds unless this machine stalls for seconds, and then the test says that, not that the simulator is wrong.
     */
    private static void assertEndedInsideTheWindow(long openedNanos) {
        assertThat(Duration.ofNanos(System.nanoTime() - openedNanos))
                .as("the call ended inside the %s outage, so its answer tells whether the outage held", OUTAGE)
                .isLessThan(OUTAGE);
    }

    private void awaitNormalService() {
        await().atMost(OUTAGE.plusSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> province().receivedList("edoc").statusCode() == 200);
    }

    @Test
    void a_drop_rate_of_one_answers_ok_but_delivers_nothing() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage).withFaults(Faults.NONE.withAcceptThenDropRate(1.0)));

        HttpResponse<String> sent = TestAxis.client(simulator, MINISTRY_SYSTEM)
                .send(SimulatorEnvelopes.edoc(MINISTRY, "d-1", PROVINCE), MINISTRY, "edoc");

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(SdkLikeClient.json(sent).get("DocId").asText()).isNotBlank();
        assertThat(SdkLikeClient.json(province().receivedList("edoc")).get("data")).isEmpty();
        assertThat(simulator.stats().dropped()).isEqualTo(1);
        assertThat(simulator.stats().acceptedSends()).isZero();
    }

    @Test
    void an_added_latency_delays_every_answer() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage)
                .withFaults(Faults.NONE.withAddedLatency(Duration.ofMillis(300))));

        long started = System.nanoTime();
        HttpResponse<String> response = province().receivedList("edoc");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void the_same_seed_injects_the_same_errors() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage));
        Faults halfFailing = Faults.NONE.withErrorRate(0.5).withRandomSeed(42);

        simulator.setFaults(halfFailing);
        List<Integer> first = statusesOfTenCalls();
        simulator.setFaults(halfFailing);
        List<Integer> second = statusesOfTenCalls();

        assertThat(first).contains(200, 503).isEqualTo(second);
    }

    private List<Integer> statusesOfTenCalls() {
        return java.util.stream.IntStream.range(0, 10).mapToObj(call -> province().receivedList("edoc").statusCode())
                .toList();
    }
}
