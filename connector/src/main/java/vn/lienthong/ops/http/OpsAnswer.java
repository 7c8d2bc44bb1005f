package vn.lienthong.ops.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of the operations API: a status and a body written as JSON. Errors have the one shape
 * {@code {"errors": [{code, severity, vi, en}]}}, never a stack trace. Shared by every {@link OpsResource}.
 */
public record OpsAnswer(int status, Object body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A handler of one route; what it throws is answered 500 INTERNAL_ERROR by {@link OpsRoutes}. */
    @FunctionalInterface
    public interface Handler {
        OpsAnswer handle(RoutingContext context, OpsUser user) throws Exception;
    }

    public static OpsAnswer ok(Object body) {
        return new OpsAnswer(200, body);
    }

    public static OpsAnswer error(int status, String code, String vietnamese, String english) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("severity", "ERROR");
        error.put("vi", vietnamese);
        error.put("en", english);
        return new OpsAnswer(status, Map.of("errors", List.of(error)));
    }

    public static OpsAnswer badBody() {
        return error(400, "INVALID_REQUEST", "Nội dung yêu cầu phải là một đối tượng JSON.",
                "The request body must be a JSON object.");
    }

    public static OpsAnswer reasonMissing(String what) {
        return error(400, "REASON_MISSING", "Cần nêu lý do (--reason).", "A reason is required to " + what + " (--reason).");
    }

    /** Writes the answer; the body as JSON, with its status. */
    public void send(RoutingContext context) {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{\"errors\":[{\"code\":\"INTERNAL_ERROR\"}]}";
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(text);
    }

    /** The request's JSON object (an empty one for an empty body), or empty when it is not a JSON object. */
    public static Optional<JsonNode> request(RoutingContext context) {
        try {
            String text = context.body() == null ? null : context.body().asString();
            JsonNode node = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            return node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A text field of a request, stripped and cut at {@code limit} characters; "" when absent. */
    public static String text(JsonNode request, String field, int limit) {
        JsonNode value = request.get(field);
        String text = value == null || !value.isTextual() ? "" : value.asText().strip();
        return text.length() > limit ? text.substring(0, limit) : text;
    }

    /** A key shown in a message: cut at 64 characters. */
    public static String shown(String key) {
        return key.length() > 64 ? key.substring(0, 64) + "…" : key;
    }
}
