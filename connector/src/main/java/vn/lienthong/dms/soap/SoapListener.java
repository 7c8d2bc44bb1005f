package vn.lienthong.dms.soap;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.cxf.Bus;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngine;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.http.ListenerLimits;

/**
 * The limits of {@link ListenerLimits} on the Jetty server CXF runs the SOAP endpoint on, and no server name in its
 * answers. Jetty has the idle timeout and a connection cap (beyond it Jetty stops accepting, so the excess waits in
 * the system's queue and costs the connector no descriptor); the header timeout is this class: from a connection's
 * opening, and again from the end of each answer, until the next request's header is complete, whatever trickles in.
 */
final class SoapListener extends Handler.Abstract implements Connection.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SoapListener.class);

    private final ListenerLimits limits;
    private final JettyHTTPServerEngine engine;
    private final ScheduledExecutorService clock;
    private final Map<Connection, ScheduledFuture<?>> deadlines = new ConcurrentHashMap<>();

    private SoapListener(ListenerLimits limits, JettyHTTPServerEngine engine) {
        this.limits = limits;
        this.engine = engine;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("soap-header-timeout");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.clock = executor;
    }

    /** Configures the Jetty engine of the endpoint's port; call before the endpoint is published. */
    static SoapListener prepare(Bus bus, SoapSettings settings) throws IOException {
        JettyHTTPServerEngine engine;
        try {
            engine = bus.getExtension(JettyHTTPServerEngineFactory.class)
                    .createJettyHTTPServerEngine(settings.host(), settings.port(), settings.tls() ? "https" : "http");
        } catch (GeneralSecurityException e) {
            throw new IOException("the SOAP listener on port " + settings.port() + " cannot be set up: " + e.getMessage(), e);
        }
        SoapListener listener = new SoapListener(settings.listener(), engine);
        engine.setSendServerVersion(false);
        engine.setMaxIdleTime((int) settings.listener().idleTimeout().toMillis());
        engine.setHandlers(List.of(listener));
        return listener;
    }

    /** Once the endpoint is published (Jetty runs): watches its connections and caps how many it accepts. */
    void watch() throws Exception {
        engine.getConnector().addEventListener(this);
        NetworkConnectionLimit cap = new NetworkConnectionLimit(limits.maxConnections(), engine.getConnector());
        engine.getServer().addBean(cap);
        cap.start();
        // The connector hands its accept listeners to its selector when it starts, which it has: hand this one now.
        if (engine.getConnector() instanceof ServerConnector connector) {
            connector.getSelectorManager().addEventListener(cap);
        }
    }

    @Override
    public void onOpened(Connection connection) {
        if (!(connection instanceof SslConnection)) { // the HTTP connection inside it is watched
            start(connection);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        stop(connection);
    }

    /** Every request: its header is complete, so its connection's clock stops until the answer has been sent. */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Connection connection = request.getConnectionMetaData().getConnection();
        stop(connection);
        Request.addCompletionListener(request, failure -> {
            if (connection.getEndPoint().isOpen()) {
                start(connection);
            }
        });
        return false; // answered by the handlers after this one
    }

    private void start(Connection connection) {
        ScheduledFuture<?> previous = deadlines.put(connection, clock.schedule(() -> {
            LOG.debug("SOAP listener: closed a connection that sent no complete request header within {} ms",
                    limits.headerTimeout().toMillis());
            deadlines.remove(connection);
            connection.close();
        }, limits.headerTimeout().toMillis(), TimeUnit.MILLISECONDS));
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void stop(Connection connection) {
        ScheduledFuture<?> deadline = deadlines.remove(connection);
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
