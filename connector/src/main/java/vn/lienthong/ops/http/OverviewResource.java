package vn.lienthong.ops.http;

import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.AxisReachability;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;

/**
 * What the console's dashboard shows, in one call:
 * <pre>
 *   GET /ops/v1/overview   {"documents": {"outbound": {STATE: n}, "inbound": {...}}, "held": {...}, "axis": {...}, ...}
 * </pre>
 * Each part is a {@link Section}; the documents, held packages and axis are here, and others (queues, certificate
 * expiry, disk) join by adding a section: the console shows a part when the overview has it.
 */
public final class OverviewResource implements OpsResource {

    /** One named part of the overview, computed at each call. */
    public record Section(String name, Supplier<Object> value) {
    }

    private final List<Section> sections;

    public OverviewResource(List<Section> sections) {
        this.sections = List.copyOf(sections);
    }

    /** The sections every connector has: documents by direction and state, held inbound packages, the axis. */
    public static List<Section> basic(DocumentTracker tracker, AxisReachability reachability) {
        return List.of(
                new Section("documents", () -> Map.of(
                        "outbound", byName(tracker.countByState(Direction.OUTBOUND)),
                        "inbound", byName(tracker.countByState(Direction.INBOUND)))),
                new Section("held", () -> {
                    Map<DocumentState, Long> inbound = tracker.countByState(Direction.INBOUND);
                    long refused = inbound.get(DocumentState.REFUSED);
                    long quarantined = inbound.get(DocumentState.QUARANTINED);
                    return Map.of("inbound", refused + quarantined, "refused", refused, "quarantined", quarantined);
                }),
                new Section("axis", () -> axis(reachability.state())));
    }

    @Override
    public void mount(OpsRoutes routes) {
        routes.get("/overview", Role.VIEWER, this::overview);
    }

    private OpsAnswer overview(RoutingContext context, OpsUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Section section : sections) {
            body.put(section.name(), section.value().get());
        }
        return OpsAnswer.ok(body);
    }

    private static Map<String, Long> byName(Map<DocumentState, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((state, count) -> named.put(state.name(), count));
        return named;
    }

    private static Map<String, Object> axis(AxisReachability.State state) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("reachable", state.lastAnswer() == null && state.failingSince() == null ? null : state.reachable());
        axis.put("lastPoll", state.lastAnswer() == null ? null : state.lastAnswer().toString());
        axis.put("failingSince", state.failingSince() == null ? null : state.failingSince().toString());
        axis.put("lastFailure", state.lastFailure());
        return axis;
    }
}
