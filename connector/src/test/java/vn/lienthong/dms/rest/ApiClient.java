package vn.lienthong.dms.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/** A DMS calling one connector's REST API with one key (null: no key), the way a vendor would with java.net.http. */
record ApiClient(HttpClient http, URI base, String apiKey) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ApiClient of(int port, String apiKey) {
        return new ApiClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                URI.create("http://127.0.0.1:" + port + "/api/v1"), apiKey);
    }

    /** Over TLS with {@code tls} (which may present a client certificate); {@code apiKey} may be null. */
    static ApiClient overTls(int port, SSLContext tls, String apiKey) {
        return new ApiClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(tls).build(),
                URI.create("https://127.0.0.1:" + port + "/api/v1"), apiKey);
    }

    ApiClient withKey(String otherKey) {
        return new ApiClient(http, base, otherKey);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> postEnvelope(Path envelope) throws IOException, InterruptedException {
        return send(request("/documents").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofFile(envelope)));
    }

    /** {@code metadata} as a JSON part, then one part per file, each under its file name. */
    HttpResponse<String> postMultipart(String metadata, Map<String, Path> files) throws IOException, InterruptedException {
        String boundary = "lienthong-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"; filename=\"metadata.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n"));
        for (Map.Entry<String, Path> file : files.entrySet()) {
            parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
            parts.add(HttpRequest.BodyPublishers.ofFile(file.getValue()));
            parts.add(text("\r\n"));
        }
        parts.add(text("--" + boundary + "--\r\n"));
        return send(request("/documents").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new))));
    }

    HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return apiKey == null ? builder : builder.header("X-Api-Key", apiKey);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** The codes of an error answer, in order. */
    static List<String> errorCodes(HttpResponse<String> response) throws IOException {
        List<String> codes = new ArrayList<>();
        json(response).path("errors").forEach(error -> codes.add(error.path("code").asText()));
        return codes;
    }

    private static HttpRequest.BodyPublisher text(String text) {
        return HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }
}
