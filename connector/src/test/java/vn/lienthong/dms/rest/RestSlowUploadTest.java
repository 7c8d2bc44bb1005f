package vn.lienthong.dms.rest;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.ExposedConnector;

/**
 * Uploads that trickle in cannot lock the REST API: a client gets at most a few requests in progress (the rest are
 * answered 429 with Retry-After), and a body slower than the minimum rate is cut off with 408. Raw sockets against
 * the real listener, with small limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestSlowUploadTest {

    private static final int PER_CLIENT = 2;
    private static final Duration RATE_WINDOW = Duration.ofMillis(2000);

    private ExposedConnector connector;
    private final List<Socket> uploads = new ArrayList<>();

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        Properties limits = new Properties();
        limits.setProperty("lienthong.api.max-requests-per-client", Integer.toString(PER_CLIENT));
        limits.setProperty("lienthong.api.upload-rate-window-ms", Long.toString(RATE_WINDOW.toMillis()));
        limits.setProperty("lienthong.api.min-upload-bytes-per-second", "100");
        connector = new ExposedConnector(root, limits);
    }

    @AfterEach
    void closeUploads() throws IOException {
        for (Socket upload : uploads) {
            upload.close();
        }
        uploads.clear();
        // The server notices the closed uploads and gives their slots back: the next test starts from none in use.
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox(connector.key).statusCode() == 200);
    }

    @AfterAll
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    /** An authenticated POST /documents whose body has begun and then waits: one byte of the 100,000 announced. */
    private Socket startedUpload(String key) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), connector.apiPort);
        socket.setSoTimeout(200);
        socket.getOutputStream().write(("POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + key
                + "\r\nContent-Type: application/xml\r\nContent-Length: 100000\r\n\r\n<").getBytes(StandardCharsets.US_ASCII));
        uploads.add(socket);
        return socket;
    }

    private HttpResponse<String> inbox(String key) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(connector.api("/inbox")).header("X-Api-Key", key)
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the server has answered on {@code socket} so far (empty while it answers nothing). */
    private static String answered(Socket socket) {
        StringBuilder answer = new StringBuilder();
        try {
            InputStream in = socket.getInputStream();
            for (int b = in.read(); b != -1; b = in.read()) {
                answer.append((char) b);
            }
        } catch (SocketTimeoutException | java.net.SocketException nothingMore) {
            // what came so far
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return answer.toString();
    }

    @Test
    void trickling_uploads_of_one_client_do_not_lock_out_another_client() throws Exception {
        for (int i = 0; i < 24; i++) { // more than Vert.x's 20 worker threads
            startedUpload(connector.key);
        }

        HttpResponse<String> other = inbox(connector.otherKey);

        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void a_client_over_its_limit_of_requests_in_progress_gets_429_with_retry_after() throws Exception {
        for (int i = 0; i < PER_CLIENT; i++) {
            startedUpload(connector.key);
        }

        // As soon as the server has taken both uploads in hand, a further request of the same client is refused.
        HttpResponse<?>[] last = new HttpResponse<?>[1];
        await().atMost(Duration.ofSeconds(5)).until(() -> (last[0] = inbox(connector.key)).statusCode() == 429);
        @SuppressWarnings("unchecked")
        HttpResponse<String> refused = (HttpResponse<String>) last[0];

        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(seconds).matches("[1-9][0-9]*"));
        assertThat(ApiClient.errorCodes(refused)).containsExactly("TOO_MANY_REQUESTS");
        assertThat(ApiClient.json(refused).path("errors").get(0).path("vi").asText()).contains("yêu cầu");
        assertThat(inbox(connector.otherKey).statusCode()).isEqualTo(200);
    }

    @Test
    void an_upload_slower_than_the_minimum_rate_is_cut_off_with_408_and_the_connection_closed() throws Exception {
        Socket slow = startedUpload(connector.key);
        OutputStream out = slow.getOutputStream();
        StringBuilder answer = new StringBuilder();

        // One byte every 300 ms: always some progress, far below 100 bytes per second.
        await().atMost(RATE_WINDOW.multipliedBy(2).plusMillis(2000)).pollInterval(Duration.ofMillis(300)).until(() -> {
            try {
                out.write('<');
            } catch (IOException closed) {
                // the server has given up on the body
            }
            answer.append(answered(slow));
            return answer.indexOf("\r\n\r\n") > 0;
        });

        assertThat(answer.toString()).startsWith("HTTP/1.1 408");
        assertThat(answer.toString()).contains("UPLOAD_TOO_SLOW").doesNotContain("Exception");
    }
}
