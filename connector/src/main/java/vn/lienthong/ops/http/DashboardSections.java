package vn.lienthong.ops.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lienthong.ops.metrics.CertificateExpiry;
import vn.lienthong.ops.metrics.ConnectorMetrics;
import vn.lienthong.ops.metrics.DiskUse;
import vn.lienthong.ops.metrics.QueueStats;
import vn.lienthong.ops.metrics.Readings;
import vn.lienthong.ops.metrics.Throughput;

/**
 * The dashboard's parts that come from the metrics' background readings, added to the overview beside the basic
 * ones: queues and dead letters, certificate expiry, disk, and throughput. Reading them waits for neither the broker
 * nor a directory walk; they are as fresh as the latest refresh ({@code lienthong.metrics.refresh-ms}), whose time
 * each part gives as {@code measured}.
 * <pre>
 *   "queues":       {known, measured, deadLetters, queues: [{name, messages, oldestAgeSeconds, deadLetter, flow}]}
 *   "certificates": [{purpose, subject, notAfter, daysLeft}]
 *   "disk":         {measured, dataBytes, journalBytes, freeBytes, totalBytes}
 *   "throughput":   {minutes, sent, received, delivered, sentTotal, receivedTotal, deliveredTotal}
 * </pre>
 */
public final class DashboardSections {

    /** The throughput window the dashboard shows. */
    static final Duration RECENT = Duration.ofMinutes(15);

    private DashboardSections() {
    }

    public static List<OverviewResource.Section> of(ConnectorMetrics metrics, Clock clock) {
        return List.of(
                new OverviewResource.Section("queues", () -> queues(metrics.readings())),
                new OverviewResource.Section("certificates", () -> certificates(metrics.certificates(), clock.instant())),
                new OverviewResource.Section("disk", () -> disk(metrics.readings())),
                new OverviewResource.Section("throughput", () -> throughput(metrics.throughput(RECENT))));
    }

    private static Map<String, Object> queues(Readings readings) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("known", readings.queuesKnown());
        view.put("measured", measured(readings));
        view.put("deadLetters", readings.deadLetters());
        view.put("queues", readings.queues().stream().map(DashboardSections::queue).toList());
        return view;
    }

    private static Map<String, Object> queue(QueueStats.Queue queue) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", queue.name());
        view.put("messages", queue.messages());
        view.put("oldestAgeSeconds", queue.oldestAgeMillis() < 0 ? null : queue.oldestAgeMillis() / 1000);
        view.put("deadLetter", queue.deadLetter());
        view.put("flow", queue.flow());
        return view;
    }

    private static List<Map<String, Object>> certificates(List<CertificateExpiry> certificates, Instant now) {
        return certificates.stream().map(certificate -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("purpose", certificate.purpose());
            view.put("subject", certificate.subject());
            view.put("notAfter", certificate.notAfter().toString());
            view.put("daysLeft", (long) Math.floor(certificate.daysLeft(now)));
            return view;
        }).toList();
    }

    private static Map<String, Object> disk(Readings readings) {
        DiskUse disk = readings.disk();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("measured", measured(readings));
        view.put("dataBytes", disk.dataBytes());
        view.put("journalBytes", disk.journalBytes());
        view.put("freeBytes", disk.freeBytes());
        view.put("totalBytes", disk.totalBytes());
        return view;
    }

    private static Map<String, Object> throughput(Throughput.Window window) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("minutes", Math.max(1, Math.round(window.over().toSeconds() / 60.0)));
        view.put("sent", window.moved().sent());
        view.put("received", window.moved().received());
        view.put("delivered", window.moved().delivered());
        view.put("sentTotal", window.total().sent());
        view.put("receivedTotal", window.total().received());
        view.put("deliveredTotal", window.total().delivered());
        return view;
    }

    /** When the readings were taken; null before the first refresh. */
    private static String measured(Readings readings) {
        return readings == Readings.NONE ? null : readings.at().toString();
    }
}
