package vn.lienthong.axis;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import vn.lienthong.axis.AxisException.Kind;
import vn.lienthong.edxml.MessageType;
import vn.lienthong.ops.metrics.FlowMetrics;

/**
 * Every call of the axis protocol (spec/axis-protocol.md), over one HTTP/1.1 client whose connections are reused.
 * Safe for use by several threads. Answers are read as streams: a package or the national agency list never has
 * to fit in the heap.
 */
public final class AxisClient implements AutoCloseable {

    private final HttpClient http;
    private final AxisRequests requests;
    private final AxisFailures failures;
    /** The longest silence allowed inside an answer's body (the request timeout covers only the wait for its headers). */
    private final Duration answerIdleLimit;
    private volatile boolean closed;
    private final FlowMetrics metrics;

    public AxisClient(AxisSettings settings, Clock clock) {
        this(settings, clock, FlowMetrics.NONE);
    }

    /** As above, each call counted and timed in {@code metrics}. */
    public AxisClient(AxisSettings settings, Clock clock, FlowMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        this.http = builder.build();
        this.requests = new AxisRequests(settings, clock);
        this.failures = new AxisFailures(settings.secret());
        this.answerIdleLimit = settings.requestTimeout();
    }

    /** Sends an edXML envelope, streamed from the file; returns the platform's DocId for it. */
    public String sendEdoc(Path envelope, String from, MessageType type, List<String> to) throws AxisException {
        return sendEdoc(envelope, null, from, type, to);
    }

    /**
     * As above, with the envelope's SHA-256 already known ({@code sha256}, 32 bytes; null to hash the file now): a
     * document filed under its hash is not read once more to send its hash-file header. A file that no longer matches
     * the hash it was filed under is then refused by the axis, not sent under a new hash.
     */
    public String sendEdoc(Path envelope, byte[] sha256, String from, MessageType type, List<String> to)
            throws AxisException {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(to, "to");
        HttpRequest request;
        try {
            request = requests.sendEdoc(envelope, sha256, from, type, to);
        } catch (IOException unreadable) {
            // Retrying cannot make a missing or unreadable envelope readable.
            throw failures.localFile("sendEdoc", Kind.PERMANENT, "cannot read the envelope " + envelope, unreadable);
        }
        AtomicReference<String> docId = new AtomicReference<>();
        exchange("sendEdoc", request, AnswerFields.text("DocId", docId::set));
        if (docId.get() == null || docId.get().isBlank()) {
            throw failures.missingField("sendEdoc", "DocId");
        }
        return docId.get();
    }

    public List<ReceivedPackage> getReceivedEdocList(MessageType type) throws AxisException {
        List<ReceivedPackage> waiting = new ArrayList<>();
        exchange("getReceivedEdocList", requests.getReceivedEdocList(Objects.requireNonNull(type, "type")),
                AnswerFields.eachOf("data", ReceivedPackage.class, waiting::add));
        return List.copyOf(waiting);
    }

    /**
     * Fetches a package and writes its edXML bytes to {@code target}, decoded on the fly into a temporary file
     * beside it that is forced to disk and then moved into place: the target either is the complete package or
     * is untouched, so a package may be acknowledged once this returns. An existing target is replaced, since the
     * axis hands out a package again until it is acknowledged.
     */
    public void getEdoc(String docId, Path target) throws AxisException {
        Objects.requireNonNull(docId, "docId");
        Path absoluteTarget = Objects.requireNonNull(target, "target").toAbsolutePath();
        Path partial = null;
        try {
            partial = Files.createTempFile(absoluteTarget.getParent(), absoluteTarget.getFileName() + ".", ".part");
            fetchInto(docId, partial);
            Files.move(partial, absoluteTarget, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException storing) {
            // The package stays on the axis until acknowledged, so trying again later loses nothing.
            throw failures.localFile("getEdoc", Kind.TRANSIENT, "cannot store the package " + docId + " at " + target, storing);
        } finally {
            deleteQuietly(partial);
        }
    }

    public void updateStatus(String docId, boolean done) throws AxisException {
        exchange("updateStatus", requests.updateStatus(Objects.requireNonNull(docId, "docId"), done), AnswerFields.NONE);
    }

    public List<SentPackage> getSentEdocList(MessageType type, String docId) throws AxisException {
        List<SentPackage> sent = new ArrayList<>();
        exchange("getSentEdocList",
                requests.getSentEdocList(Objects.requireNonNull(type, "type"), Objects.requireNonNull(docId, "docId")),
                AnswerFields.eachOf("data", SentPackage.class, sent::add));
        return List.copyOf(sent);
    }

    public long countReceiveEdoc() throws AxisException {
        return count("countReceiveEdoc");
    }

    public long countReceiveStatus() throws AxisException {
        return count("countReceiveStatus");
    }

    /**
     * Hands each agency of the directory to {@code each} as it is parsed. They are handed over before the
     * answer's status is known (it may come last); should it then be FAIL, this throws after some were given.
     */
    public void getAgenciesList(Consumer<Agency> each) throws AxisException {
        agencies("getAgenciesList", each);
    }

    /** As {@link #getAgenciesList}, in the directory of Decision 20 (QD20) codes. */
    public void getAgenciesListQD20(Consumer<Agency> each) throws AxisException {
        agencies("getAgenciesListQD20", each);
    }

    public void registerAgency(Agency agency) throws AxisException {
        exchange("registerAgency", requests.registerAgency(Objects.requireNonNull(agency, "agency")), AnswerFields.NONE);
    }

    public void deleteAgency(String agencyCode) throws AxisException {
        exchange("deleteAgency", requests.deleteAgency(Objects.requireNonNull(agencyCode, "agencyCode")), AnswerFields.NONE);
    }

    /**
     * Refuses further calls. Java 17's HttpClient has no close of its own: it lets go of its pooled connections
     * and selector thread once it is no longer referenced.
     */
    @Override
    public void close() {
        closed = true;
    }

    private void fetchInto(String docId, Path partial) throws IOException, AxisException {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024)) {
            AtomicLong decoded = new AtomicLong(-1);
            exchange("getEdoc", requests.getEdoc(docId), AnswerFields.base64("data", out, decoded::set));
            if (decoded.get() < 0) {
                throw failures.missingField("getEdoc", "data");
            }
            out.flush();
            // On disk before the caller acknowledges the package to the axis, so a crash cannot lose it.
            channel.force(true);
        }
    }

    private long count(String call) throws AxisException {
        AtomicReference<String> count = new AtomicReference<>();
        exchange(call, requests.count(call), AnswerFields.text("count", count::set));
        try {
            return Long.parseLong(Objects.requireNonNullElse(count.get(), "").strip());
        } catch (NumberFormatException notACount) {
            throw failures.missingField(call, "a numeric count");
        }
    }

    private void agencies(String call, Consumer<Agency> each) throws AxisException {
        Objects.requireNonNull(each, "each");
        exchange(call, requests.agencies(call), AnswerFields.eachOf("data", Agency.class, each));
    }

    /** Sends the request and reads its answer; returns only when the answer is an OK. */
    private void exchange(String call, HttpRequest request, AnswerFields fields) throws AxisException {
        if (closed) {
            throw new IllegalStateException("the axis client is closed");
        }
        long begun = System.nanoTime();
        String outcome = "failed";
        try {
            answer(call, request, fields);
            outcome = "ok";
        } catch (AxisException e) {
            outcome = e.kind().name().toLowerCase();
            throw e;
        } finally {
            metrics.axisCall(call, outcome, Duration.ofNanos(System.nanoTime() - begun));
        }
    }

    private void answer(String call, HttpRequest request, AnswerFields fields) throws AxisException {
        HttpResponse<InputStream> response = send(call, request);
        try (InputStream body = IdleLimitedInputStream.of(response.body(), answerIdleLimit)) {
            if (response.statusCode() / 100 != 2) {
                throw failures.httpStatus(call, response.statusCode(), AxisAnswerReader.readErrorQuietly(body));
            }
            AxisAnswer answer = AxisAnswerReader.read(body, fields);
            if (!answer.isOk()) {
                throw answer.status() == null ? failures.answerWithoutStatus(call) : failures.failAnswer(call, answer);
            }
        } catch (JsonProcessingException unreadable) {
            throw failures.unreadableAnswer(call, unreadable);
        } catch (IOException broken) {
            throw failures.brokenAnswer(call, broken);
        }
    }

    private HttpResponse<InputStream> send(String call, HttpRequest request) throws AxisException {
        try {
            return http.send(request, BodyHandlers.ofInputStream());
        } catch (IOException unreachable) {
            throw failures.noAnswer(call, unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failures.interrupted(call, interrupted);
        }
    }

    private static void deleteQuietly(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // A leftover *.part file is harmless and is replaced by the next fetch; the caller's error matters more.
        }
    }
}
