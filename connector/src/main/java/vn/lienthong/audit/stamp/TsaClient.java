package vn.lienthong.audit.stamp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Asks an RFC 3161 time-stamping authority, over HTTP(S), for a time stamp over SHA-256 of some bytes. The request
 * asks for the TSA's certificate in the token and carries a random nonce; the answer must be granted and match the
 * request (nonce, imprint, certificate). The whole exchange is bounded in time and the answer in size, so a slow or
 * hostile TSA can neither hold the caller nor exhaust its memory. Thread-safe.
 */
public final class TsaClient {

    /** A TimeStampResp with a certificate chain is a few KiB; a real one never comes near this. */
    static final int MAX_ANSWER = 64 * 1024;

    private static final SecureRandom NONCES = new SecureRandom();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    public TsaClient(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the TSA timeout must be positive: " + timeout);
        }
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The DER TimeStampToken over SHA-256 of {@code data}.
     *
     * @throws StampException {@code TSA_UNREACHABLE}, {@code TSA_TIMEOUT}, {@code TSA_REFUSED} (an HTTP error or a
     *                        rejection), {@code TSA_ANSWER_MALFORMED} or {@code TSA_ANSWER_MISMATCH}
     */
    public byte[] timestamp(byte[] data) throws StampException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256(data),
                new BigInteger(64, NONCES));
        HttpResponse<byte[]> answer = exchange(encoded(request));
        if (answer.statusCode() != 200) {
            throw new StampException("TSA_REFUSED",
                    "Máy chủ cấp dấu thời gian " + url + " từ chối yêu cầu (HTTP " + answer.statusCode() + ").",
                    "The time-stamping authority " + url + " refused the request (HTTP " + answer.statusCode() + ").");
        }
        TimeStampResponse response = parsed(answer);
        try {
            response.validate(request);
        } catch (TSPValidationException mismatch) {
            throw new StampException("TSA_ANSWER_MISMATCH",
                    "Câu trả lời của máy chủ cấp dấu thời gian " + url
                            + " không khớp với yêu cầu (số ngẫu nhiên, giá trị băm hoặc chứng thư số khác với yêu cầu).",
                    "The answer of the time-stamping authority " + url + " does not match the request ("
                            + mismatch.getMessage() + ").", mismatch);
        } catch (TSPException refused) {
            String reason = response.getStatusString() != null ? response.getStatusString() : "status " + response.getStatus();
            throw new StampException("TSA_REFUSED",
                    "Máy chủ cấp dấu thời gian " + url + " không cấp dấu thời gian (máy chủ ghi: \"" + reason + "\").",
                    "The time-stamping authority " + url + " did not grant a time stamp (" + reason + ").", refused);
        }
        TimeStampToken token = response.getTimeStampToken();
        try {
            return token.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a parsed time-stamp token", e);
        }
    }

    private HttpResponse<byte[]> exchange(byte[] request) throws StampException {
        HttpRequest post = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", TsaEndpoint.QUERY_TYPE).header("Accept", TsaEndpoint.REPLY_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(post, info -> new Bounded(MAX_ANSWER));
        try {
            // The request timeout ends at the answer's headers; this bounds the body too.
            return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw timedOut(e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw unreachable(e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw timedOut(cause);
            }
            if (cause instanceof TooLong) {
                throw malformed("longer than " + MAX_ANSWER + " bytes", "dài quá " + MAX_ANSWER + " byte", cause);
            }
            throw unreachable(cause);
        }
    }

    private TimeStampResponse parsed(HttpResponse<byte[]> answer) throws StampException {
        try {
            return new TimeStampResponse(answer.body());
        } catch (TSPException | IOException | RuntimeException e) {
            String type = answer.headers().firstValue("Content-Type").orElse("no content type");
            throw malformed("not a TimeStampResp, " + type, "không phải TimeStampResp, " + type, e);
        }
    }

    private StampException unreachable(Throwable cause) {
        boolean refused = cause instanceof ConnectException;
        String what = refused ? "connection refused" : String.valueOf(cause);
        return new StampException("TSA_UNREACHABLE",
                "Không kết nối được máy chủ cấp dấu thời gian " + url + " ("
                        + (refused ? "máy chủ từ chối kết nối" : "lỗi mạng") + ").",
                "The time-stamping authority " + url + " cannot be reached (" + what + ").", cause);
    }

    private StampException timedOut(Throwable cause) {
        return new StampException("TSA_TIMEOUT",
                "Máy chủ cấp dấu thời gian " + url + " không trả lời trong " + timeout.toMillis() + " ms.",
                "The time-stamping authority " + url + " did not answer within " + timeout.toMillis() + " ms.", cause);
    }

    private StampException malformed(String english, String vietnamese, Throwable cause) {
        return new StampException("TSA_ANSWER_MALFORMED",
                "Câu trả lời của máy chủ cấp dấu thời gian " + url + " không đọc được (" + vietnamese + ").",
                "The answer of the time-stamping authority " + url + " cannot be read (" + english + ").", cause);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] encoded(TimeStampRequest request) {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a time-stamp request", e);
        }
    }

    /** An answer longer than the bound. */
    private static final class TooLong extends IOException {
        TooLong() {
            super("the answer is longer than " + MAX_ANSWER + " bytes");
        }
    }

    /** Collects the body up to a bound, and cancels the transfer beyond it. */
    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Bounded(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription given) {
            subscription = given;
            given.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (body.size() + buffer.remaining() > limit) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLong());
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(body.toByteArray());
        }
    }
}
