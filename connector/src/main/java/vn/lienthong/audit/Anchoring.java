package vn.lienthong.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.audit.stamp.HeadSignature;
import vn.lienthong.audit.stamp.StampException;
import vn.lienthong.audit.stamp.TsaClient;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.audit.tree.TreeHead;
import vn.lienthong.signature.xml.SigningKey;
import vn.lienthong.tracking.AnchorStore;
import vn.lienthong.tracking.LogTree;
import vn.lienthong.tracking.TransmissionLog;

/**
 * Anchors the transmission log: at the configured interval (or every N entries), extends the stored Merkle tree to
 * the log's head, signs the tree head with the agency's key, and has an RFC 3161 authority time-stamp the signature.
 * Each stamped anchor is recorded in the log itself (step {@value #ANCHORED}, contentHash the SHA-256 of the
 * signature), so later anchors cover earlier ones.
 *
 * <p>When the authority cannot be reached, the signed head waits in the anchor table and is offered again with a
 * growing delay; the wait is logged once per outage ({@value #DELAYED}) and shown in /health, and nothing is lost:
 * every head keeps its signature and gets its time stamp when the authority is back. One thread does all of this,
 * apart from the appends, which it never holds up: the tree is extended from committed entries.
 */
public final class Anchoring implements AutoCloseable {

    public static final String ANCHORED = "anchored";
    public static final String DELAYED = "anchor-delayed";
    private static final Set<String> OWN_STEPS = Set.of(ANCHORED, DELAYED);
    private static final Duration CHECK = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(Anchoring.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** How anchoring stands, for /health. */
    public record Standing(boolean enabled, String why, AnchorStore.Standing anchors, long unanchoredEntries) {

        /** Anchoring is off, and why; the anchors made before still count. */
        public static Standing off(String why, AnchorStore anchors) {
            return new Standing(false, why, anchors.standing(), 0);
        }
    }

    private final AnchoringSettings settings;
    private final TransmissionLog log;
    private final LogTree tree;
    private final AnchorStore anchors;
    private final SigningKey key;
    private final String agency;
    private final TsaClient tsa;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final Instant started;
    private final LongAdder cpuNanos = new LongAdder();
    /** Only touched on the anchoring thread. */
    private Duration nextDelay;
    private Instant nextStampAttempt;
    private boolean delayLogged;

    public Anchoring(AnchoringSettings settings, TransmissionLog log, LogTree tree, AnchorStore anchors, SigningKey key,
            String agency, TsaClient tsa, Clock clock) {
        this.settings = settings;
        this.log = log;
        this.tree = tree;
        this.anchors = anchors;
        this.key = key;
        this.agency = agency;
        this.tsa = tsa;
        this.clock = clock;
        this.started = clock.instant();
        this.nextDelay = settings.retryDelay();
        this.nextStampAttempt = Instant.MIN;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "log-anchoring");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts checking, every few seconds, whether an anchor is due or a time stamp is owed. */
    public void start() {
        long period = Math.min(CHECK.toMillis(), settings.interval().toMillis());
        thread.scheduleWithFixedDelay(this::tickQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Anchors the log as it stands now, unless the last anchor already covers it, and asks for its time stamp at
     * once; returns the newest anchor (stamped or still waiting), empty for an empty log.
     */
    public Optional<Anchor> anchorNow() {
        try {
            return thread.submit(() -> {
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                try {
                    anchorIfNew(true);
                    stampWaiting(true);
                    return anchors.latest();
                } finally {
                    cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpuBefore);
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return anchors.latest();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the log could not be anchored: " + e.getCause().getMessage(), e.getCause());
        }
    }

    public Standing standing() {
        AnchorStore.Standing standing = anchors.standing();
        long covered = anchors.latest().map(anchor -> anchor.head().size()).orElse(0L);
        return new Standing(true, "", standing, log.countAfter(covered, OWN_STEPS));
    }

    private void tickQuietly() {
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        try {
            stampWaiting(false);
            anchorIfNew(false);
        } catch (RuntimeException e) {
            // The next check tries again; what failed is in the table and in /health.
            LOG.warn("Anchoring the transmission log failed, will try again: {}", e.getMessage());
        } finally {
            cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpuBefore);
        }
    }

    /** The processor time the anchoring thread has used so far (the benchmark's measure of what anchoring costs). */
    public Duration cpuTime() {
        return Duration.ofNanos(cpuNanos.sum());
    }

    private void anchorIfNew(boolean now) {
        TransmissionLog.Head head = log.head();
        Optional<Anchor> latest = anchors.latest();
        long covered = latest.map(anchor -> anchor.head().size()).orElse(0L);
        // The job does not anchor its own entries alone (an idle log would grow by one entry per interval); asked
        // for an anchor now (an export's end), it anchors whatever the last one does not cover.
        if (head.sequence() <= covered || (!now && log.countAfter(covered, OWN_STEPS) == 0)) {
            return;
        }
        Instant since = latest.map(anchor -> anchor.head().time()).orElse(started);
        boolean byTime = !clock.instant().isBefore(since.plus(settings.interval()));
        boolean byCount = settings.everyEntries() > 0 && head.sequence() - covered >= settings.everyEntries();
        if (!now && !byTime && !byCount) {
            return;
        }
        long size = tree.extend(head.sequence());
        if (size != head.sequence()) {
            throw new IllegalStateException("the log's tree reaches entry " + size + ", not the head " + head.sequence());
        }
        TreeHead treeHead = new TreeHead(agency, size, HEX.formatHex(tree.root(size)), head.hash(), clock.instant());
        HeadSignature signed = HeadSignature.sign(key, treeHead.bytes());
        anchors.save(new Anchor(treeHead, signed.algorithm(), signed.signature(), signed.certificates(), null, null),
                clock.instant());
        nextStampAttempt = Instant.MIN;
        stampWaiting(true);
    }

    /** Offers every waiting head to the authority, oldest first; stops at the first failure and waits longer. */
    private void stampWaiting(boolean now) {
        if (!now && clock.instant().isBefore(nextStampAttempt)) {
            return;
        }
        List<Anchor> waiting = anchors.waiting();
        for (Anchor anchor : waiting) {
            byte[] token;
            try {
                token = tsa.timestamp(anchor.signature());
            } catch (StampException e) {
                failed(anchor, e);
                return;
            }
            Instant at = clock.instant();
            anchors.stamped(anchor.head().size(), token, at);
            log.append(null, ANCHORED, "ok", 1, sha256(anchor.signature()),
                    "tree size " + anchor.head().size() + " root " + anchor.head().root());
        }
        if (!waiting.isEmpty() && delayLogged) {
            LOG.info("The time-stamping authority answers again; every waiting anchor is stamped");
        }
        delayLogged = false;
        nextDelay = settings.retryDelay();
        nextStampAttempt = Instant.MIN;
    }

    private void failed(Anchor anchor, StampException e) {
        anchors.stampFailed(anchor.head().size(), e.english());
        if (!delayLogged) {
            log.append(null, DELAYED, "retry", 1, sha256(anchor.signature()), "tree size " + anchor.head().size()
                    + " waits for its time stamp: " + e.english());
            LOG.warn("Anchor of tree size {} waits for its time stamp: {}", anchor.head().size(), e.english());
            delayLogged = true;
        }
        nextStampAttempt = clock.instant().plus(nextDelay);
        Duration doubled = nextDelay.multipliedBy(2);
        nextDelay = doubled.compareTo(settings.interval()) > 0 ? settings.interval() : doubled;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
