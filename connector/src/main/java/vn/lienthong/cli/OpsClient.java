package vn.lienthong.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import vn.lienthong.http.ManagementTls;
import vn.lienthong.ops.http.OpsToken;

/**
 * Talks to the running connector's operations API (on lienthong.http.host:port, beside /health) with the token the
 * connector left in its data directory. The connector owns its database while it runs, so operator commands act
 * through it rather than beside it.
 */
final class OpsClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Why the running connector could not be asked, said in both languages. */
    static final class Unreachable extends Exception {
        Unreachable(String message) {
            super(message);
        }
    }

    /** An answer of the API: its HTTP status and JSON body. */
    record Reply(int status, JsonNode body) {
    }

    private final URI base;
    /** The Authorization header's value: the token as Bearer, or an auditor's name and password as Basic. */
    private final String authorization;
    private final HttpClient http;

    private OpsClient(URI base, OpsToken token, ManagementTls tls) {
        this(base, "Bearer " + token.bearer(), tls);
    }

    private OpsClient(URI base, String authorization, ManagementTls tls) {
        this.base = base;
        this.authorization = authorization;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls.pinnedClientContext());
        }
        this.http = builder.build();
    }

    static OpsClient from(Properties properties) throws Unreachable {
        if (!Boolean.parseBoolean(properties.getProperty("lienthong.http.enabled", "true").strip())) {
            throw new Unreachable("Máy chủ quản lý của bộ kết nối đang tắt (lienthong.http.enabled=false) nên không thể vận hành"
                    + " từ dòng lệnh / The connector's management server is off (lienthong.http.enabled=false), so it cannot"
                    + " be operated from the command line");
        }
        String host = properties.getProperty("lienthong.http.host", "127.0.0.1").strip();
        String port = properties.getProperty("lienthong.http.port", "8770").strip();
        String configured = properties.getProperty("lienthong.ops.token-file", "").strip();
        Path tokenFile = configured.isEmpty()
                ? Path.of(properties.getProperty("lienthong.data.directory", "data").strip()).resolve("ops-token")
                : Path.of(configured);
        if (!Files.isReadable(tokenFile)) {
            throw new Unreachable("Không đọc được mã vận hành " + tokenFile.toAbsolutePath() + ": hãy chạy lệnh với cùng"
                    + " --config và cùng người dùng như bộ kết nối (tệp được tạo khi bộ kết nối khởi động lần đầu) / Cannot"
                    + " read the operations token " + tokenFile.toAbsolutePath() + ": run the command with the same --config"
                    + " and as the same user as the connector (the file is made at its first start)");
        }
        try {
            String shownHost = host.contains(":") ? "[" + host + "]" : host;
            // The management port's TLS, when it has one: the same key store, its certificate pinned.
            ManagementTls tls = ManagementTls.fromProperties(properties, System.getenv());
            return new OpsClient(URI.create((tls == null ? "http://" : "https://") + shownHost + ":" + port + "/ops/v1/"),
                    OpsToken.read(tokenFile), tls);
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreachable("Cấu hình không dùng được / Unusable configuration: " + e.getMessage());
        }
    }

    /**
     * A user of the users file signing in with HTTP Basic (the audit routes accept it) at {@code url}, the management
     * port's address such as {@code https://connector.example:8770}; https uses the JVM's trusted certificates.
     */
    static OpsClient basic(URI url, String user, char[] password) {
        String pair = user + ":" + new String(password);
        String base = url.toString().endsWith("/") ? url.toString() : url + "/";
        return new OpsClient(URI.create(base).resolve("ops/v1/"), "Basic " + java.util.Base64.getEncoder()
                .encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null);
    }

    /**
     * A streamed GET whose body is copied to {@code out} as it arrives (UTF-8 text); nothing is kept. The reply holds
     * the status, and the error body when it is not 200.
     */
    Reply download(String path, java.io.Writer out) throws Unreachable {
        return stream(path, body -> {
            new java.io.InputStreamReader(body, java.nio.charset.StandardCharsets.UTF_8).transferTo(out);
            out.flush();
        });
    }

    Reply get(String path) throws Unreachable {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    Reply post(String path, Map<String, String> body) throws Unreachable {
        try {
            return send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** Takes each line of a streamed answer as it arrives. */
    @FunctionalInterface
    interface LineReader {
        void read(JsonNode line) throws IOException;
    }

    /**
     * A streamed GET answered in JSON lines: each line goes to {@code reader} as it arrives, none is kept. The reply
     * holds the status, and the error body when it is not 200.
     */
    Reply lines(String path, LineReader reader) throws Unreachable {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).GET()
                .header("Authorization", authorization).build();
        try {
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            try (java.util.stream.Stream<String> lines = response.body()) {
                if (response.statusCode() != 200) {
                    return new Reply(response.statusCode(), JSON.readTree(String.join("\n", lines.toList())));
                }
                java.util.Iterator<String> each = lines.iterator();
                while (each.hasNext()) {
                    String line = each.next();
                    if (!line.isBlank()) {
                        reader.read(JSON.readTree(line));
                    }
                }
                return new Reply(200, JSON.createObjectNode());
            }
        } catch (ConnectException e) {
            throw notRunning();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new Unreachable("Không hỏi được bộ kết nối ở " + base + " / Could not ask the connector at " + base + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("Bị ngắt / Interrupted");
        }
    }

    private Unreachable notRunning() {
        return new Unreachable("Bộ kết nối không chạy hoặc không nghe ở " + base + ": hãy khởi động bằng lệnh run rồi thử"
                + " lại / The connector is not running or not listening at " + base + ": start it with run, then retry");
    }

    private Reply send(HttpRequest.Builder request) throws Unreachable {
        HttpRequest built = request.header("Authorization", authorization)
                .timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), JSON.readTree(response.body()));
        } catch (ConnectException e) {
            throw notRunning();
        } catch (IOException e) {
            throw new Unreachable("Không hỏi được bộ kết nối ở " + base + " / Could not ask the connector at " + base + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("Bị ngắt / Interrupted");
        }
    }

    /**
     * A GET whose 200 answer is a file (an evidence bundle): its bytes go to {@code out} as they arrive, none is kept.
     * Any other status returns its JSON error body, and nothing is written.
     */
    Reply downloadFile(String path, java.io.OutputStream out) throws Unreachable {
        return stream(path, body -> body.transferTo(out));
    }

    @FunctionalInterface
    private interface BodyCopy {
        void copy(java.io.InputStream body) throws IOException;
    }

    /** A GET whose 200 body goes to {@code copy} as it arrives; any other status returns its JSON error body. */
    private Reply stream(String path, BodyCopy copy) throws Unreachable {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).GET()
                .header("Authorization", authorization).build();
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    JsonNode error;
                    try {
                        error = JSON.readTree(body);
                    } catch (IOException notJson) {
                        error = null;
                    }
                    return new Reply(response.statusCode(), error == null ? JSON.createObjectNode() : error);
                }
                copy.copy(body);
                return new Reply(200, JSON.createObjectNode());
            }
        } catch (ConnectException e) {
            throw notRunning();
        } catch (IOException e) {
            throw new Unreachable("Không hỏi được bộ kết nối ở " + base + " / Could not ask the connector at " + base + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("Bị ngắt / Interrupted");
        }
    }
}
