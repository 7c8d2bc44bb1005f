package vn.lienthong.dms.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Run in a JVM whose heap is smaller than the bodies: two connectors, then an edXML body and a multipart file of
 * {@code args[1]} bytes each, generated on the fly (neither side holds them). Prints each answer's status and
 * first error code; a body held in memory anywhere would end the JVM with OutOfMemoryError instead.
 */
public final class LargeBodyProbe {

    /**
     * The JDK client's request timeout runs while the body is still being sent, and 160 MB through two connectors
     * on a busy 2-core machine can take longer than the usual 30 s. Two uploads within this stay inside the test's
     * own bound on the whole child (RestLargeBodyTest: 5 minutes), which is what says the probe hangs.
     */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(2);

    private LargeBodyProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        try (RestNetwork network = new RestNetwork(root)) {
            ApiClient client = network.office();
            HttpResponse<String> envelope = client.send(client.request("/documents").timeout(UPLOAD_TIMEOUT)
                    .header("Content-Type", "application/xml")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new HostileBodies.Repeated('a', size))));
            System.out.println("envelope " + envelope.statusCode() + " " + firstCode(envelope));
            String boundary = "probe-" + UUID.randomUUID();
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                    + "{\"from\": {\"organId\": \"000.00.00.G22\"}, \"to\": [], \"subject\": \"Tệp lớn\"}\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.bin\"\r\n\r\n";
            HttpResponse<String> multipart = client.send(client.request("/documents").timeout(UPLOAD_TIMEOUT)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(text(head),
                            HttpRequest.BodyPublishers.ofInputStream(() -> new HostileBodies.Repeated('a', size)),
                            text("\r\n--" + boundary + "--\r\n"))));
            System.out.println("multipart " + multipart.statusCode() + " " + firstCode(multipart));
        }
        System.exit(0); // the embedded brokers' in-VM threads would keep the JVM alive for another minute
    }

    private static HttpRequest.BodyPublisher text(String text) {
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    private static String firstCode(HttpResponse<String> response) throws Exception {
        JsonNode errors = ApiClient.json(response).path("errors");
        return errors.isEmpty() ? "-" : errors.get(0).path("code").asText();
    }
}
