package vn.lienthong.http;

import java.net.BindException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the HTTP servers Camel starts really listen. Camel starts its servers' listening and, when a port is taken,
 * only logs it and runs on without that server, so a connector would look started while its DMS API or its health
 * port belonged to another program. {@link VertxListeners} records here how each listen ended; the runtime waits for
 * the ports it expects and refuses to start if one is not ours.
 */
public final class Listening {

    private final Map<Integer, CompletableFuture<Void>> byPort = new ConcurrentHashMap<>();

    void succeeded(int port) {
        outcome(port).complete(null);
    }

    void failed(int port, Throwable cause) {
        outcome(port).completeExceptionally(cause);
    }

    private CompletableFuture<Void> outcome(int port) {
        return byPort.computeIfAbsent(port, any -> new CompletableFuture<>());
    }

    /** Whether {@code cause} is a port already taken (by another program, or another server of this one). */
    public static boolean portTaken(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits until the server of each port of {@code expected} listens; each port maps to how it is named to the user
     * (its address and setting, "127.0.0.1:8774 (lienthong.api.port)"). A port that is taken, or that no server
     * listened on within {@code timeout}, is an unusable setting: IllegalArgumentException, in Vietnamese and English.
     */
    public void await(Map<Integer, String> expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Map.Entry<Integer, String> port : expected.entrySet()) {
            String address = port.getValue();
            try {
                outcome(port.getKey()).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (portTaken(e.getCause())) {
                    throw new IllegalArgumentException("cổng " + address + " đang được chương trình khác dùng, hãy chọn"
                            + " cổng khác / port " + address + " is already in use by another program; choose another port");
                }
                throw new IllegalArgumentException("không mở được cổng " + address + " / cannot listen on " + address
                        + ": " + e.getCause().getMessage());
            } catch (TimeoutException e) {
                throw new IllegalArgumentException("không máy chủ HTTP nào mở cổng " + address + " sau "
                        + timeout.toSeconds() + " giây / no HTTP server listened on " + address + " within "
                        + timeout.toSeconds() + " s");
            }
        }
    }
}
