package vn.lienthong.http;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts {@link ListenerLimits} on the HTTP servers Camel creates from a Vert.x instance (the REST API on Camel's main
 * server, health and the operations API on its management server). Camel builds both servers alike and tells them
 * apart only by the port it listens on, so each server is created when it is told to listen, with the limits of that
 * port: Vert.x's idle timeout, the TLS handshake bounded by the header timeout, and a {@link ConnectionGuard} for the
 * header timeout and the connection cap, which Vert.x does not have.
 */
public final class VertxListeners {

    private static final Logger LOG = LoggerFactory.getLogger(VertxListeners.class);

    private VertxListeners() {
    }

    /**
     * Vert.x for Camel's HTTP servers. Their routes run on Vert.x's worker threads, and a REST upload holds one for as
     * long as its body takes to arrive (bounded by lienthong.api.min-upload-bytes-per-second): that is expected, so
     * a worker is reported only after an hour, and a blocked thread is reported in one line, without a stack trace.
     */
    public static VertxOptions vertxOptions() {
        return new VertxOptions()
                .setMaxWorkerExecuteTime(1).setMaxWorkerExecuteTimeUnit(TimeUnit.HOURS)
                .setWarningExceptionTime(Long.MAX_VALUE).setWarningExceptionTimeUnit(TimeUnit.NANOSECONDS);
    }

    /**
     * {@code vertx}, but each HTTP server listening on a port of {@code limitsByPort} keeps that port's limits, and how
     * each server's listening ended goes to {@code listening}.
     */
    public static Vertx guarding(Vertx vertx, Map<Integer, ListenerLimits> limitsByPort, Listening listening) {
        return (Vertx) Proxy.newProxyInstance(Vertx.class.getClassLoader(), new Class<?>[] {Vertx.class},
                (proxy, method, arguments) -> {
                    if ("createHttpServer".equals(method.getName())) {
                        HttpServerOptions options = arguments == null || arguments.length == 0
                                ? new HttpServerOptions() : (HttpServerOptions) arguments[0];
                        return new ServerOnListen(vertx, options, limitsByPort, listening).proxy;
                    }
                    return invoke(vertx, method, arguments);
                });
    }

    /** An HTTP server that comes into being when it is told to listen, with the limits of the port it is given. */
    private static final class ServerOnListen {

        private final Vertx vertx;
        private final HttpServerOptions options;
        private final Map<Integer, ListenerLimits> limitsByPort;
        private final Listening listening;
        private final HttpServer proxy;
        private Handler<HttpServerRequest> requestHandler;
        private HttpServer server;

        ServerOnListen(Vertx vertx, HttpServerOptions options, Map<Integer, ListenerLimits> limitsByPort,
                       Listening listening) {
            this.vertx = vertx;
            this.options = options;
            this.limitsByPort = limitsByPort;
            this.listening = listening;
            this.proxy = (HttpServer) Proxy.newProxyInstance(HttpServer.class.getClassLoader(),
                    new Class<?>[] {HttpServer.class}, (self, method, arguments) -> call(method, arguments));
        }

        private synchronized Object call(Method method, Object[] arguments) throws Throwable {
            if (server == null && "requestHandler".equals(method.getName()) && arguments != null && arguments.length == 1) {
                @SuppressWarnings("unchecked")
                Handler<HttpServerRequest> handler = (Handler<HttpServerRequest>) arguments[0];
                requestHandler = handler;
                return proxy;
            }
            boolean listen = method.getName().startsWith("listen");
            int port = listen ? port(arguments) : -1;
            if (server == null && listen) {
                create(port);
            }
            if (server == null) {
                throw new IllegalStateException("the HTTP server is created when it listens; " + method.getName() + " came first");
            }
            Object result = invoke(server, method, listen ? reporting(port, arguments) : arguments);
            if (listen && result instanceof Future<?> listened) {
                listened.onComplete(outcome -> report(port, outcome));
            }
            return result == server ? proxy : result;
        }

        /** The arguments of a listen call, its result handler (if it has one) reporting the outcome first. */
        private Object[] reporting(int port, Object[] arguments) {
            if (arguments == null || arguments.length == 0 || !(arguments[arguments.length - 1] instanceof Handler<?>)) {
                return arguments;
            }
            @SuppressWarnings("unchecked")
            Handler<AsyncResult<HttpServer>> handler = (Handler<AsyncResult<HttpServer>>) arguments[arguments.length - 1];
            Object[] passed = arguments.clone();
            passed[passed.length - 1] = (Handler<AsyncResult<HttpServer>>) outcome -> {
                report(port, outcome);
                handler.handle(outcome);
            };
            return passed;
        }

        private void report(int port, AsyncResult<?> outcome) {
            if (outcome.succeeded()) {
                listening.succeeded(port);
            } else {
                listening.failed(port, outcome.cause());
            }
        }

        private int port(Object[] arguments) {
            if (arguments != null && arguments.length > 0) {
                if (arguments[0] instanceof Integer port) {
                    return port;
                }
                if (arguments[0] instanceof SocketAddress address) {
                    return address.port();
                }
            }
            return options.getPort();
        }

        private void create(int port) {
            ListenerLimits limits = limitsByPort.get(port);
            LOG.info("HTTP listener on port {}: {}", port, limits == null ? "no limits configured" : limits);
            if (limits == null) {
                server = vertx.createHttpServer(options);
                if (requestHandler != null) {
                    server.requestHandler(requestHandler);
                }
                return;
            }
            // Without h2c, a plain connection becomes an HTTP/1.1 connection when it is accepted; with it, Vert.x waits
            // for the first bytes to tell the protocols apart, and a socket that sends nothing escapes every limit.
            HttpServerOptions limited = new HttpServerOptions(options).setHttp2ClearTextEnabled(false)
                    .setIdleTimeout((int) limits.idleTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                    .setSslHandshakeTimeout(limits.headerTimeout().toMillis()).setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
            ConnectionGuard guard = new ConnectionGuard(vertx, limits, "port " + port);
            server = vertx.createHttpServer(limited);
            server.connectionHandler(guard::opened);
            if (requestHandler != null) {
                server.requestHandler(guard.watching(requestHandler));
            }
        }
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
