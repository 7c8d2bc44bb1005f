package vn.lienthong.ops.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Bytes written to a chunked response from a blocking handler, a buffer at a time, waiting while the client reads
 * slower than they come: what is in flight stays bounded, never the whole answer. A client that went away stops the
 * writer with an IOException. Closing flushes; ending the response is the caller's.
 */
final class ResponseOutputStream extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    private final HttpServerResponse response;
    private final byte[] buffer = new byte[CHUNK];
    private int filled;

    ResponseOutputStream(HttpServerResponse response) {
        this.response = response;
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == buffer.length) {
            flush();
        }
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == buffer.length) {
                flush();
            }
            int n = Math.min(length, buffer.length - filled);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        if (filled == 0) {
            return;
        }
        if (response.closed()) {
            throw new IOException("the client closed the stream");
        }
        response.write(Buffer.buffer().appendBytes(buffer, 0, filled));
        filled = 0;
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
                throw new InterruptedIOException("interrupted while the client was reading");
            }
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
