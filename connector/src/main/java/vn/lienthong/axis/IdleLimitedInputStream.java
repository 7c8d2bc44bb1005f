package vn.lienthong.axis;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The body of an axis answer, closed when no byte has arrived for {@code limit}. The JDK client's request timeout
 * ends with the answer's headers: an axis (or a proxy) that stops in the middle of a body would otherwise hold the
 * reading consumer for ever, and with it a queue. Closing the JDK's body stream wakes a read that is waiting; the
 * reader then gets an {@link IOException} that says the answer stalled, which is a transient failure like any broken
 * answer, so the broker tries again later.
 */
final class IdleLimitedInputStream extends FilterInputStream {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "lienthong-axis-answer-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration limit;
    private final long limitNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean stalled;
    private volatile boolean closed;

    private IdleLimitedInputStream(InputStream body, Duration limit) {
        super(body);
        this.limit = limit;
        this.limitNanos = limit.toNanos();
        long period = Math.max(10, Math.min(1_000, limit.toMillis() / 4));
        this.check = WATCHDOG.scheduleWithFixedDelay(this::closeIfIdle, period, period, TimeUnit.MILLISECONDS);
    }

    static InputStream of(InputStream body, Duration limit) {
        return new IdleLimitedInputStream(body, limit);
    }

    private void closeIfIdle() {
        if (!closed && System.nanoTime() - lastProgress > limitNanos) {
            stalled = true;
            check.cancel(false);
            try {
                in.close();
            } catch (IOException ignored) {
                // The reader learns of the stall from the next read; a failing close adds nothing.
            }
        }
    }

    @Override
    public int read() throws IOException {
        int value = guarded(super.read());
        progressed(value < 0 ? 0 : 1);
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count;
        try {
            count = super.read(buffer, offset, length);
        } catch (IOException broken) {
            throw stalled ? stall() : broken;
        }
        progressed(guarded(count));
        return count;
    }

    private int guarded(int count) throws IOException {
        if (stalled) {
            throw stall();
        }
        return count;
    }

    private void progressed(int count) {
        if (count > 0) {
            lastProgress = System.nanoTime();
        }
    }

    private IOException stall() {
        return new IOException("no byte of the answer arrived for " + limit.toMillis() + " ms; the connection was closed");
    }

    @Override
    public void close() throws IOException {
        closed = true;
        check.cancel(false);
        super.close();
    }
}
