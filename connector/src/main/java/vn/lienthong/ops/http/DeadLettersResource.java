package vn.lienthong.ops.http;

import vn.lienthong.tracking.RecipientStatus;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.transport.DeadLetters;
import vn.lienthong.transport.DeadLetters.DeadLetter;

/**
 * Dead letters of every flow, what the {@code dead-letters} command talks to. {@code ID} is a dead letter's message id
 * or the key of the document it carries.
 * <pre>
 *   GET  /ops/v1/dead-letters                every dead letter of every dead-letter queue
 *   GET  /ops/v1/dead-letters/{ID}           one, with its document's status timeline and transmission log entries
 *   POST /ops/v1/dead-letters/{ID}/retry     {"operator", "reason"?}: back on the queue it came from
 *   POST /ops/v1/dead-letters/{ID}/discard   {"operator", "reason"}: removed for good, its document DISCARDED
 *   POST /ops/v1/dead-letters/retry-all      {"operator", "reason"?}: every dead letter listed now
 *   POST /ops/v1/dead-letters/discard-all    {"operator", "reason"}
 * </pre>
 */
public final class DeadLettersResource implements OpsResource {

    private static final int REASON_LIMIT = 1000;

    private final DeadLetters deadLetters;
    private final DocumentTracker tracker;
    private final TransmissionLog log;

    public DeadLettersResource(DeadLetters deadLetters, DocumentTracker tracker, TransmissionLog log) {
        this.deadLetters = deadLetters;
        this.tracker = tracker;
        this.log = log;
    }

    @Override
    public void mount(OpsRoutes routes) {
        routes.get("/dead-letters", Role.VIEWER, this::list);
        routes.post("/dead-letters/retry-all", Role.OPERATOR, (context, user) -> all(context, user, false));
        routes.post("/dead-letters/discard-all", Role.OPERATOR, (context, user) -> all(context, user, true));
        routes.get("/dead-letters/:id", Role.VIEWER, this::show);
        routes.post("/dead-letters/:id/retry", Role.OPERATOR, (context, user) -> one(context, user, false));
        routes.post("/dead-letters/:id/discard", Role.OPERATOR, (context, user) -> one(context, user, true));
    }

    private OpsAnswer list(RoutingContext context, OpsUser user) throws Exception {
        return OpsAnswer.ok(Map.of("deadLetters", deadLetters.list().stream().map(DeadLettersResource::view).toList()));
    }

    private OpsAnswer show(RoutingContext context, OpsUser user) throws Exception {
        String id = context.pathParam("id");
        Optional<DeadLetter> letter = deadLetters.find(id);
        if (letter.isEmpty()) {
            return notFound(id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deadLetter", view(letter.get()));
        body.put("timeline", letter.get().document()
                .map(document -> tracker.timeline(document.key()).stream().map(RecipientStatus::view).toList())
                .orElse(List.of()));
        body.put("events", letter.get().documentKey() == null ? List.of()
                : log.events(letter.get().documentKey()).stream().map(OpsViews::event).toList());
        return OpsAnswer.ok(body);
    }

    private OpsAnswer one(RoutingContext context, OpsUser user, boolean discard) throws Exception {
        Optional<JsonNode> request = OpsAnswer.request(context);
        if (request.isEmpty()) {
            return OpsAnswer.badBody();
        }
        String reason = OpsAnswer.text(request.get(), "reason", REASON_LIMIT);
        if (discard && reason.isBlank()) {
            return reasonMissing();
        }
        String id = context.pathParam("id");
        String actor = user.actor(request.get());
        DeadLetters.Result result = discard ? deadLetters.discard(id, actor, reason) : deadLetters.retry(id, actor, reason);
        return switch (result) {
            case DONE -> OpsAnswer.ok(Map.of("id", id, "result", "DONE"));
            case NOT_FOUND -> notFound(id);
            case ORIGIN_UNKNOWN -> OpsAnswer.error(409, "ORIGIN_UNKNOWN", "Thư chết " + OpsAnswer.shown(id)
                            + " không cho biết nó đến từ hàng đợi nào nên không thể gửi lại; hãy loại bỏ nó kèm lý do.",
                    "Dead letter " + OpsAnswer.shown(id) + " does not say which queue it came from, so it cannot be"
                            + " retried; discard it with a reason.");
        };
    }

    /** Acts on every dead letter listed now, one by one; says what happened to each. */
    private OpsAnswer all(RoutingContext context, OpsUser user, boolean discard) throws Exception {
        Optional<JsonNode> request = OpsAnswer.request(context);
        if (request.isEmpty()) {
            return OpsAnswer.badBody();
        }
        String reason = OpsAnswer.text(request.get(), "reason", REASON_LIMIT);
        if (discard && reason.isBlank()) {
            return reasonMissing();
        }
        String actor = user.actor(request.get());
        List<Map<String, Object>> results = new ArrayList<>();
        int done = 0;
        for (DeadLetter letter : deadLetters.list()) {
            DeadLetters.Result result = discard ? deadLetters.discard(letter, actor, reason)
                    : deadLetters.retry(letter, actor, reason);
            done += result == DeadLetters.Result.DONE ? 1 : 0;
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", letter.id());
            one.put("key", letter.documentKey());
            one.put("result", result.name());
            results.add(one);
        }
        return OpsAnswer.ok(Map.of("done", done, "results", results));
    }

    private static OpsAnswer reasonMissing() {
        return OpsAnswer.error(400, "REASON_MISSING", "Cần nêu lý do loại bỏ thư chết (--reason).",
                "A reason for discarding the dead letter is required (--reason).");
    }

    private static OpsAnswer notFound(String id) {
        return OpsAnswer.error(404, "NOT_FOUND", "Không có thư chết nào mang mã " + OpsAnswer.shown(id)
                        + " (có thể đã được gửi lại hoặc loại bỏ).",
                "No dead letter has the id or document key " + OpsAnswer.shown(id) + " (it may have been retried or"
                        + " discarded already).");
    }

    private static Map<String, Object> view(DeadLetter letter) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", letter.id());
        view.put("key", letter.documentKey());
        view.put("queue", letter.queue());
        view.put("origin", letter.origin());
        view.put("time", String.valueOf(letter.time()));
        view.put("attempts", letter.attempts());
        view.put("reason", letter.reason());
        view.put("document", letter.document().map(OpsViews::document).orElse(null));
        return view;
    }
}
