package vn.lienthong.ops.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.RecordedFinding;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.transport.InboundHold;

/**
 * The operations API, on the management port beside {@code /health}: what the {@code inbound} command talks to.
 * <pre>
 *   GET  /ops/v1/inbound                 the held inbound packages, newest first
 *   GET  /ops/v1/inbound/{key}           one package with every reason and its transmission log entries
 *   POST /ops/v1/inbound/{key}/release   {"operator": "..."}: deliver it anyway
 *   POST /ops/v1/inbound/{key}/discard   {"operator": "...", "reason": "..."}: end it, with the reason
 * </pre>
 * Every call presents the operations token ({@code Authorization: Bearer}); every answer is JSON, errors in the one
 * shape {@code {"errors": [{code, vi, en}]}}, never a stack trace.
 */
public final class OpsApi {

    private static final Logger LOG = LoggerFactory.getLogger(OpsApi.class);
    private static final String BASE = "/ops/v1/inbound";
    private static final int BODY_LIMIT = 64 * 1024;
    private static final int NAME_LIMIT = 100;
    private static final int REASON_LIMIT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InboundHold hold;
    private final OpsToken token;

    public OpsApi(InboundHold hold, OpsToken token) {
        this.hold = hold;
        this.token = token;
    }

    /** Adds the API's routes to a Vert.x router (the management server's). */
    public void mount(Router router) {
        router.route(BASE + "*").handler(this::authenticate);
        router.route(HttpMethod.POST, BASE + "/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        router.route(HttpMethod.GET, BASE).blockingHandler(context -> answer(context, this::list));
        router.route(HttpMethod.GET, BASE + "/:key").blockingHandler(context -> answer(context, this::show));
        router.route(HttpMethod.POST, BASE + "/:key/release").blockingHandler(context -> answer(context, this::release));
        router.route(HttpMethod.POST, BASE + "/:key/discard").blockingHandler(context -> answer(context, this::discard));
    }

    private record Answer(int status, Object body) {
    }

    @FunctionalInterface
    private interface Handler {
        Answer handle(RoutingContext context) throws Exception;
    }

    private void authenticate(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        String presented = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
        if (!token.matches(presented)) {
            send(context, error(401, "UNAUTHENTICATED",
                    "Thiếu mã vận hành hoặc mã không đúng (tệp ops-token trong thư mục dữ liệu của bộ kết nối).",
                    "The operations token is missing or wrong (the ops-token file in the connector's data directory)."));
            return;
        }
        context.next();
    }

    private Answer list(RoutingContext context) {
        return new Answer(200, Map.of("held", hold.held().stream().map(OpsApi::document).toList()));
    }

    private Answer show(RoutingContext context) throws Exception {
        Optional<InboundHold.Details> details = hold.details(context.pathParam("key"));
        if (details.isEmpty()) {
            return notFound(context.pathParam("key"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("document", document(details.get().document()));
        body.put("findings", details.get().findings().stream().map(OpsApi::finding).toList());
        body.put("signatureReport", details.get().signatureReport());
        body.put("events", details.get().events().stream().map(OpsApi::event).toList());
        return new Answer(200, body);
    }

    private Answer release(RoutingContext context) throws Exception {
        Optional<JsonNode> request = request(context);
        if (request.isEmpty()) {
            return badBody();
        }
        String key = context.pathParam("key");
        return outcome(key, hold.release(key, operator(request.get())));
    }

    private Answer discard(RoutingContext context) {
        Optional<JsonNode> request = request(context);
        if (request.isEmpty()) {
            return badBody();
        }
        String reason = text(request.get(), "reason", REASON_LIMIT);
        if (reason.isBlank()) {
            return error(400, "REASON_MISSING", "Cần nêu lý do loại bỏ gói tin (--reason).",
                    "A reason for discarding the package is required (--reason).");
        }
        String key = context.pathParam("key");
        return outcome(key, hold.discard(key, operator(request.get()), reason));
    }

    private static Answer outcome(String key, InboundHold.Result result) {
        return switch (result) {
            case DONE -> new Answer(200, Map.of("key", key, "result", "DONE"));
            case NOT_FOUND -> notFound(key);
            case NOT_HELD -> error(409, "NOT_HELD",
                    "Gói tin " + key + " không còn bị giữ lại (đã được chuyển tiếp hoặc đã bị loại bỏ); không có gì thay đổi.",
                    "Package " + key + " is no longer held (already released or discarded); nothing changed.");
        };
    }

    private static Answer notFound(String key) {
        return error(404, "NOT_FOUND", "Không có gói tin nhận từ trục nào mang mã " + shown(key) + ".",
                "No package received from the axis has the key " + shown(key) + ".");
    }

    private static Answer badBody() {
        return error(400, "INVALID_REQUEST", "Nội dung yêu cầu phải là một đối tượng JSON.",
                "The request body must be a JSON object.");
    }

    private static Answer error(int status, String code, String vietnamese, String english) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("severity", "ERROR");
        error.put("vi", vietnamese);
        error.put("en", english);
        return new Answer(status, Map.of("errors", List.of(error)));
    }

    private void answer(RoutingContext context, Handler handler) {
        Answer answer;
        try {
            answer = handler.handle(context);
        } catch (Exception e) {
            LOG.warn("Operations API {} {} failed: {}", context.request().method(), context.request().path(), e.toString());
            answer = error(500, "INTERNAL_ERROR", "Lỗi nội bộ của bộ kết nối; xem nhật ký của bộ kết nối.",
                    "Internal error of the connector; see the connector's log.");
        }
        send(context, answer);
    }

    private static void send(RoutingContext context, Answer answer) {
        String body;
        try {
            body = JSON.writeValueAsString(answer.body());
        } catch (JsonProcessingException e) {
            body = "{\"errors\":[{\"code\":\"INTERNAL_ERROR\"}]}";
        }
        context.response().setStatusCode(answer.status())
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body);
    }

    private static Optional<JsonNode> request(RoutingContext context) {
        try {
            String text = context.body() == null ? null : context.body().asString();
            JsonNode node = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            return node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String operator(JsonNode request) {
        String name = text(request, "operator", NAME_LIMIT).replaceAll("[^\\p{L}\\p{N}._@-]", "_");
        return name.isBlank() ? "an unnamed operator" : "operator '" + name + "'";
    }

    private static String text(JsonNode request, String field, int limit) {
        JsonNode value = request.get(field);
        String text = value == null || !value.isTextual() ? "" : value.asText().strip();
        return text.length() > limit ? text.substring(0, limit) : text;
    }

    private static String shown(String key) {
        return key.length() > 64 ? key.substring(0, 64) + "…" : key;
    }

    private static Map<String, Object> document(TrackedDocument document) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", document.key().value());
        view.put("state", document.state().name());
        view.put("reason", document.stateReason());
        view.put("messageType", document.messageType());
        view.put("axisDocId", document.axisDocId());
        view.put("sender", document.senderOrganId());
        view.put("recipients", document.recipients());
        view.put("documentId", document.documentId());
        view.put("code", document.code());
        view.put("received", String.valueOf(document.created()));
        view.put("updated", String.valueOf(document.updated()));
        return view;
    }

    private static Map<String, Object> finding(RecordedFinding finding) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", finding.code());
        view.put("severity", finding.severity());
        view.put("line", finding.line() > 0 ? finding.line() : null);
        view.put("column", finding.line() > 0 ? finding.column() : null);
        view.put("path", finding.path().isEmpty() ? null : finding.path());
        view.put("vi", finding.vietnamese());
        view.put("en", finding.english());
        return view;
    }

    private static Map<String, Object> event(LogEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("sequence", event.sequence());
        view.put("time", String.valueOf(event.time()));
        view.put("step", event.step());
        view.put("outcome", event.outcome());
        view.put("detail", event.detail());
        return view;
    }
}
