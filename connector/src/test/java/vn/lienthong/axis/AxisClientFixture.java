package vn.lienthong.axis;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock axis on a loopback port, one per test class, and a fresh client per test. */
abstract class AxisClientFixture {

    static final String SYSTEM_ID = "vxp.saas.03";
    static final String SECRET = "s3cret";
    /** 10:29:07.120 in Vietnam on 22 November 2026, which the SDK writes {@link #TIMESTAMP}. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T03:29:07.120Z"), ZoneOffset.UTC);
    static final String TIMESTAMP = "22112026T102907+0120";

    static WireMockServer axis;
    AxisClient client;

    @BeforeAll
    static void startAxis() {
        axis = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        axis.start();
    }

    @AfterAll
    static void stopAxis() {
        axis.stop();
    }

    @BeforeEach
    void connectClient() {
        axis.resetAll();
        client = new AxisClient(settings(axisEndpoint(), Duration.ofSeconds(5)), CLOCK);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    static URI axisEndpoint() {
        return URI.create("http://127.0.0.1:" + axis.port());
    }

    static AxisSettings settings(URI endpoint, Duration requestTimeout) {
        return new AxisSettings(endpoint, SYSTEM_ID, SECRET, Duration.ofSeconds(2), requestTimeout, null, true);
    }

    /** An OK answer as the simulator writes it, with the call's own members appended. */
    static String ok(String ownMembers) {
        return "{\"status\":\"OK\",\"ErrorCode\":\"0\",\"ErrorDesc\":\"\"" + (ownMembers.isEmpty() ? "" : "," + ownMembers) + "}";
    }

    static String fail(String errorCode, String errorDesc) {
        return "{\"status\":\"FAIL\",\"ErrorCode\":\"" + errorCode + "\",\"ErrorDesc\":\"" + errorDesc + "\"}";
    }

    /** The AxisException the call throws; fails the test when it throws none. */
    static AxisException failureOf(ThrowingCallable call) {
        AxisException failure = catchThrowableOfType(AxisException.class, call);
        assertThat(failure).as("the AxisException thrown").isNotNull();
        return failure;
    }

    static LoggedRequest theOnlyRequest() {
        List<LoggedRequest> requests = axis.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    /** Asserts the request is signed with our secret over exactly these logical headers, in this order. */
    static void assertSignedOver(LoggedRequest request, String signHeaderKey) {
        assertThat(request.getHeader("XroadVnpt-sign-header-key")).isEqualTo(signHeaderKey);
        assertThat(request.getHeader("XroadVnpt-systemid")).isEqualTo(SYSTEM_ID);
        assertThat(request.getHeader("XroadVnpt-timestamp")).isEqualTo(TIMESTAMP);
        assertThat(request.getHeader("User-Agent")).isEqualTo("JAVASDKAgent/1.0.0 XRoad/VPCP");
        assertThat(AxisSignature.verify(request::getHeader, systemId -> Optional.of(SECRET)))
                .isInstanceOf(AxisSignature.Verdict.Valid.class);
    }
}
