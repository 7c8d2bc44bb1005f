package vn.lienthong.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /simulator/faults}: lets a person at the simulator's own machine inject an outage into a running
 * simulator (the demo's, or {@code simulate-axis}), to watch what a connector or a DMS does about it.
 *
 * <ul>
 *   <li>{@code GET} says which windows are open and for how long.</li>
 *   <li>{@code POST} with {@code {"unavailableSeconds": N}} answers every call 503 for N seconds;
 *       {@code "refuseSendsSeconds"} refuses every sendEdoc (HTTP 400, as the axis refuses a bad package);
 *       {@code "downSeconds"} stops listening (connection refused) for N seconds. Any of them together.</li>
 *   <li>{@code DELETE} ends the 503 and refusal windows now (a down window cannot be reached to be ended).</li>
 * </ul>
 *
 * <p>Only requests from a loopback address are obeyed, whatever address the simulator listens on. A POST must be
 * JSON: a web page of another site cannot send that to this machine without the browser asking first, and the
 * simulator never says yes. It is part of the simulator only; a connector against a real axis has no such thing.
 * Answers carry both languages; they are not the axis protocol, so they have their own shape.
 */
final class FaultControl {

    static final String PATH_PREFIX = "/simulator/";
    static final String FAULTS_PATH = "/simulator/faults";
    static final long MAX_SECONDS = 3600;

    private static final Logger LOG = LoggerFactory.getLogger(AxisSimulator.class);
    private static final Set<String> FIELDS = Set.of("unavailableSeconds", "refuseSendsSeconds", "downSeconds");
    private static final int MAX_BODY = 4096;

    private final FaultInjector faults;
    private volatile Listener listener;

    FaultControl(FaultInjector faults) {
        this.faults = faults;
    }

    /** The listener a down window stops; known only once it listens, as it is the one handing requests here. */
    void attach(Listener attached) {
        this.listener = attached;
    }

    /** A request the control refuses, with its code and both languages. */
    private static final class Refused extends Exception {
        final int status;
        final String code;
        final String english;

        Refused(int status, String code, String vietnamese, String english) {
            super(vietnamese);
            this.status = status;
            this.code = code;
            this.english = english;
        }
    }

    void handle(HttpExchange exchange) {
        Duration down = Duration.ZERO;
        try {
            try {
                down = obey(exchange);
            } catch (Refused refused) {
                drainQuietly(exchange);
                ObjectNode body = Answer.JSON.createObjectNode();
                body.put("status", "FAIL");
                body.put("code", refused.code);
                body.put("vi", refused.getMessage());
                body.put("en", refused.english);
                send(exchange, refused.status, body);
            }
        } catch (IOException e) {
            LOG.debug("simulator control: the client went away: {}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("simulator control: unexpected {}", e.getClass().getName(), e);
        } finally {
            exchange.close();
        }
        // After the answer is out: going down stops the very server that carried the request.
        Listener current = listener;
        if (!down.isZero() && current != null) {
            current.outageNow(down);
        }
    }

    /** Does what the request asks and answers it; returns how long to stop listening once answered. */
    private Duration obey(HttpExchange exchange) throws Refused, IOException {
        InetSocketAddress remote = exchange.getRemoteAddress();
        if (remote == null || !obeys(remote.getAddress())) {
            throw new Refused(403, "LOOPBACK_ONLY",
                    "Chỉ điều khiển được trục mô phỏng từ chính máy đang chạy nó (địa chỉ loopback).",
                    "The simulator is controlled only from the machine it runs on (a loopback address).");
        }
        String path = exchange.getRequestURI().getPath().replaceAll("/{2,}", "/");
        if (!FAULTS_PATH.equals(path) && !(FAULTS_PATH + "/").equals(path)) {
            throw new Refused(404, "NOT_FOUND", "Không có đường dẫn điều khiển này: " + path + ".",
                    "No such control path: " + path + ".");
        }
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        switch (method) {
            case "GET" -> {
                drain(exchange);
                send(exchange, 200, state("Các lỗi giả lập hiện tại.", "The faults injected now.", false));
                return Duration.ZERO;
            }
            case "DELETE" -> {
                drain(exchange);
                faults.endWindows();
                LOG.info("axis simulator: injected 503 and refusal windows ended by the control");
                send(exchange, 200, state("Đã kết thúc sự cố giả lập (trả 503, từ chối gửi).",
                        "The injected outage (503 answers, refused sends) is over.", false));
                return Duration.ZERO;
            }
            case "POST" -> {
                return open(exchange);
            }
            default -> throw new Refused(405, "METHOD_NOT_ALLOWED", "Chỉ dùng GET, POST hoặc DELETE.",
                    "Use GET, POST or DELETE.");
        }
    }

    private Duration open(HttpExchange exchange) throws Refused, IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            drain(exchange);
            throw new Refused(415, "JSON_REQUIRED", "Nội dung phải là JSON (Content-Type: application/json).",
                    "The body must be JSON (Content-Type: application/json).");
        }
        JsonNode body = read(exchange);
        long unavailable = seconds(body, "unavailableSeconds");
        long refuseSends = seconds(body, "refuseSendsSeconds");
        long down = seconds(body, "downSeconds");
        if (unavailable == 0 && refuseSends == 0 && down == 0) {
            throw new Refused(400, "NOTHING_ASKED",
                    "Hãy nêu ít nhất một trong unavailableSeconds, refuseSendsSeconds, downSeconds (số giây, lớn hơn 0).",
                    "Give at least one of unavailableSeconds, refuseSendsSeconds, downSeconds (seconds, above 0).");
        }
        if (unavailable > 0) {
            faults.unavailableFor(Duration.ofSeconds(unavailable));
        }
        if (refuseSends > 0) {
            faults.refuseSendsFor(Duration.ofSeconds(refuseSends));
        }
        LOG.info("axis simulator: outage injected by the control: 503 for {} s, sends refused for {} s, down for {} s",
                unavailable, refuseSends, down);
        send(exchange, 200, state("Đã gây sự cố giả lập.", "The outage is injected.", down > 0)
                .put("downSeconds", down));
        return Duration.ofSeconds(down);
    }

    /** Whether a request from {@code caller} is obeyed: only from this machine's loopback. */
    static boolean obeys(InetAddress caller) {
        return caller != null && caller.isLoopbackAddress();
    }

    private ObjectNode state(String vietnamese, String english, boolean goingDown) {
        ObjectNode body = Answer.JSON.createObjectNode();
        body.put("status", "OK");
        body.put("vi", vietnamese + (goingDown ? " Trục mô phỏng ngừng nghe ngay sau câu trả lời này." : ""));
        body.put("en", english + (goingDown ? " The simulator stops listening right after this answer." : ""));
        body.put("unavailableSecondsLeft", roundedUp(faults.unavailableLeft()));
        body.put("refuseSendsSecondsLeft", roundedUp(faults.refuseSendsLeft()));
        Faults current = faults.current();
        body.put("errorRate", current.errorRate());
        body.put("addedLatencyMs", current.addedLatency().toMillis());
        body.put("acceptThenDropRate", current.acceptThenDropRate());
        return body;
    }

    private static long roundedUp(Duration left) {
        return (left.toMillis() + 999) / 1000;
    }

    private static JsonNode read(HttpExchange exchange) throws Refused, IOException {
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(MAX_BODY + 1);
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (bytes.length > MAX_BODY) {
            throw new Refused(413, "BODY_TOO_LARGE", "Nội dung quá dài.", "The body is too long.");
        }
        JsonNode body;
        try {
            body = Answer.JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new Refused(400, "JSON_OBJECT_REQUIRED",
                    "Nội dung phải là một đối tượng JSON, ví dụ {\"unavailableSeconds\": 30}.",
                    "The body must be a JSON object, e.g. {\"unavailableSeconds\": 30}.");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new Refused(400, "UNKNOWN_FIELD", "Trường không được hỗ trợ: " + name + ".",
                        "Unknown field: " + name + ".");
            }
        }
        return body;
    }

    private static long seconds(JsonNode body, String field) throws Refused {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > MAX_SECONDS) {
            throw new Refused(400, "SECONDS_INVALID",
                    field + " phải là số giây nguyên từ 0 đến " + MAX_SECONDS + ".",
                    field + " must be a whole number of seconds from 0 to " + MAX_SECONDS + ".");
        }
        return value.asLong();
    }

    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Reads what the client still sends, so that it sees the refusal rather than a reset connection. */
    private static void drainQuietly(HttpExchange exchange) {
        try {
            drain(exchange);
        } catch (IOException alreadyRead) {
            // Read already, or the client went away; the answer goes out or is lost either way.
        }
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] json = Answer.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", Answer.CONTENT_TYPE);
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
