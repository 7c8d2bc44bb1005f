package vn.lienthong.ops.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Writer} onto a chunked response, for code that writes text (an export): it sends a chunk every 64 KiB and
 * waits while the client reads slower than the text comes, so what waits is bounded, never the whole answer.
 */
final class ChunkedWriter extends Writer {

    private static final int CHUNK = 64 * 1024;

    private final HttpServerResponse response;
    private final StringBuilder pending = new StringBuilder();

    ChunkedWriter(HttpServerResponse response) {
        this.response = response;
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        pending.append(text, offset, length);
        if (pending.length() >= CHUNK) {
            send();
        }
    }

    @Override
    public void flush() throws IOException {
        send();
    }

    @Override
    public void close() throws IOException {
        send();
    }

    private void send() throws IOException {
        if (pending.length() == 0) {
            return;
        }
        if (response.closed()) {
            throw new IOException("the client closed the stream");
        }
        response.write(Buffer.buffer(pending.toString().getBytes(StandardCharsets.UTF_8)));
        pending.setLength(0);
        if (response.writeQueueFull()) {
            CountDownLatch drained = new CountDownLatch(1);
            response.drainHandler(ignored -> drained.countDown());
            try {
                while (response.writeQueueFull() && !drained.await(1, TimeUnit.SECONDS)) {
                    if (response.closed()) {
                        throw new IOException("the client closed the stream");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the client was reading", e);
            }
        }
    }
}
