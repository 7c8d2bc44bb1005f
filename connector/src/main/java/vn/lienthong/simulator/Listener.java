package vn.lienthong.simulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listening socket, and outages of it. During an outage the HTTP server is stopped outright, so clients see
 * what a dead axis gives them ("connection refused"), not a polite error; afterwards a new server listens on the
 * same port, so a client keeps its endpoint. Overlapping outages end when the last of them does.
 */
final class Listener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Listener.class);

    /**
     * The JDK's HTTP server writes an answer's headers and body apart and, without TCP_NODELAY, holds the body back
     * until the client acknowledges the headers, which a client delays by up to 40 ms: every answer took 40-50 ms on
     * loopback. The server reads this property once, when the first server of the JVM is made, so the simulator
     * sets it before that (and {@link vn.lienthong.cli.Main} at start, before any server).
     */
    static {
        if (System.getProperty(AxisSimulator.HTTP_NO_DELAY) == null) {
            System.setProperty(AxisSimulator.HTTP_NO_DELAY, "true");
        }
    }
    private static final int HANDLER_THREADS = 16;
    private static final int BACKLOG = 64;
    private static final long REBIND_RETRY_MILLIS = 100;

    private final String host;
    private final HttpHandler handler;
    private final ExecutorService handlers = Executors.newFixedThreadPool(HANDLER_THREADS, daemon("axis-simulator-"));
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(daemon("axis-simulator-outages-"));
    private final long startedNanos = System.nanoTime();
    private final List<ScheduledFuture<?>> plannedOutages = new ArrayList<>();
    private HttpServer server;
    private int port;
    private long downUntilNanos;
    private boolean closed;

    Listener(String host, int port, HttpHandler handler) {
        this.host = host;
        this.port = port;
        this.handler = handler;
    }

    /** Listens; with port 0 the port picked now is kept for every later restart. */
    synchronized void start() throws IOException {
        server = bind();
        port = server.getAddress().getPort();
    }

    synchronized int port() {
        return port;
    }

    /** Stops listening now, for {@code length}. */
    synchronized void outageNow(Duration length) {
        goDown(System.nanoTime() + length.toNanos());
    }

    /**
     * Plans outage windows counted from the start, replacing windows planned earlier that have not begun yet.
     * An outage already under way runs its course; windows already over are ignored.
     */
    synchronized void plan(List<OutageWindow> windows) {
        plannedOutages.forEach(planned -> planned.cancel(false));
        plannedOutages.clear();
        long now = System.nanoTime();
        for (OutageWindow window : windows) {
            long startsAt = startedNanos + window.startAfter().toNanos();
            long endsAt = startsAt + window.length().toNanos();
            if (endsAt - now <= 0) {
                continue;
            }
            if (startsAt - now <= 0) {
                goDown(endsAt);
            } else {
                plannedOutages.add(scheduler.schedule(() -> goDownAt(endsAt), startsAt - now, TimeUnit.NANOSECONDS));
            }
        }
    }

    private synchronized void goDownAt(long untilNanos) {
        goDown(untilNanos);
    }

    private void goDown(long untilNanos) {
        if (closed) {
            return;
        }
        // While up, this outage alone decides; while already down, it can only make the outage longer.
        if (server != null || untilNanos - downUntilNanos > 0) {
            downUntilNanos = untilNanos;
        }
        if (server != null) {
            server.stop(0);
            server = null;
            LOG.info("axis simulator: outage begins on port {}", port);
        }
        scheduler.schedule(this::comeBack, Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private synchronized void comeBack() {
        if (closed || server != null) {
            return;
        }
        long remaining = downUntilNanos - System.nanoTime();
        if (remaining > 0) {
            scheduler.schedule(this::comeBack, remaining, TimeUnit.NANOSECONDS);
            return;
        }
        try {
            server = bind();
            LOG.info("axis simulator: outage over, listening again on port {}", port);
        } catch (IOException e) {
            // The port may linger a moment after the old server let go of it; try again shortly.
            scheduler.schedule(this::comeBack, REBIND_RETRY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private HttpServer bind() throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(host, port), BACKLOG);
        created.createContext("/", handler);
        created.setExecutor(handlers);
        created.start();
        return created;
    }

    @Override
    public synchronized void close() {
        closed = true;
        scheduler.shutdownNow();
        if (server != null) {
            server.stop(0);
            server = null;
        }
        handlers.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
