package vn.lienthong.transport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.axis.AxisException;
import vn.lienthong.axis.ReceivedPackage;
import vn.lienthong.edxml.MessageType;
import vn.lienthong.ops.AxisReachability;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.metrics.FlowMetrics;
import java.time.Duration;

/**
 * Collects what waits for this agency on the axis. The route fetches each package into the store, puts it on
 * a durable queue, and only then acknowledges it ({@code updateStatus done}), so a crash at any point leaves
 * the package either on our queue or still listed on the axis, never neither. A package fetched twice is
 * harmless: inbound intake recognises its key.
 *
 * <p>One poll takes at most {@code maxPerPoll} packages of the list, which the route fetches in parallel. After a
 * poll that collected at least one package the route polls again at once ({@link #pollAgainAtOnce}); otherwise it
 * ticks again after lienthong.axis.busy-poll-delay-ms, and the tick lists the axis only when it is due
 * ({@link Pacing}): at every tick while a package was collected within the busy window, else once the poll interval
 * has passed since the last list, and always the interval after a list the axis did not answer. Polls never
 * overlap (the route's scheduler runs one at a time), so the tally and times of a poll are this bean's own.
 */
public final class InboxPoller {

    private static final Logger LOG = LoggerFactory.getLogger(InboxPoller.class);

    /** lienthong.axis.max-per-poll when none is given. */
    public static final int DEFAULT_MAX_PER_POLL = 100;

    /**
     * When a tick of the poll lists the axis. While a package was collected less than {@code busyWindow} ago, at every
     * tick; otherwise, and always after a list the axis did not answer, once {@code interval} has passed since the
     * last list (lienthong.axis.poll-interval-ms, lienthong.axis.busy-window-ms).
     */
    public record Pacing(Duration interval, Duration busyWindow) {

        /** Lists at every tick: the tick alone paces the poll. */
        public static final Pacing EVERY_TICK = new Pacing(Duration.ZERO, Duration.ZERO);

        public Pacing {
            if (interval.isNegative() || busyWindow.isNegative()) {
                throw new IllegalArgumentException("the poll interval and busy window cannot be negative");
            }
        }
    }

    private final AxisClient axis;
    private final DocumentStore store;
    private final TransmissionLog log;
    private final AxisReachability reachability;
    private final FlowMetrics metrics;
    private final int maxPerPoll;
    private final Pacing pacing;
    /** Packages acknowledged since the current poll listed what waits. */
    private final AtomicInteger collectedThisPoll = new AtomicInteger();
    /** System.nanoTime() of the last list asked of the axis, and whether it failed; written by the poll only. */
    private long lastListed;
    private boolean listedOnce;
    private boolean lastListFailed;
    /** System.nanoTime() of the last acknowledgement (written by the fetchers), when there was one. */
    private volatile long lastCollected;
    private volatile boolean collectedOnce;
    private final AtomicLong lists = new AtomicLong();

    public InboxPoller(AxisClient axis, DocumentStore store, TransmissionLog log, AxisReachability reachability) {
        this(axis, store, log, reachability, FlowMetrics.NONE, DEFAULT_MAX_PER_POLL, Pacing.EVERY_TICK);
    }

    /**
     * As above, each package fetched counted and timed in {@code metrics}, and at most {@code maxPerPoll} packages
     * taken from one list (lienthong.axis.max-per-poll), so a poll ends soon and the list is read again fresh; the
     * axis listed as {@code pacing} says.
     */
    public InboxPoller(AxisClient axis, DocumentStore store, TransmissionLog log, AxisReachability reachability,
                       FlowMetrics metrics, int maxPerPoll, Pacing pacing) {
        if (maxPerPoll < 1) {
            throw new IllegalArgumentException("lienthong.axis.max-per-poll must be at least 1, not " + maxPerPoll);
        }
        this.maxPerPoll = maxPerPoll;
        this.pacing = pacing;
        this.metrics = metrics;
        this.axis = axis;
        this.store = store;
        this.log = log;
        this.reachability = reachability;
    }

    /**
     * A package fetched into the store under a temporary name, for the inbound or status-in queue, with what the
     * axis's list said of its sender and recipients (intake uses them where the envelope is silent).
     */
    public record Fetched(String docId, String messageType, String file, String from, String to) {

        public boolean isStatus() {
            return "status".equalsIgnoreCase(messageType);
        }
    }

    /**
     * What this poll takes of everything waiting: documents first, then status notices, at most {@code maxPerPoll}
     * in all. When both kinds wait beyond that, status notices keep at least half the places, so a stream of
     * documents never holds them back for ever. Starts the poll's tally of collected packages. Nothing, without
     * asking the axis, when the previous poll collected nothing and a list is not due yet ({@link Pacing}).
     */
    public List<ReceivedPackage> waiting() throws AxisException {
        // Right after a poll that collected, the list is asked again at once (the route's greedy re-poll).
        boolean previousCollected = collectedThisPoll.getAndSet(0) > 0;
        long now = System.nanoTime();
        if (!previousCollected && !listDue(now)) {
            return List.of();
        }
        lastListed = now;
        listedOnce = true;
        lists.incrementAndGet();
        List<ReceivedPackage> documents;
        List<ReceivedPackage> statuses;
        try {
            documents = axis.getReceivedEdocList(MessageType.EDOC);
            statuses = axis.getReceivedEdocList(MessageType.STATUS);
            reachability.polled();
            lastListFailed = false;
        } catch (AxisException e) {
            lastListFailed = true;
            reachability.failed(e.getMessage());
            throw e;
        }
        List<ReceivedPackage> taken = take(documents, statuses, maxPerPoll);
        if (!taken.isEmpty()) {
            LOG.debug("{} package(s) waiting on the axis, {} taken in this poll", documents.size() + statuses.size(),
                    taken.size());
        }
        return taken;
    }

    private boolean listDue(long now) {
        if (!listedOnce) {
            return true;
        }
        boolean intervalPassed = now - lastListed >= pacing.interval().toNanos();
        if (lastListFailed) {
            return intervalPassed;
        }
        boolean busy = collectedOnce && now - lastCollected < pacing.busyWindow().toNanos();
        return busy || intervalPassed;
    }

    /** Documents first, then status notices, at most {@code max}; status notices keep half the places if they need them. */
    static List<ReceivedPackage> take(List<ReceivedPackage> documents, List<ReceivedPackage> statuses, int max) {
        int statusPlaces = Math.min(statuses.size(), Math.max(max - documents.size(), max / 2));
        int documentPlaces = Math.min(documents.size(), max - statusPlaces);
        List<ReceivedPackage> taken = new ArrayList<>(documentPlaces + statusPlaces);
        taken.addAll(documents.subList(0, documentPlaces));
        taken.addAll(statuses.subList(0, statusPlaces));
        return taken;
    }

    /** How many times the axis has been asked what waits (each time for documents and for status notices). */
    public long lists() {
        return lists.get();
    }

    /**
     * Whether the route polls again at once rather than after the interval: this poll collected at least one
     * package, so more may wait (beyond {@code maxPerPoll}, or arrived meanwhile).
     */
    public boolean pollAgainAtOnce() {
        return collectedThisPoll.get() > 0;
    }

    public Fetched fetch(ReceivedPackage waiting) throws AxisException, IOException {
        Path file = store.newFetchedFile();
        long begun = System.nanoTime();
        try {
            axis.getEdoc(waiting.docId(), file);
        } catch (AxisException e) {
            store.discard(file);
            metrics.stage(Direction.INBOUND, "received", "failed", Duration.ofNanos(System.nanoTime() - begun));
            throw e;
        }
        metrics.stage(Direction.INBOUND, "received", "ok", Duration.ofNanos(System.nanoTime() - begun));
        String messageType = waiting.messageType() == null ? "edoc" : waiting.messageType();
        log.append(null, Steps.FETCHED_FROM_AXIS, Steps.OK, 1, null, "axis DocId " + waiting.docId() + " (" + messageType + ")");
        return new Fetched(waiting.docId(), messageType, file.toString(), waiting.from(), waiting.to());
    }

    /** Tells the axis the package is safely ours; called only after it is on a durable queue. */
    public void acknowledge(String docId) throws AxisException {
        axis.updateStatus(docId, true);
        collectedThisPoll.incrementAndGet();
        lastCollected = System.nanoTime();
        collectedOnce = true;
        log.append(null, Steps.COLLECTED, Steps.OK, 1, null, "axis DocId " + docId);
    }
}
