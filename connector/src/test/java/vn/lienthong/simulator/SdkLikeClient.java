package vn.lienthong.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import vn.lienthong.axis.AxisSignature;
import vn.lienthong.axis.AxisTimestamp;
import vn.lienthong.axis.HashFile;

/**
 * Calls the simulator the way the official SDK does, quirks included: logical headers in a HashMap (so signed
 * in HashMap order), stale headers of earlier calls carried along and signed, hash-file without zero padding.
 * Built on the JDK's HttpClient and {@link AxisSignature}, independent of the connector's axis client. Only
 * {@link #sendFile} adds the SDK's CRLF after the file; {@link SdkWire} reproduces the SDK's bytes exactly.
 */
final class SdkLikeClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String systemId;
    private final String secret;
    private final Supplier<String> timestamp;

    SdkLikeClient(URI endpoint, String systemId, String secret) {
        this(endpoint, systemId, secret, () -> AxisTimestamp.now(Clock.systemUTC()));
    }

    private SdkLikeClient(URI endpoint, String systemId, String secret, Supplier<String> timestamp) {
        this.endpoint = endpoint;
        this.systemId = systemId;
        this.secret = secret;
        this.timestamp = timestamp;
    }

    /** The same system signing with another key (a wrong secret). */
    SdkLikeClient signingWith(String otherSecret) {
        return new SdkLikeClient(endpoint, systemId, otherSecret, timestamp);
    }

    /** The same system with its clock at {@code fixed}. */
    SdkLikeClient stampedAt(String fixed) {
        return new SdkLikeClient(endpoint, systemId, secret, () -> fixed);
    }

    HttpResponse<String> send(byte[] envelope, String from, String messageType) {
        return send(envelope, from, messageType, null, HashFile.sdkForm(sha256(envelope)));
    }

    HttpResponse<String> send(byte[] envelope, String from, String messageType, String toHeader, String hashFile) {
        Map<String, String> headers = new HashMap<>();
        headers.put("servicetype", "eDoc");
        headers.put("messagetype", messageType);
        headers.put("hash-file", hashFile);
        headers.put("from", from);
        if (toHeader != null) {
            headers.put("to", toHeader);
        }
        // Left in the SDK's header map by earlier calls, and signed with everything else.
        headers.put("filePath", "C:\\edoc\\received");
        headers.put("docId", "stale-doc-id-of-an-earlier-getEdoc");
        return call("POST", "/sendEdoc", headers, "application/octet-stream",
                HttpRequest.BodyPublishers.ofByteArray(envelope), HttpResponse.BodyHandlers.ofString());
    }

    /** Streams the file followed by CRLF, as the SDK sends it; {@code hashFile} should cover the file alone. */
    HttpResponse<String> sendFile(Path envelope, String from, String hashFile) throws IOException {
        Map<String, String> headers = new HashMap<>();
        headers.put("servicetype", "eDoc");
        headers.put("messagetype", "edoc");
        headers.put("hash-file", hashFile);
        headers.put("from", from);
        return call("POST", "/sendEdoc", headers, "application/octet-stream",
                HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofFile(envelope),
                        HttpRequest.BodyPublishers.ofByteArray(new byte[] {'\r', '\n'})),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> receivedList(String messageType) {
        return post("/getReceivedEdocList", Map.of("servicetype", "eDoc", "messagetype", messageType));
    }

    HttpResponse<String> getEdoc(String docId) {
        return post("/getEdoc", Map.of("docId", docId, "filePath", "C:\\edoc\\received"));
    }

    HttpResponse<InputStream> getEdocStreamed(String docId) {
        return call("POST", "/getEdoc", new HashMap<>(Map.of("docId", docId)), JSON_TYPE,
                HttpRequest.BodyPublishers.ofString("{}"), HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpResponse<String> updateStatus(String docId, String status) {
        return post("/updateStatus", Map.of("docId", docId, "status", status));
    }

    HttpResponse<String> sentList(String messageType) {
        return post("/getSentEdocList", Map.of("servicetype", "eDoc", "messagetype", messageType));
    }

    HttpResponse<String> countReceivedEdocs() {
        return call("GET", "/countReceiveEdoc", new HashMap<>(), JSON_TYPE, HttpRequest.BodyPublishers.noBody(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> callHeaders) {
        return post(path, callHeaders, "{}");
    }

    HttpResponse<String> post(String path, Map<String, String> callHeaders, String body) {
        return call("POST", path, new HashMap<>(callHeaders), JSON_TYPE, HttpRequest.BodyPublishers.ofString(body),
                HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> call(String method, String path, Map<String, String> callHeaders, String contentType,
                             HttpRequest.BodyPublisher body, HttpResponse.BodyHandler<T> handler) {
        Map<String, String> logical = new HashMap<>(callHeaders);
        logical.put("systemid", systemId);
        logical.put("timestamp", timestamp.get());
        logical.put("Content-Type", contentType);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body)
                .header("User-Agent", AxisSignature.USER_AGENT);
        if (!logical.containsKey("hash-file")) {
            // Unsigned and irrelevant to this call: a server ignores it.
            request.header("XroadVnpt-hash-file", "cc7bdd662415e725c750bf6ce64");
        }
        AxisSignature.sign(logical, secret).forEach(request::header);
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the simulator", e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
