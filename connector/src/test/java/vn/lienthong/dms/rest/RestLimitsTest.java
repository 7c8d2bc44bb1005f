package vn.lienthong.dms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Bodies are bounded by lienthong.limits.max-envelope-bytes while they stream in, and nothing is left behind. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestLimitsTest {

    private static final int LIMIT = 64 * 1024;

    private Path root;
    private RestNetwork network;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        this.root = root;
        Properties small = new Properties();
        small.setProperty("lienthong.limits.max-envelope-bytes", Integer.toString(LIMIT));
        network = new RestNetwork(root, small);
    }

    @AfterAll
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    private Path bytes(String name, int size) throws Exception {
        return Files.write(root.resolve(name), "<".repeat(size).getBytes(StandardCharsets.US_ASCII));
    }

    private long leftoverUploads() throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("vpcp.test/api-uploads"))) {
            return files.count();
        }
    }

    @Test
    void an_envelope_over_the_limit_is_refused_with_413_and_the_limit() throws Exception {
        HttpResponse<String> refused = network.office().postEnvelope(bytes("big.edxml", 4 * LIMIT));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("LIMIT_ENVELOPE_SIZE");
        assertThat(ApiClient.json(refused).path("errors").get(0).path("en").asText()).contains(Integer.toString(LIMIT));
        assertThat(leftoverUploads()).isZero();
    }

    @Test
    void files_over_the_limit_together_are_refused_with_413() throws Exception {
        HttpResponse<String> refused = network.office().postMultipart("""
                {"from": {"organId": "000.00.00.G22"}, "to": [{"organId": "000.00.00.H26"}], "subject": "Hai tệp lớn"}""",
                Map.of("a.pdf", bytes("a.pdf", LIMIT / 2 + 1), "b.pdf", bytes("b.pdf", LIMIT / 2 + 1)));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("LIMIT_ENVELOPE_SIZE");
        assertThat(leftoverUploads()).isZero();
    }

    @Test
    void the_connection_still_serves_the_next_request_after_a_refusal() throws Exception {
        ApiClient client = network.office();
        client.postEnvelope(bytes("big2.edxml", 4 * LIMIT));

        assertThat(client.get("/inbox").statusCode()).isEqualTo(200);
    }

    @Test
    void a_declared_content_length_over_the_limit_gets_413_at_once_and_the_connection_closed() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), network.office().base().getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + network.officeKey
                    + "\r\nContent-Type: application/xml\r\nContent-Length: " + (100L * LIMIT) + "\r\n\r\n<edXMLEnvelope>")
                    .getBytes(StandardCharsets.US_ASCII));

            // Nothing more is sent: the answer must not wait for a body it will refuse anyway.
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("LIMIT_ENVELOPE_SIZE");
        }
    }
}
