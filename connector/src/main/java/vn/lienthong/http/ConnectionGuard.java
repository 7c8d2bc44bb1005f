package vn.lienthong.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two limits of {@link ListenerLimits} Vert.x does not have. The header timeout runs from a connection's opening,
 * and again from the end of each answer, until the next request's header is complete; bytes trickling in do not
 * reset it (they reset Vert.x's idle timeout, which is why that alone does not stop a slow header). The connection
 * cap closes a connection beyond it as soon as it is accepted, before it is read.
 */
final class ConnectionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final Vertx vertx;
    private final ListenerLimits limits;
    private final String listener;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean atCap = new AtomicBoolean();
    private final Map<HttpConnection, HeaderDeadline> deadlines = new ConcurrentHashMap<>();

    ConnectionGuard(Vertx vertx, ListenerLimits limits, String listener) {
        this.vertx = vertx;
        this.limits = limits;
        this.listener = listener;
    }

    /** A connection was accepted: counted, and closed at once if it is one too many; else its header clock runs. */
    void opened(HttpConnection connection) {
        int connections = open.incrementAndGet();
        connection.closeHandler(closed -> {
            open.decrementAndGet();
            HeaderDeadline deadline = deadlines.remove(connection);
            if (deadline != null) {
                deadline.stop();
            }
        });
        if (connections > limits.maxConnections()) {
            if (atCap.compareAndSet(false, true)) {
                LOG.warn("HTTP listener on {} holds its maximum of {} connections: new ones are closed until some end",
                        listener, limits.maxConnections());
            }
            connection.close();
            return;
        }
        if (connections < limits.maxConnections()) {
            atCap.set(false);
        }
        HeaderDeadline deadline = new HeaderDeadline(connection);
        deadlines.put(connection, deadline);
        deadline.start();
    }

    /** {@code handler}, after stopping the header clock of the request's connection until the answer has been sent. */
    Handler<HttpServerRequest> watching(Handler<HttpServerRequest> handler) {
        return request -> {
            HeaderDeadline deadline = deadlines.get(request.connection());
            if (deadline != null) {
                deadline.stop();
                request.response().bodyEndHandler(answered -> deadline.start());
            }
            handler.handle(request);
        };
    }

    /** Closes its connection unless stopped within the header timeout. */
    private final class HeaderDeadline {

        private final HttpConnection connection;
        private long timer = -1;

        HeaderDeadline(HttpConnection connection) {
            this.connection = connection;
        }

        synchronized void start() {
            stop();
            timer = vertx.setTimer(limits.headerTimeout().toMillis(), expired -> {
                LOG.debug("HTTP listener on {}: closed a connection that sent no complete request header within {} ms",
                        listener, limits.headerTimeout().toMillis());
                connection.close();
            });
        }

        synchronized void stop() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }
    }
}
