package vn.lienthong.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The DMS side of a load test, by REST as a vendor would: senders POST envelopes to the sending connector, a
 * reader takes them from the recipient's pull inbox (and acknowledges each), and afterwards each document's SENT
 * time is read from its timeline at the sending connector. Every time is wall-clock milliseconds since the epoch,
 * so the connectors' own timestamps compare with the harness's on the same machine.
 */
final class LoadTraffic {

    /** One document's journey; times are epoch milliseconds, 0 until known. */
    static final class Journey {
        final LoadMix.Envelope envelope;
        volatile double posted;
        volatile double accepted;
        volatile double sent;
        /** At the recipient connector: when it registered the document (its "created"), after fetch, queue, intake. */
        volatile double registered;
        /** At the recipient connector: when the document entered the pull inbox (its "updated" once DELIVERED). */
        volatile double deliverable;
        volatile double arrived;
        volatile String key;
        volatile String failure;

        Journey(LoadMix.Envelope envelope) {
            this.envelope = envelope;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CLOCK_BASE_MILLIS = System.currentTimeMillis();
    private static final long CLOCK_BASE_NANOS = System.nanoTime();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI senderApi;
    private final String senderKey;
    private final URI recipientApi;
    private final String recipientKey;
    private final Map<Integer, Journey> byNumber = new ConcurrentHashMap<>();
    private final AtomicInteger arrivals = new AtomicInteger();
    private volatile boolean reading = true;

    LoadTraffic(LoadNetwork network) {
        this.senderApi = network.senderApi();
        this.senderKey = network.senderKey;
        this.recipientApi = network.recipientApi();
        this.recipientKey = network.recipientKey;
    }

    /** Wall-clock epoch milliseconds with the resolution of nanoTime. */
    static double now() {
        return CLOCK_BASE_MILLIS + (System.nanoTime() - CLOCK_BASE_NANOS) / 1e6;
    }

    /** Starts the inbox reader on a daemon thread; it runs until {@link #stopReading}. */
    void startReadingInbox() {
        Thread reader = new Thread(this::readInbox, "load-inbox-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void stopReading() {
        reading = false;
    }

    /**
     * {@code senders} threads POST the envelopes, each taking the next one, until all are posted or time is up. With
     * a {@code rate} (documents/s, above 0) the n-th POST starts no earlier than n / rate seconds after the first, so
     * the senders together post at most that many per second; 0 posts as fast as the senders go.
     */
    List<Journey> send(List<LoadMix.Envelope> envelopes, int senders, double rate, Duration limit)
            throws InterruptedException {
        List<Journey> journeys = envelopes.stream().map(Journey::new).toList();
        journeys.forEach(journey -> byNumber.put(journey.envelope.number(), journey));
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        long begin = System.nanoTime();
        for (int i = 0; i < senders; i++) {
            pool.execute(() -> {
                for (int n = next.getAndIncrement(); n < journeys.size(); n = next.getAndIncrement()) {
                    if (rate > 0 && !waitUntil(begin + (long) (n * 1e9 / rate))) {
                        journeys.get(n).failure = "interrupted";
                        return;
                    }
                    post(journeys.get(n));
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
        }
        return journeys;
    }

    /** Sleeps until {@code System.nanoTime()} reaches {@code dueNanos}; false when interrupted. */
    private static boolean waitUntil(long dueNanos) {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Waits until every journey has arrived in the inbox or failed; false when {@code limit} passed first. */
    boolean awaitArrivals(List<Journey> journeys, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (journeys.stream().allMatch(journey -> journey.arrived > 0 || journey.failure != null)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Reads, at the sending connector, when each accepted document was SENT (its timeline's "sent" entry). */
    void readSentTimes(List<Journey> journeys) {
        for (Journey journey : journeys) {
            if (journey.key == null) {
                continue;
            }
            try {
                HttpResponse<String> answer = http.send(request(senderApi, senderKey, "/documents/" + journey.key).GET()
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                JsonNode view = JSON.readTree(answer.body());
                for (JsonNode entry : view.path("timeline")) {
                    if ("sent".equals(entry.path("statusCode").asText())) {
                        journey.sent = epochMillis(entry.path("at"));
                        break;
                    }
                }
            } catch (IOException e) {
                // left unknown: counted as not SENT
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void post(Journey journey) {
        try {
            for (int attempt = 0; attempt < 100; attempt++) {
                journey.posted = now();
                HttpResponse<String> answer = http.send(request(senderApi, senderKey, "/documents")
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofFile(journey.envelope.file())).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (answer.statusCode() == 202) {
                    journey.accepted = now();
                    journey.key = JSON.readTree(answer.body()).path("key").asText();
                    return;
                }
                if (answer.statusCode() != 429) {
                    journey.failure = "HTTP " + answer.statusCode() + ": "
                            + answer.body().substring(0, Math.min(300, answer.body().length()));
                    return;
                }
                Thread.sleep(100);
            }
            journey.failure = "still 429 after 100 attempts";
        } catch (IOException e) {
            journey.failure = e.toString();
        } catch (InterruptedException e) {
            journey.failure = "interrupted";
            Thread.currentThread().interrupt();
        }
    }

    private void readInbox() {
        while (reading) {
            try {
                HttpResponse<String> answer = http.send(request(recipientApi, recipientKey, "/inbox").GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                double seen = now();
                JsonNode waiting = JSON.readTree(answer.body());
                for (JsonNode document : waiting) {
                    Journey journey = byNumber.get(number(document.path("documentId").asText()));
                    if (journey != null && journey.arrived == 0) {
                        journey.arrived = seen;
                        journey.registered = epochMillisOrZero(document.path("created"));
                        if ("DELIVERED".equals(document.path("state").asText())) {
                            journey.deliverable = epochMillisOrZero(document.path("updated"));
                        }
                        arrivals.incrementAndGet();
                    }
                    http.send(request(recipientApi, recipientKey, "/inbox/" + document.path("key").asText() + "/ack")
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                }
                if (waiting.isEmpty()) {
                    Thread.sleep(50);
                }
            } catch (IOException e) {
                sleepQuietly();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** 7816 from "000.00.00.G22,2026/11/20,7816/VPCP-KGVX"; -1 when the DocumentId has another shape. */
    static int number(String documentId) {
        String[] parts = documentId.split(",");
        if (parts.length < 3) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[2].substring(0, parts[2].indexOf('/')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** As {@link #epochMillis}; 0 (unknown) when the field is missing or not a time. */
    private static double epochMillisOrZero(JsonNode at) {
        try {
            return at.isMissingNode() || at.isNull() ? 0 : epochMillis(at);
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }

    /** An ISO-8601 instant, or Jackson's decimal seconds since the epoch. */
    private static double epochMillis(JsonNode at) {
        if (at.isNumber()) {
            return at.decimalValue().multiply(BigDecimal.valueOf(1000)).doubleValue();
        }
        Instant instant = Instant.parse(at.asText());
        return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1e6;
    }

    private static HttpRequest.Builder request(URI api, String key, String path) {
        return HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(120)).header("X-Api-Key", key);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
