package vn.lienthong.ops.http;

import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.ops.metrics.QueueStats;

/**
 * The broker's queues as they are now, what the {@code queues} command shows.
 * <pre>
 *   GET /ops/v1/queues   {"queues": [{name, messages, oldestAgeSeconds, deadLetter, flow}], "deadLetters": n}
 * </pre>
 */
public final class QueuesResource implements OpsResource {

    private static final Logger LOG = LoggerFactory.getLogger(QueuesResource.class);

    private final QueueStats stats;

    public QueuesResource(QueueStats stats) {
        this.stats = stats;
    }

    @Override
    public void mount(OpsRoutes routes) {
        routes.get("/queues", Role.VIEWER, this::list);
    }

    private OpsAnswer list(RoutingContext context, OpsUser user) {
        List<QueueStats.Queue> queues;
        try {
            queues = stats.read();
        } catch (QueueStats.Unavailable e) {
            LOG.warn("Operations API: {}", e.getMessage());
            return OpsAnswer.error(503, "BROKER_UNAVAILABLE",
                    "Không đọc được các hàng đợi từ máy chủ hàng đợi (broker); xem nhật ký của bộ kết nối.",
                    "The queues could not be read from the broker; see the connector's log.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("queues", queues.stream().map(QueuesResource::queue).toList());
        body.put("deadLetters", queues.stream().filter(QueueStats.Queue::deadLetter).mapToLong(QueueStats.Queue::messages).sum());
        return OpsAnswer.ok(body);
    }

    private static Map<String, Object> queue(QueueStats.Queue queue) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", queue.name());
        view.put("messages", queue.messages());
        view.put("oldestAgeSeconds", queue.oldestAgeMillis() < 0 ? null : queue.oldestAgeMillis() / 1000);
        view.put("deadLetter", queue.deadLetter());
        view.put("flow", queue.flow());
        return view;
    }
}
