package vn.lienthong.audit.stamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Time stamps asked of a TSA over HTTP: granted by the loopback TSA, and every way of not getting one. */
class TsaClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] HEAD = "lienthong-log-head v1\nsize 3\n".getBytes(StandardCharsets.UTF_8);

    private static LoopbackTsa tsa;

    @BeforeAll
    static void start() throws IOException {
        tsa = LoopbackTsa.start(0);
    }

    @AfterAll
    static void stop() {
        tsa.close();
    }

    @Test
    void the_loopback_tsa_stamps_sha256_of_the_data_now() throws Exception {
        Instant before = Instant.now().minusSeconds(1);

        byte[] token = new TsaClient(tsa.url(), TIMEOUT).timestamp(HEAD);

        TimestampCheck.Verified verified = TimestampCheck.verify(token, HEAD, tsa.certificate());
        assertThat(verified.pinned()).isTrue();
        assertThat(verified.tsaSubject()).contains("LienThong Loopback TSA");
        assertThat(verified.time()).isBetween(before, Instant.now().plusSeconds(1));
    }

    @Test
    void each_time_stamp_has_its_own_serial() throws Exception {
        TsaClient client = new TsaClient(tsa.url(), TIMEOUT);

        String first = TimestampCheck.verify(client.timestamp(HEAD), HEAD, null).serial();
        String second = TimestampCheck.verify(client.timestamp(HEAD), HEAD, null).serial();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_stopped_tsa_is_unreachable_at_once() throws Exception {
        LoopbackTsa stopped = LoopbackTsa.start(0, tsa.authority());
        URI url = stopped.url();
        stopped.close();
        long started = System.nanoTime();

        StampException failure = catchThrowableOfType(() -> new TsaClient(url, TIMEOUT).timestamp(HEAD),
                StampException.class);

        assertThat(failure.code()).isEqualTo("TSA_UNREACHABLE");
        assertThat(failure.vietnamese()).startsWith("Không kết nối được máy chủ cấp dấu thời gian");
        assertThat(failure.english()).contains(url.toString());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    }

    @Test
    void a_tsa_answering_503_is_refused_at_once_and_stamps_again_when_back() throws Exception {
        try (LoopbackTsa failing = LoopbackTsa.start(0, tsa.authority())) {
            failing.setAvailable(false);
            long started = System.nanoTime();

            StampException failure = catchThrowableOfType(() -> new TsaClient(failing.url(), TIMEOUT).timestamp(HEAD),
                    StampException.class);

            assertThat(failure.code()).isEqualTo("TSA_REFUSED");
            assertThat(failure.english()).contains("HTTP 503");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
            failing.setAvailable(true);
            assertThat(new TsaClient(failing.url(), TIMEOUT).timestamp(HEAD)).isNotEmpty();
        }
    }

    @Test
    void a_tsa_that_never_answers_times_out_within_the_timeout() throws Exception {
        // Never accepted: the kernel completes the connection into the backlog, and nobody ever answers.
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/tsa");
            Duration timeout = Duration.ofMillis(500);
            long started = System.nanoTime();

            StampException failure = catchThrowableOfType(() -> new TsaClient(url, timeout).timestamp(HEAD),
                    StampException.class);

            assertThat(failure.code()).isEqualTo("TSA_TIMEOUT");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
        }
    }

    @Test
    void an_answer_larger_than_the_bound_is_refused_without_reading_it_all() throws Exception {
        HttpServer hostile = answering(new byte[TsaClient.MAX_ANSWER * 16], "application/timestamp-reply");
        try {
            StampException failure = catchThrowableOfType(() -> new TsaClient(url(hostile), TIMEOUT).timestamp(HEAD),
                    StampException.class);

            assertThat(failure.code()).isEqualTo("TSA_ANSWER_MALFORMED");
            assertThat(failure.english()).contains("longer than " + TsaClient.MAX_ANSWER + " bytes");
        } finally {
            hostile.stop(0);
        }
    }

    @Test
    void an_answer_that_is_not_a_time_stamp_response_is_malformed() throws Exception {
        HttpServer confused = answering("<html>Welcome</html>".getBytes(StandardCharsets.UTF_8), "text/html");
        try {
            StampException failure = catchThrowableOfType(() -> new TsaClient(url(confused), TIMEOUT).timestamp(HEAD),
                    StampException.class);

            assertThat(failure.code()).isEqualTo("TSA_ANSWER_MALFORMED");
            assertThat(failure.english()).contains("text/html");
        } finally {
            confused.stop(0);
        }
    }

    @Test
    void a_granted_answer_to_another_request_is_a_mismatch() throws Exception {
        // A replayed answer: well formed and granted, but for another nonce and another imprint.
        byte[] otherAnswer = tsa.authority().respond(LoopbackTsaTest.request("other data".getBytes(StandardCharsets.UTF_8)));
        HttpServer replaying = answering(otherAnswer, TsaEndpoint.REPLY_TYPE);
        try {
            StampException failure = catchThrowableOfType(() -> new TsaClient(url(replaying), TIMEOUT).timestamp(HEAD),
                    StampException.class);

            assertThat(failure.code()).isEqualTo("TSA_ANSWER_MISMATCH");
        } finally {
            replaying.stop(0);
        }
    }

    private static HttpServer answering(byte[] body, String type) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        server.createContext("/tsa", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException clientLeft) {
                // The client stops reading an answer over its bound.
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    private static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }
}
