package vn.lienthong.dms.rest;

import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.OutputStream;
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
 * platform-http's own streaming mode does. The thread that waits for the body is one of the few workers every
 * client shares, so a body must keep up a minimum rate ({@link RestLimits}), and one announced larger than it may be
 * is refused before a byte of it is read.
 */
final class RequestBody {

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

    /**
     * Copies the whole body into {@code sink} (which the caller closes); at most {@code limit} bytes are accepted, and
     * the body must arrive at the pace of {@code limits}.
     */
    static void copy(HttpServerRequest request, OutputStream sink, long limit, RestLimits limits)
            throws IOException, BodyTooLargeException, BadRequest {
        refuseDeclaredOver(request, limit);
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
                done.completeExceptionally(new StoreFailed(e));
            }
        });
        request.endHandler(end -> done.complete(null));
        start(request);
        await(request, done, limits);
    }

    /** Refuses a body whose declared Content-Length is over {@code limit}, before any of it is read. */
    static void refuseDeclaredOver(HttpServerRequest request, long limit) throws BodyTooLargeException {
        String declared = request.getHeader("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.strip()) > limit) {
                    throw new BodyTooLargeException(limit);
                }
            } catch (NumberFormatException malformed) {
                // the HTTP server has refused it already
            }
        }
    }

    /** Whether the request comes with a body (declared by its length or sent in chunks), read or not. */
    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return request.getHeader("Transfer-Encoding") != null || (length != null && !"0".equals(length.strip()));
    }

    /** Lets a paused request flow: first the interim 100 Continue the client may be waiting for, then the bytes. */
    static void start(HttpServerRequest request) {
        if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && !request.response().headWritten()) {
            request.response().writeContinue();
        }
        request.resume();
    }

    /**
     * Waits until {@code done} completes, as long as the client keeps sending at least the minimum rate of
     * {@code limits} over each of its windows: a large body over a slow line is fine, a trickle is not. Unwraps the
     * failure; a body that was cut off or came too slowly is the request's fault, answered 400 or 408.
     */
    static void await(HttpServerRequest request, CompletableFuture<Void> done, RestLimits limits)
            throws IOException, BodyTooLargeException, BadRequest {
        long windowStart = request.bytesRead();
        while (true) {
            try {
                done.get(limits.rateWindow().toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException windowOver) {
                long now = request.bytesRead();
                if (now - windowStart < Math.max(1, limits.minimumPerWindow())) {
                    done.completeExceptionally(new IOException("too slow")); // the handlers drop what still comes
                    throw new BadRequest(408, RestErrors.uploadTooSlow(limits));
                }
                windowStart = now;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the request body", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof BodyTooLargeException tooLarge) {
                    throw tooLarge;
                }
                if (e.getCause() instanceof BadRequest badRequest) {
                    throw badRequest;
                }
                if (e.getCause() instanceof StoreFailed storeFailed) {
                    throw storeFailed; // the connector's own failure, not the client's
                }
                if (!(e.getCause() instanceof IOException)) {
                    throw new IOException(e.getCause()); // e.g. a multipart body that cannot be decoded: said by the caller
                }
                throw new BadRequest(400, RestErrors.bodyCutOff()); // the connection broke or closed mid-body
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

    /** Writing what arrived failed on the connector's side (a full disk, say): not the client's doing. */
    static final class StoreFailed extends IOException {

        StoreFailed(IOException cause) {
            super("the request body could not be stored: " + cause.getMessage(), cause);
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
