package vn.lienthong.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.findings.Direction;

/**
 * The connector's metrics in a Prometheus registry (served at /metrics on the management port). Flow and axis events
 * are recorded as they happen ({@link FlowMetrics}); what must be asked for (documents per state from the database,
 * queues from the broker, disk use) is read in the background every refresh interval into {@link Readings}, so a
 * scrape only formats numbers already known. Every name is in docs/operating.md, "Metrics".
 */
public final class ConnectorMetrics implements FlowMetrics, AutoCloseable {

    /** Prometheus's text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(ConnectorMetrics.class);
    /** The longest throughput window the dashboard asks for. */
    private static final Duration THROUGHPUT_KEPT = Duration.ofHours(1);

    /**
     * Where the background readings come from.
     *
     * @param documents        documents per direction and state (state names as keys)
     * @param queues           the broker's queues
     * @param lastPoll         when the axis last answered a poll; null while it has not
     * @param certificates     the configured certificates
     * @param dataDirectory    the data directory
     * @param journalDirectory the embedded broker's directory, or null with an external broker
     */
    public record Sources(Supplier<Map<Direction, Map<String, Long>>> documents, QueueStats queues,
                          Supplier<Instant> lastPoll, List<CertificateExpiry> certificates, Path dataDirectory,
                          Path journalDirectory) {
    }

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Sources sources;
    private final Clock clock;
    private final Instant started;
    private final ScheduledExecutorService refresher;
    private final MultiGauge documents;
    private final MultiGauge queueMessages;
    private final MultiGauge queueOldest;
    private final MultiGauge deadLetters;
    private final Throughput throughput;
    private volatile Readings readings = Readings.NONE;
    private volatile boolean lastRefreshFailed;

    public ConnectorMetrics(Sources sources, Clock clock) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.clock = clock;
        this.started = clock.instant();
        this.throughput = new Throughput(started, THROUGHPUT_KEPT);
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lienthong-metrics");
            thread.setDaemon(true);
            return thread;
        });
        documents = MultiGauge.builder("lienthong.documents")
                .description("Documents in the tracking database, per direction and state").register(registry);
        queueMessages = MultiGauge.builder("lienthong.queue.messages")
                .description("Messages waiting in a queue of the broker (dead-letter queues included)").register(registry);
        queueOldest = MultiGauge.builder("lienthong.queue.oldest.message.age.seconds")
                .description("Age of the oldest message in a queue; 0 when it is empty").register(registry);
        deadLetters = MultiGauge.builder("lienthong.dead.letters")
                .description("Messages in the dead-letter queue of an address, waiting for an operator").register(registry);
        Gauge.builder("lienthong.queue.stats.up", this, metrics -> metrics.readings.queuesKnown() ? 1 : 0)
                .description("1 when the broker's queues could be read at the latest refresh, else 0").register(registry);
        Gauge.builder("lienthong.axis.last.poll.age.seconds", this, ConnectorMetrics::lastPollAgeSeconds)
                .description("Seconds since the axis last answered a poll (since start while it has not)").register(registry);
        Gauge.builder("lienthong.data.directory.bytes", this, metrics -> metrics.readings.disk().dataBytes())
                .description("Bytes of every file under the data directory").register(registry);
        Gauge.builder("lienthong.broker.journal.bytes", this, metrics -> metrics.readings.disk().journalBytes())
                .description("Bytes of the embedded broker's journal, bindings, paging and large messages").register(registry);
        Gauge.builder("lienthong.disk.free.bytes", this, metrics -> metrics.readings.disk().freeBytes())
                .description("Bytes still writable on the data directory's file system").register(registry);
        Gauge.builder("lienthong.disk.total.bytes", this, metrics -> metrics.readings.disk().totalBytes())
                .description("Size of the data directory's file system").register(registry);
        for (CertificateExpiry certificate : sources.certificates()) {
            Gauge.builder("lienthong.certificate.expiry.days", certificate, c -> c.daysLeft(clock.instant()))
                    .description("Days until a configured certificate expires; negative once it has")
                    .tags("purpose", certificate.purpose(), "subject", certificate.subject())
                    .register(registry);
        }
    }

    /** Reads now, then every {@code interval} in the background. */
    public ConnectorMetrics start(Duration interval) {
        refresh();
        refresher.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The metrics in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }

    public Readings readings() {
        return readings;
    }

    /** Seconds since the axis last answered a poll, or since start while it has not. */
    public double lastPollAgeSeconds() {
        Instant lastPoll = sources.lastPoll().get();
        return Duration.between(lastPoll == null ? started : lastPoll, clock.instant()).toMillis() / 1000.0;
    }

    public List<CertificateExpiry> certificates() {
        return sources.certificates();
    }

    /**
     * Documents sent to the axis, received from it and delivered to DMS clients over the last {@code window} (at the
     * precision of the refresh interval), and since start.
     */
    public Throughput.Window throughput(Duration window) {
        return throughput.over(window, clock.instant(), flowTotals());
    }

    private Throughput.Counts flowTotals() {
        return new Throughput.Counts(flowCount(Direction.OUTBOUND, "sent", "sent"),
                flowCount(Direction.INBOUND, "received", "ok"), flowCount(Direction.INBOUND, "delivery", "ok"));
    }

    private long flowCount(Direction direction, String stage, String outcome) {
        Counter counter = registry.find("lienthong.flow.documents")
                .tags("direction", direction.name().toLowerCase(), "stage", stage, "outcome", outcome).counter();
        return counter == null ? 0 : (long) counter.count();
    }

    @Override
    public void stage(Direction direction, String stage, String outcome, Duration took) {
        String flow = direction.name().toLowerCase();
        Counter.builder("lienthong.flow.documents").description("Documents that passed a stage of a flow, by outcome")
                .tags("direction", flow, "stage", stage, "outcome", outcome).register(registry).increment();
        Timer.builder("lienthong.flow.stage.duration").description("Time a stage of a flow took for one document")
                .tags("direction", flow, "stage", stage).register(registry).record(took);
    }

    @Override
    public void reached(Direction direction, String stage, Instant takenIn) {
        if (takenIn == null) {
            return;
        }
        Duration sinceIntake = Duration.between(takenIn, clock.instant());
        Timer.builder("lienthong.flow.latency").description("Time from intake until a document reached a stage")
                .tags("direction", direction.name().toLowerCase(), "stage", stage).register(registry).record(sinceIntake);
    }

    @Override
    public void axisCall(String call, String outcome, Duration took) {
        Counter.builder("lienthong.axis.calls").description("Calls to the axis, by call and outcome (ok or the failure's kind)")
                .tags("call", call, "outcome", outcome).register(registry).increment();
        Timer.builder("lienthong.axis.call.duration").description("Time a call to the axis took")
                .tags("call", call).register(registry).record(took);
    }

    /** Reads documents, queues and disk once; what cannot be read keeps the metric at its last known value. */
    void refresh() {
        try {
            Map<Direction, Map<String, Long>> counts = sources.documents().get();
            List<QueueStats.Queue> queues = List.of();
            boolean queuesKnown = true;
            try {
                queues = sources.queues().read();
            } catch (QueueStats.Unavailable e) {
                queuesKnown = false;
                if (readings.queuesKnown() && !refresher.isShutdown()) {
                    LOG.warn("Queue metrics unavailable: {}", e.getMessage());
                }
            }
            Readings next = new Readings(clock.instant(), counts, queues, queuesKnown,
                    DiskUse.measure(sources.dataDirectory(), sources.journalDirectory()));
            publish(next);
            readings = next;
            throughput.sample(next.at(), flowTotals());
            lastRefreshFailed = false;
        } catch (RuntimeException e) {
            if (!lastRefreshFailed) {
                LOG.warn("Refreshing the metrics failed: {}", e.toString());
            }
            lastRefreshFailed = true;
        }
    }

    private void publish(Readings next) {
        List<MultiGauge.Row<?>> documentRows = new ArrayList<>();
        next.documents().forEach((direction, states) -> states.forEach((state, count) -> documentRows.add(MultiGauge.Row.of(
                Tags.of("direction", direction.name().toLowerCase(), "state", state.toLowerCase()), count))));
        documents.register(documentRows, true);
        if (!next.queuesKnown()) {
            return; // the last known queues stay; lienthong_queue_stats_up says they are stale
        }
        List<MultiGauge.Row<?>> messages = new ArrayList<>();
        List<MultiGauge.Row<?>> oldest = new ArrayList<>();
        List<MultiGauge.Row<?>> dead = new ArrayList<>();
        for (QueueStats.Queue queue : next.queues()) {
            Tags tags = Tags.of("queue", queue.name());
            messages.add(MultiGauge.Row.of(tags, queue.messages()));
            oldest.add(MultiGauge.Row.of(tags, Math.max(0, queue.oldestAgeMillis()) / 1000.0));
            if (queue.deadLetter()) {
                dead.add(MultiGauge.Row.of(Tags.of("address", queue.flow()), queue.messages()));
            }
        }
        queueMessages.register(messages, true);
        queueOldest.register(oldest, true);
        deadLetters.register(dead, true);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        registry.close();
    }
}
