package vn.lienthong.dms.rest;

import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.AttachedFile;

/**
 * A multipart/form-data body, decoded by Vert.x as it arrives: every file part is written to its own temporary
 * file chunk by chunk (see {@link RequestBody} for why on the event loop), and the small text fields stay as
 * strings (Vert.x caps each at 8 KiB). Closing deletes the files.
 *
 * @param fields the text fields by name (a {@code metadata} sent without a file name arrives here)
 * @param parts  the file parts, in the order they came
 */
record MultipartBody(MultiMap fields, List<Part> parts) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartBody.class);
    /** Room for the part headers and boundaries of a body whose files fill the limit. */
    private static final long OVERHEAD = 64 * 1024;

    /** One file part: the form field it came in, the file name the client gave, where its bytes are now. */
    record Part(String field, String fileName, Path file) {

        AttachedFile asAttachment() {
            return new AttachedFile(fileName == null || fileName.isBlank() ? field : fileName, file);
        }
    }

    /** Reads the whole body into {@code directory}; the file parts together may not exceed {@code limit} bytes. */
    static MultipartBody read(HttpServerRequest request, Path directory, long limit, RestLimits limits)
            throws IOException, RequestBody.BodyTooLargeException, BadRequest {
        // The files may take up to the limit; the metadata and the part headers a little more.
        RequestBody.refuseDeclaredOver(request, limit + RestJson.BODY_LIMIT + OVERHEAD);
        CompletableFuture<Void> done = new CompletableFuture<>();
        // Filled on the event loop, read here once done; the lock also orders new parts against abandoning them.
        List<Part> parts = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> partsWritten = Collections.synchronizedList(new ArrayList<>());
        AtomicLong received = new AtomicLong();
        request.setExpectMultipart(true);
        request.uploadHandler(upload -> partsWritten.add(spool(upload, directory, parts, received, limit, done)));
        request.exceptionHandler(done::completeExceptionally);
        request.endHandler(end -> CompletableFuture.allOf(snapshotOf(partsWritten).toArray(CompletableFuture[]::new))
                .whenComplete((ignored, failure) -> {
                    if (failure == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(failure instanceof CompletionException
                                ? failure.getCause() : failure);
                    }
                }));
        RequestBody.start(request);
        try {
            RequestBody.await(request, done, limits);
        } catch (IOException | RequestBody.BodyTooLargeException | BadRequest | RuntimeException e) {
            deleteAll(abandon(parts, done));
            if (e.getCause() instanceof HttpPostRequestDecoder.ErrorDataDecoderException) {
                throw undecodable();
            }
            throw e;
        }
        return new MultipartBody(request.formAttributes(), snapshotOf(parts));
    }

    /** The decoder gave up: a malformed body, or a text part over Vert.x's limit (a metadata sent as a field). */
    private static BadRequest undecodable() {
        return new BadRequest(400, RestErrors.invalid(
                "không đọc được thân multipart/form-data: sai cấu trúc, hoặc một phần văn bản dài quá 8192 byte "
                        + "(hãy gửi metadata dưới dạng tệp: -F metadata=@van-ban.json).",
                "the multipart/form-data body cannot be decoded: it is malformed, or a text part is longer than 8192 bytes "
                        + "(send the metadata as a file part: -F metadata=@document.json)."));
    }

    private static CompletableFuture<Void> spool(HttpServerFileUpload upload, Path directory, List<Part> parts,
                                                 AtomicLong received, long limit, CompletableFuture<Void> done) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        try {
            Path file;
            synchronized (parts) {
                if (done.isDone()) {
                    upload.handler(chunk -> { }); // abandoned: drop the bytes instead of letting Vert.x queue them
                    return CompletableFuture.completedFuture(null);
                }
                file = Files.createTempFile(directory, "upload-", ".part");
                parts.add(new Part(upload.name(), upload.filename(), file));
            }
            OutputStream out = Files.newOutputStream(file);
            upload.handler(chunk -> {
                if (done.isDone() || written.isDone()) {
                    return;
                }
                try {
                    if (received.addAndGet(chunk.length()) > limit) {
                        out.close();
                        fail(written, done, new RequestBody.BodyTooLargeException(limit));
                    } else {
                        out.write(chunk.getBytes());
                    }
                } catch (IOException e) {
                    fail(written, done, new RequestBody.StoreFailed(e));
                }
            });
            upload.exceptionHandler(e -> {
                closeQuietly(out);
                fail(written, done, e);
            });
            upload.endHandler(end -> {
                try {
                    out.close();
                    written.complete(null);
                } catch (IOException e) {
                    fail(written, done, e);
                }
            });
        } catch (IOException e) {
            fail(written, done, e);
        }
        return written;
    }

    /** A part's failure fails the whole body at once, so the waiting thread need not wait for the request's end. */
    private static void fail(CompletableFuture<Void> written, CompletableFuture<Void> done, Throwable failure) {
        written.completeExceptionally(failure);
        done.completeExceptionally(failure);
    }

    /** Gives up on the body: from here on no part gets a file, and the files made so far are returned for deletion. */
    private static List<Part> abandon(List<Part> parts, CompletableFuture<Void> done) {
        synchronized (parts) {
            done.completeExceptionally(new IOException("abandoned"));
            return List.copyOf(parts);
        }
    }

    private static <T> List<T> snapshotOf(List<T> list) {
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // the part failed anyway
        }
    }

    private static void deleteAll(List<Part> parts) {
        for (Part part : parts) {
            try {
                Files.deleteIfExists(part.file());
            } catch (IOException e) {
                LOG.warn("Could not delete the uploaded part {}: {}", part.file().getFileName(), e.getMessage());
            }
        }
    }

    /** The file parts other than the ones named {@code exceptField}. */
    List<Part> partsExcept(String exceptField) {
        return parts.stream().filter(part -> !exceptField.equals(part.field())).toList();
    }

    @Override
    public void close() {
        deleteAll(parts);
    }
}
