package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.simulator.TestAxis.MINISTRY;
import static vn.lienthong.simulator.TestAxis.MINISTRY_SYSTEM;
import static vn.lienthong.simulator.TestAxis.PROVINCE;
import static vn.lienthong.simulator.TestAxis.PROVINCE_SYSTEM;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.AxisTimestamp;

/** Every call is signed with the system's secret and freshly stamped; anything else is 401 with a plain reason. */
class SimulatorAuthenticationTest {

    @TempDir
    Path storage;

    private AxisSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage).withTimestampTolerance(Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode answer = SdkLikeClient.json(response);
        assertThat(answer.get("status").asText()).isEqualTo("FAIL");
        assertThat(answer.get("ErrorCode").asText()).isEqualTo("401");
        assertThat(answer.get("ErrorDesc").asText()).contains(reason);
    }

    @Test
    void a_wrong_hmac_is_refused_with_401() {
        SdkLikeClient impostor = TestAxis.client(simulator, MINISTRY_SYSTEM)
                .signingWith(TestAxis.SECRETS.get(PROVINCE_SYSTEM));

        HttpResponse<String> response = impostor.send(SimulatorEnvelopes.edoc(MINISTRY, "d-1", PROVINCE), MINISTRY, "edoc");

        assertRefused(response, "HMAC");
        assertThat(response.body()).doesNotContain(TestAxis.SECRETS.get(PROVINCE_SYSTEM))
                .doesNotContain(TestAxis.SECRETS.get(MINISTRY_SYSTEM));
        assertThat(simulator.stats().authenticationFailures()).isEqualTo(1);
        assertThat(SdkLikeClient.json(TestAxis.client(simulator, PROVINCE_SYSTEM).receivedList("edoc")).get("data")).isEmpty();
    }

    @Test
    void a_stale_timestamp_is_refused_with_401() {
        String aMinuteAgo = AxisTimestamp.format(LocalDateTime.now(Clock.system(AxisTimestamp.VIETNAM)).minusMinutes(1));

        HttpResponse<String> response = TestAxis.client(simulator, PROVINCE_SYSTEM).stampedAt(aMinuteAgo).receivedList("edoc");

        assertRefused(response, "timestamp");
    }

    @Test
    void an_unknown_system_is_refused_with_401() {
        SdkLikeClient stranger = new SdkLikeClient(simulator.endpoint(), "vxp.unknown", "whatever");

        assertRefused(stranger.receivedList("edoc"), "unknown system");
    }

    @Test
    void a_timestamp_in_utc_instead_of_vietnam_time_is_refused() {
        String utcNow = AxisTimestamp.format(LocalDateTime.now(Clock.systemUTC()));

        assertRefused(TestAxis.client(simulator, PROVINCE_SYSTEM).stampedAt(utcNow).receivedList("edoc"), "timestamp");
    }

    @Test
    void both_docId_and_docid_from_different_calls_are_tolerated() {
        SdkLikeClient ministry = TestAxis.client(simulator, MINISTRY_SYSTEM);
        String docId = SdkLikeClient.json(ministry.send(SimulatorEnvelopes.edoc(MINISTRY, "d-2", PROVINCE), MINISTRY,
                "edoc")).get("DocId").asText();
        Map<String, String> headers = new HashMap<>();
        headers.put("docid", "stale-doc-id-of-an-earlier-call");
        headers.put("docId", docId);

        HttpResponse<String> fetched = TestAxis.client(simulator, PROVINCE_SYSTEM).call("POST", "/getEdoc", headers,
                "application/json", HttpRequest.BodyPublishers.ofString("{}"), HttpResponse.BodyHandlers.ofString());

        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
    }
}
