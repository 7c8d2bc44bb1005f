package vn.lienthong.dms.rest;

import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/**
 * Reads a request body the HTTP server left unread. The REST endpoints run with {@code useBodyHandler=false}, so
 * platform-http hands over the paused Vert.x request instead of buffering its body in memory; this class lets the
 * bytes flow only once the caller is authenticated, and writes each network chunk to its sink as it arrives, so no
 * body is ever held whole in the heap. Writing a chunk to a local file on the event loop is short, the same thing
 * platform-http's own streaming mode does.
 */
final class RequestBody {

    /** A client that sends nothing for this long is given up on (a half-sent body must not hold a thread forever). */
    static final Duration IDLE_LIMIT = Duration.ofSeconds(60);

    private RequestBody() {
    }

    /** The Vert.x request behind a platform-http message. */
    static HttpServerRequest of(Message message) {
        if (message.getBody() instanceof HttpServerRequest request) {
            return request;
        }
        if (message instanceof HttpMessage http) {
            return http.getRequest();
        }
        throw new IllegalStateException("not a platform-http request: " + message.getClass().getName());
    }

    /** Copies the whole body into {@code sink} (which the caller closes); at most {@code limit} bytes are accepted. */
    static void copy(HttpServerRequest request, OutputStream sink, long limit) throws IOException, BodyTooLargeException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicLong received = new AtomicLong();
        request.exceptionHandler(done::completeExceptionally);
        request.handler(chunk -> {
            if (done.isDone()) {
                return; // refused already: the rest is drained and dropped
            }
            if (received.addAndGet(chunk.length()) > limit) {
                done.completeExceptionally(new BodyTooLargeException(limit));
                return;
            }
            try {
                sink.write(chunk.getBytes());
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        });
        request.endHandler(end -> done.complete(null));
        start(request);
        await(request, done);
    }

    /** Lets a paused request flow: first the interim 100 Continue the client may be waiting for, then the bytes. */
    static void start(HttpServerRequest request) {
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && !request.response().headWritten()) {
            request.response().writeContinue();
        }
        request.resume();
    }

    /**
     * Waits until {@code done} completes, as long as the client keeps sending; unwraps the failure. The wait is
     * bounded by progress, not by total time, so a large body over a slow line is fine and a stalled one is not.
     */
    static void await(HttpServerRequest request, CompletableFuture<Void> done) throws IOException, BodyTooLargeException {
        long seen = -1;
        while (true) {
            try {
                done.get(IDLE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException idle) {
                long now = request.bytesRead();
                if (now == seen) {
                    done.completeExceptionally(new IOException("the client sent nothing for " + IDLE_LIMIT.toSeconds() + " s"));
                } else {
                    seen = now;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the request body", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof BodyTooLargeException tooLarge) {
                    throw tooLarge;
                }
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    /**
     * Consumes and drops whatever of the body was not read (a refused or body-less request), so that the
     * connection is free for the client's next request. Nothing happens if the body was read to its end.
     */
    static void discardUnread(HttpServerRequest request) {
        try {
            request.handler(chunk -> { });
            request.resume();
        } catch (IllegalStateException alreadyRead) {
            // the request has ended: nothing left to drop
        }
    }

    /** The body is larger than this operation accepts. */
    static final class BodyTooLargeException extends Exception {

        private final long limit;

        BodyTooLargeException(long limit) {
            super("the body is larger than " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }
}
