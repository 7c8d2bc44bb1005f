package vn.lienthong.dms.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.ExposedConnector;

/**
 * MTOM parts cannot fill the disk: a caller without a valid key gets its fault before any part is spooled, the
 * parts of a request that is refused or that no operation reads leave no file behind, a request gets at most
 * lienthong.soap.max-attachments parts and lienthong.soap.max-request-bytes bytes, and what a crash left is swept at
 * start. Raw HTTP against the real listener, with small limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoapAttachmentQuotaTest {

    private static final int PART = 512 * 1024;
    private static final String BOUNDARY = "lienthong-mtom-boundary";

    private ExposedConnector connector;
    private Path attachments;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        Properties limits = new Properties();
        limits.setProperty("lienthong.limits.max-envelope-bytes", Integer.toString(1024 * 1024));
        limits.setProperty("lienthong.soap.max-request-bytes", Integer.toString(3 * PART));
        limits.setProperty("lienthong.soap.max-attachments", "2");
        attachments = Files.createDirectories(root.resolve("network/vpcp.test/soap-attachments"));
        Files.write(attachments.resolve("cos123456789tmp"), new byte[PART]); // left by a crash
        Files.write(Files.createDirectories(attachments.resolve("request-left-over")).resolve("cos987654321tmp"), new byte[PART]);
        connector = new ExposedConnector(root, limits);
    }

    @AfterAll
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    private long filesLeft() throws IOException {
        try (Stream<Path> files = Files.walk(attachments)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    /** The parts are deleted once the request is answered: at the latest just after the client has its answer. */
    private void noFileIsLeft() {
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(filesLeft()).isZero());
    }

    /** {@code operation}'s body elements in an envelope with the ApiKey header, the root part of an MTOM request. */
    private static String envelope(String apiKey, String operation, String content) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:dms="urn:lienthong:dms:v1">\
                <soapenv:Header><dms:ApiKey>%s</dms:ApiKey></soapenv:Header>\
                <soapenv:Body><dms:%s>%s</dms:%s></soapenv:Body></soapenv:Envelope>"""
                .formatted(apiKey, operation, content, operation);
    }

    private static String sendDocument(String apiKey) {
        return envelope(apiKey, "sendDocument", "<dms:envelope><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\""
                + " href=\"cid:part0@lienthong.test\"/></dms:envelope><dms:name>cv.edxml</dms:name>");
    }

    /** Posts a multipart/related MTOM request: the root part, then {@code parts} binary parts of {@code size} bytes. */
    private String post(String operation, String root, int parts, int size) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + BOUNDARY + "\r\nContent-Type: application/xop+xml; charset=UTF-8; type=\"text/xml\"\r\n"
                + "Content-Transfer-Encoding: binary\r\nContent-ID: <root@lienthong.test>\r\n\r\n" + root + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) 'A');
        for (int i = 0; i < parts; i++) {
            body.write(("--" + BOUNDARY + "\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\n"
                    + "Content-ID: <part" + i + "@lienthong.test>\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] head = ("POST /soap/dms HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: multipart/related; type=\"application/xop+xml\"; start=\"<root@lienthong.test>\"; "
                + "start-info=\"text/xml\"; boundary=\"" + BOUNDARY + "\"\r\n"
                + "SOAPAction: \"urn:lienthong:dms:v1:" + operation + "\"\r\nContent-Length: " + body.size() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), connector.soapPort)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head);
                    out.write(body.toByteArray());
                    out.flush();
                } catch (IOException refusedEarly) {
                    // the server answered and closed before taking the whole body: that is allowed
                }
            });
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            sending.join();
            return answer;
        }
    }

    @Test
    void parts_sent_with_a_wrong_key_are_refused_before_any_reaches_the_disk() throws Exception {
        String answer = post("sendDocument", sendDocument("lt_bad"), 10, PART);

        assertThat(answer).contains("UNAUTHENTICATED").doesNotContain("Exception");
        noFileIsLeft();
    }

    @Test
    void parts_of_a_schema_invalid_request_leave_no_file() throws Exception {
        String answer = post("sendDocument", envelope(connector.key, "sendDocument",
                "<dms:notInTheSchema><xop:Include xmlns:xop=\"http://www.w3.org/2004/08/xop/include\" href=\"cid:part0@lienthong.test\"/>"
                        + "</dms:notInTheSchema>"), 2, PART);

        assertThat(answer).contains("INVALID_REQUEST");
        noFileIsLeft();
    }

    @Test
    void parts_that_no_operation_reads_leave_no_file() throws Exception {
        String answer = post("fetchInbox", envelope(connector.key, "fetchInbox", ""), 2, PART);

        assertThat(answer).startsWith("HTTP/1.1 200");
        noFileIsLeft();
    }

    @Test
    void more_parts_than_allowed_are_refused_and_leave_no_file() throws Exception {
        String answer = post("sendDocument", sendDocument(connector.key), 5, 1024);

        assertThat(answer).contains("INVALID_REQUEST").doesNotContain("Exception");
        noFileIsLeft();
    }

    @Test
    void a_request_larger_than_allowed_is_refused_and_leaves_no_file() throws Exception {
        String answer = post("sendDocument", sendDocument(connector.key), 2, 2 * PART); // 2 MiB over a 1.5 MiB cap

        assertThat(answer).contains("INVALID_REQUEST").doesNotContain("Exception");
        noFileIsLeft();
    }

    @Test
    void what_a_crash_left_in_the_attachment_directory_is_swept_at_start() throws Exception {
        try (Stream<Path> left = Files.walk(attachments)) {
            assertThat(left.filter(path -> !path.equals(attachments)).map(path -> path.getFileName().toString()).toList())
                    .doesNotContain("cos123456789tmp", "request-left-over", "cos987654321tmp");
        }
        assertThat(List.of(attachments.toFile().list())).isNotNull();
    }
}
