package vn.lienthong.ops.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.findings.Finding;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.transport.InboundHold;
import vn.lienthong.transport.OutboundQuarantine;

/**
 * Held documents of both directions, what the {@code held} command talks to: packages from the axis the connector
 * holds (refused or quarantined, {@link InboundHold}) and documents the signature policy quarantined on their way
 * out ({@link OutboundQuarantine}).
 * <pre>
 *   GET  /ops/v1/held                 every held document, inbound then outbound, newest first in each
 *   GET  /ops/v1/held/{key}           one, with every reason, its signature report and log entries
 *   POST /ops/v1/held/{key}/release   {"operator", "reason"?}: inbound, delivered to the DMS; outbound, queued for the axis
 *   POST /ops/v1/held/{key}/discard   {"operator", "reason"}: ended, with the reason
 * </pre>
 * The same four under {@code /ops/v1/inbound} act on received packages only: what the {@code inbound} command talks to.
 */
public final class HeldResource implements OpsResource {

    private static final int REASON_LIMIT = 1000;

    private final InboundHold inbound;
    private final OutboundQuarantine outbound;

    public HeldResource(InboundHold inbound, OutboundQuarantine outbound) {
        this.inbound = inbound;
        this.outbound = outbound;
    }

    @Override
    public void mount(OpsRoutes routes) {
        mount(routes, "/held", false);
        mount(routes, "/inbound", true);
    }

    private void mount(OpsRoutes routes, String base, boolean receivedOnly) {
        routes.get(base, Role.VIEWER, (context, user) -> list(receivedOnly));
        routes.get(base + "/:key", Role.VIEWER, (context, user) -> show(context.pathParam("key"), receivedOnly));
        routes.post(base + "/:key/release", Role.OPERATOR, (context, user) -> release(context, user, receivedOnly));
        routes.post(base + "/:key/discard", Role.OPERATOR, (context, user) -> discard(context, user, receivedOnly));
    }

    private OpsAnswer list(boolean receivedOnly) throws Exception {
        List<Map<String, Object>> held = new ArrayList<>(inbound.held().stream().map(OpsViews::document).toList());
        if (!receivedOnly) {
            outbound.held().stream().map(HeldResource::quarantined).forEach(held::add);
        }
        return OpsAnswer.ok(Map.of("held", held));
    }

    private OpsAnswer show(String key, boolean receivedOnly) throws Exception {
        Optional<InboundHold.Details> received = inbound.details(key);
        if (received.isPresent()) {
            return OpsAnswer.ok(OpsViews.held(received.get()));
        }
        if (receivedOnly) {
            return notFound(key);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Optional<OutboundQuarantine.Details> parked = outbound.details(key);
        if (parked.isEmpty()) {
            return notFound(key);
        }
        body.put("document", quarantined(parked.get().held()));
        body.put("findings", List.of());
        body.put("signatureReport", parked.get().signatureReport());
        body.put("events", parked.get().events().stream().map(OpsViews::event).toList());
        return OpsAnswer.ok(body);
    }

    private OpsAnswer release(RoutingContext context, OpsUser user, boolean receivedOnly) throws Exception {
        Optional<JsonNode> request = OpsAnswer.request(context);
        if (request.isEmpty()) {
            return OpsAnswer.badBody();
        }
        String key = context.pathParam("key");
        String reason = OpsAnswer.text(request.get(), "reason", REASON_LIMIT);
        // The reason, optional to release, goes into the log with who released it, as for /inbound.
        String actor = user.actor(request.get()) + (reason.isBlank() ? "" : " (reason: " + reason + ")");
        InboundHold.Result received = inbound.release(key, actor);
        if (received != InboundHold.Result.NOT_FOUND || receivedOnly) {
            return inboundOutcome(key, received);
        }
        OutboundQuarantine.Outcome outcome = outbound.release(key, actor);
        return switch (outcome.result()) {
            case DONE -> OpsAnswer.ok(Map.of("key", key, "result", "DONE", "queuedAs", outcome.queuedKey()));
            case NOT_FOUND -> notFound(key);
            case REFUSED -> refused(key, outcome.findings());
        };
    }

    private OpsAnswer discard(RoutingContext context, OpsUser user, boolean receivedOnly) throws Exception {
        Optional<JsonNode> request = OpsAnswer.request(context);
        if (request.isEmpty()) {
            return OpsAnswer.badBody();
        }
        String reason = OpsAnswer.text(request.get(), "reason", REASON_LIMIT);
        if (reason.isBlank()) {
            return OpsAnswer.error(400, "REASON_MISSING", "Cần nêu lý do loại bỏ văn bản (--reason).",
                    "A reason for discarding the document is required (--reason).");
        }
        String key = context.pathParam("key");
        String actor = user.actor(request.get());
        InboundHold.Result received = inbound.discard(key, actor, reason);
        if (received != InboundHold.Result.NOT_FOUND || receivedOnly) {
            return inboundOutcome(key, received);
        }
        return outbound.discard(key, actor, reason).result() == OutboundQuarantine.Result.DONE
                ? OpsAnswer.ok(Map.of("key", key, "result", "DONE")) : notFound(key);
    }

    private static OpsAnswer inboundOutcome(String key, InboundHold.Result result) {
        return switch (result) {
            case DONE -> OpsAnswer.ok(Map.of("key", key, "result", "DONE"));
            case NOT_FOUND -> notFound(key);
            case NOT_HELD -> OpsAnswer.error(409, "NOT_HELD", "Văn bản " + key
                            + " không còn bị giữ lại (đã được chuyển tiếp hoặc đã bị loại bỏ); không có gì thay đổi.",
                    "Document " + key + " is no longer held (already released or discarded); nothing changed.");
        };
    }

    private static OpsAnswer refused(String key, List<Finding> findings) {
        String codes = String.join(", ", findings.stream().filter(Finding::isError).map(f -> f.code().name()).distinct()
                .toList());
        return OpsAnswer.error(409, "RELEASE_REFUSED", "Không thể chuyển tiếp văn bản " + key
                        + ": văn bản không còn hợp lệ hoặc chính sách chữ ký số nay từ chối nó (" + codes + ").",
                "Document " + key + " cannot be released: it is no longer valid, or the signature policy now refuses it ("
                        + codes + ").");
    }

    private static OpsAnswer notFound(String key) {
        return OpsAnswer.error(404, "NOT_FOUND", "Không có văn bản nào đang bị giữ lại mang mã " + OpsAnswer.shown(key) + ".",
                "No held document has the key " + OpsAnswer.shown(key) + ".");
    }

    /** An outbound quarantined document, in the shape of a tracked one (it has no tracking record while held). */
    private static Map<String, Object> quarantined(OutboundQuarantine.Held held) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", held.key());
        view.put("direction", "OUTBOUND");
        view.put("state", "QUARANTINED");
        view.put("reason", held.reason());
        view.put("messageType", null);
        view.put("axisDocId", null);
        view.put("sender", null);
        view.put("recipients", List.of());
        view.put("documentId", null);
        view.put("code", null);
        view.put("received", String.valueOf(held.parkedAt()));
        view.put("updated", String.valueOf(held.parkedAt()));
        return view;
    }
}
