package vn.lienthong.ops.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.transport.InboundHold;

/**
 * Held inbound packages, what the {@code inbound} command talks to.
 * <pre>
 *   GET  /ops/v1/inbound                 the held inbound packages, newest first
 *   GET  /ops/v1/inbound/{key}           one package with every reason and its transmission log entries
 *   POST /ops/v1/inbound/{key}/release   {"operator": "...", "reason": "..."}: deliver it anyway (reason optional)
 *   POST /ops/v1/inbound/{key}/discard   {"operator": "...", "reason": "..."}: end it, with the reason
 * </pre>
 */
public final class HeldInboundResource implements OpsResource {

    private static final int REASON_LIMIT = 1000;

    private final InboundHold hold;

    public HeldInboundResource(InboundHold hold) {
        this.hold = hold;
    }

    @Override
    public void mount(OpsRoutes routes) {
        routes.get("/inbound", Role.VIEWER, this::list);
        routes.get("/inbound/:key", Role.VIEWER, this::show);
        routes.post("/inbound/:key/release", Role.OPERATOR, this::release);
        routes.post("/inbound/:key/discard", Role.OPERATOR, this::discard);
    }

    private OpsAnswer list(RoutingContext context, OpsUser user) {
        return OpsAnswer.ok(Map.of("held", hold.held().stream().map(OpsViews::document).toList()));
    }

    private OpsAnswer show(RoutingContext context, OpsUser user) throws Exception {
        Optional<InboundHold.Details> details = hold.details(context.pathParam("key"));
        if (details.isEmpty()) {
            return notFound(context.pathParam("key"));
        }
        return OpsAnswer.ok(OpsViews.held(details.get()));
    }

    private OpsAnswer release(RoutingContext context, OpsUser user) throws Exception {
        Optional<JsonNode> request = OpsAnswer.request(context);
        if (request.isEmpty()) {
            return OpsAnswer.badBody();
        }
        String key = context.pathParam("key");
        String reason = OpsAnswer.text(request.get(), "reason", REASON_LIMIT);
        String operator = user.actor(request.get()) + (reason.isBlank() ? "" : " (reason: " + reason + ")");
        return outcome(key, hold.release(key, operator));
    }

    private OpsAnswer discard(RoutingContext context, OpsUser user) {
        Optional<JsonNode> request = OpsAnswer.request(context);
        if (request.isEmpty()) {
            return OpsAnswer.badBody();
        }
        String reason = OpsAnswer.text(request.get(), "reason", REASON_LIMIT);
        if (reason.isBlank()) {
            return OpsAnswer.error(400, "REASON_MISSING", "Cần nêu lý do loại bỏ gói tin (--reason).",
                    "A reason for discarding the package is required (--reason).");
        }
        String key = context.pathParam("key");
        return outcome(key, hold.discard(key, user.actor(request.get()), reason));
    }

    private static OpsAnswer outcome(String key, InboundHold.Result result) {
        return switch (result) {
            case DONE -> OpsAnswer.ok(Map.of("key", key, "result", "DONE"));
            case NOT_FOUND -> notFound(key);
            case NOT_HELD -> OpsAnswer.error(409, "NOT_HELD", "Gói tin " + key
                            + " không còn bị giữ lại (đã được chuyển tiếp hoặc đã bị loại bỏ); không có gì thay đổi.",
                    "Package " + key + " is no longer held (already released or discarded); nothing changed.");
        };
    }

    private static OpsAnswer notFound(String key) {
        return OpsAnswer.error(404, "NOT_FOUND", "Không có gói tin nhận từ trục nào mang mã " + OpsAnswer.shown(key) + ".",
                "No package received from the axis has the key " + OpsAnswer.shown(key) + ".");
    }
}
