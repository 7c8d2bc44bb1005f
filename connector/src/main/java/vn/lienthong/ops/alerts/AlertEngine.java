package vn.lienthong.ops.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.tracking.AlertRecords;
import vn.lienthong.tracking.TransmissionLog;

/**
 * Checks every alert rule at a fixed interval, raises what is newly wrong and resolves what has been right again for
 * {@code resolveAfter}, then hands the notices owed to each channel. An alert is raised once and resolved once: a
 * condition that comes and goes within {@code resolveAfter} stays one alert. Raises and resolutions are recorded in
 * the tracking database with the notices they owe (so a restart neither repeats nor forgets one) and in the
 * transmission log. A notice a channel fails to take is tried again at the next check. A rule that cannot be
 * checked (its source failing) resolves nothing.
 */
public final class AlertEngine implements AutoCloseable {

    static final String RAISED_STEP = "alert-raised";
    static final String RESOLVED_STEP = "alert-resolved";
    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

    private final List<AlertRule> rules;
    private final Map<String, AlertChannel> channels = new LinkedHashMap<>();
    private final AlertRecords records;
    private final TransmissionLog log;
    private final Duration resolveAfter;
    private final String source;
    private final Clock clock;
    /** Open alerts whose condition is gone, since when: they resolve once it has stayed gone for resolveAfter. */
    private final Map<String, Instant> clearSince = new HashMap<>();
    private volatile ScheduledExecutorService schedule;

    public AlertEngine(List<AlertRule> rules, List<AlertChannel> channels, AlertRecords records, TransmissionLog log,
                       Duration resolveAfter, String source, Clock clock) {
        this.rules = List.copyOf(rules);
        channels.forEach(channel -> this.channels.put(channel.name(), channel));
        this.records = records;
        this.log = log;
        this.resolveAfter = resolveAfter;
        this.source = source;
        this.clock = clock;
    }

    /** Checks at every {@code interval} from now on, on a thread of its own, until closed. */
    public synchronized void start(Duration interval) {
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lienthong-alerts");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::checkQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("Checking the alert rules failed; trying again at the next interval: {}", e.toString());
        }
    }

    /** One round: evaluate the rules, raise and resolve, then deliver what is owed. */
    public synchronized void check() {
        Instant now = clock.instant();
        Map<String, Breach> breaches = new LinkedHashMap<>();
        Set<String> unknown = new HashSet<>();
        for (AlertRule rule : rules) {
            try {
                rule.check(now).forEach(breach -> breaches.putIfAbsent(breach.key(), breach));
            } catch (Exception e) {
                unknown.add(rule.id());
                LOG.warn("The alert rule {} could not be checked: {}", rule.id(), e.toString());
            }
        }
        Map<String, AlertRecords.Alert> open = new HashMap<>();
        records.open().forEach(alert -> open.put(alert.key(), alert));
        List<String> names = List.copyOf(channels.keySet());
        for (Breach breach : breaches.values()) {
            if (!open.containsKey(breach.key())) {
                records.raise(breach.key(), breach.ruleId(), breach.severity().name(), breach.vietnamese(),
                        breach.english(), now, names);
                log.append(null, RAISED_STEP, breach.severity().name(), 1, null, breach.key() + ": " + breach.english());
                LOG.warn("Alert raised: {}: {}", breach.key(), breach.english());
            }
        }
        clearSince.keySet().retainAll(open.keySet());
        for (AlertRecords.Alert alert : open.values()) {
            if (breaches.containsKey(alert.key())) {
                clearSince.remove(alert.key());
            } else if (!unknown.contains(alert.ruleId())) {
                Instant clear = clearSince.computeIfAbsent(alert.key(), key -> now);
                if (!now.isBefore(clear.plus(resolveAfter)) && records.resolve(alert.id(), now, names)) {
                    clearSince.remove(alert.key());
                    log.append(null, RESOLVED_STEP, "ok", 1, null, alert.key() + ": clear since " + clear);
                    LOG.info("Alert resolved: {} (clear since {})", alert.key(), clear);
                }
            }
        }
        deliver();
    }

    private void deliver() {
        for (AlertRecords.Notice notice : records.pending()) {
            AlertChannel channel = channels.get(notice.channel());
            if (channel == null) {
                continue; // a channel no longer configured: its notices wait in case it comes back
            }
            try {
                channel.send(new AlertNotice(AlertNotice.Kind.valueOf(notice.kind()), notice.alert(), source));
                records.sent(notice.id(), clock.instant());
            } catch (Exception e) {
                records.failed(notice.id(), e.toString());
                if (notice.attempts() == 0) {
                    LOG.warn("The {} channel did not take the alert notice for {}; it is tried again at every check: {}",
                            channel.name(), notice.alert().key(), e.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
