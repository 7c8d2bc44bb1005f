package vn.lienthong.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import vn.lienthong.ops.metrics.CertificateExpiry;
import vn.lienthong.ops.metrics.ConnectorMetrics;
import vn.lienthong.ops.metrics.Readings;

/**
 * Readiness that tells the truth (/health/ready): the connector is alive but not fit to rely on when dead letters pile
 * up, the axis has not answered a poll for several intervals, its disk is nearly full, or a configured certificate has
 * expired. Each check says why in Vietnamese and English, with a code, and reads the background readings of
 * {@link ConnectorMetrics}, so a probe costs nothing. None is a liveness check: restarting would mend none of these.
 */
public final class ReadinessChecks {

    /**
     * @param maxDeadLetters     ready while dead letters are at most this many (lienthong.health.max-dead-letters)
     * @param maxPollIntervals   ready while the last poll is at most this many poll intervals old, plus one request
     *                           timeout (a poll under way may take that long)
     * @param pollInterval       lienthong.axis.poll-interval-ms
     * @param requestTimeout     lienthong.axis.request-timeout-ms
     * @param minFreeDiskPercent ready while the data directory's disk has at least this share free
     */
    public record Thresholds(long maxDeadLetters, int maxPollIntervals, Duration pollInterval, Duration requestTimeout,
                             double minFreeDiskPercent) {

        Duration pollAgeLimit() {
            return pollInterval.multipliedBy(maxPollIntervals).plus(requestTimeout);
        }
    }

    /** A dead-lettered document and the last reason it failed (from tracking). */
    public record DeadLetter(String key, String reason) {
    }

    private ReadinessChecks() {
    }

    public static List<HealthCheck> of(ConnectorMetrics metrics, Thresholds thresholds,
                                       Supplier<Optional<DeadLetter>> latestDeadLetter, Supplier<Instant> now) {
        return List.of(new DeadLetterCheck(metrics, thresholds.maxDeadLetters(), latestDeadLetter),
                new PollAgeCheck(metrics, thresholds), new DiskCheck(metrics, thresholds.minFreeDiskPercent()),
                new CertificateCheck(metrics, now));
    }

    /** Readiness only. */
    private abstract static class ReadinessCheck extends AbstractHealthCheck {
        ReadinessCheck(String id) {
            super("lienthong", id);
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        static void down(HealthCheckResultBuilder builder, String code, String vietnamese, String english) {
            builder.detail("reason.code", code).detail("reason.vi", vietnamese).detail("reason.en", english)
                    .message(code + ": " + vietnamese + " / " + english).down();
        }
    }

    private static final class DeadLetterCheck extends ReadinessCheck {
        private final ConnectorMetrics metrics;
        private final long max;
        private final Supplier<Optional<DeadLetter>> latest;

        DeadLetterCheck(ConnectorMetrics metrics, long max, Supplier<Optional<DeadLetter>> latest) {
            super("dead-letters");
            this.metrics = metrics;
            this.max = max;
            this.latest = latest;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            Readings readings = metrics.readings();
            if (!readings.queuesKnown()) {
                down(builder, "QUEUES_UNREADABLE",
                        "Không đọc được các hàng đợi từ máy chủ hàng đợi (broker) nên không đếm được thư không chuyển được.",
                        "The broker's queues cannot be read, so the dead letters cannot be counted.");
                return;
            }
            long deadLetters = readings.deadLetters();
            builder.detail("dead.letters", deadLetters).detail("threshold", max);
            if (deadLetters > 0) {
                latest.get().ifPresent(letter -> builder.detail("latest.key", letter.key())
                        .detail("latest.reason", String.valueOf(letter.reason())));
            }
            if (deadLetters > max) {
                down(builder, "DEAD_LETTERS_OVER_THRESHOLD",
                        deadLetters + " thư không chuyển được đang chờ người vận hành, vượt ngưỡng " + max
                                + " (lienthong.health.max-dead-letters); xem lệnh queues.",
                        deadLetters + " dead letter(s) wait for an operator, past the threshold of " + max
                                + " (lienthong.health.max-dead-letters); see the queues command.");
            } else {
                builder.up();
            }
        }
    }

    private static final class PollAgeCheck extends ReadinessCheck {
        private final ConnectorMetrics metrics;
        private final Thresholds thresholds;

        PollAgeCheck(ConnectorMetrics metrics, Thresholds thresholds) {
            super("axis-poll");
            this.metrics = metrics;
            this.thresholds = thresholds;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            double age = metrics.lastPollAgeSeconds();
            double limit = thresholds.pollAgeLimit().toMillis() / 1000.0;
            builder.detail("last.poll.age.seconds", (long) age).detail("limit.seconds", (long) limit);
            if (age > limit) {
                down(builder, "POLL_TOO_OLD",
                        "Lần hỏi trục thành công gần nhất đã cách đây " + (long) age + " giây, quá "
                                + thresholds.maxPollIntervals() + " chu kỳ hỏi cộng thời gian chờ một yêu cầu ("
                                + (long) limit + " giây).",
                        "The axis last answered a poll " + (long) age + " s ago, more than "
                                + thresholds.maxPollIntervals() + " poll intervals plus one request timeout ("
                                + (long) limit + " s).");
            } else {
                builder.up();
            }
        }
    }

    private static final class DiskCheck extends ReadinessCheck {
        private final ConnectorMetrics metrics;
        private final double minFreePercent;

        DiskCheck(ConnectorMetrics metrics, double minFreePercent) {
            super("disk");
            this.metrics = metrics;
            this.minFreePercent = minFreePercent;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            double freePercent = metrics.readings().disk().freeRatio() * 100;
            String shown = String.format(Locale.ROOT, "%.1f", freePercent);
            builder.detail("free.percent", shown).detail("threshold.percent", minFreePercent);
            if (freePercent < minFreePercent) {
                down(builder, "DISK_NEARLY_FULL",
                        "Ổ đĩa chứa thư mục dữ liệu chỉ còn trống " + shown.replace('.', ',') + "%, dưới ngưỡng "
                                + minFreePercent + "% (lienthong.health.min-free-disk-percent).",
                        "The data directory's disk has only " + shown + "% free, below " + minFreePercent
                                + "% (lienthong.health.min-free-disk-percent).");
            } else {
                builder.up();
            }
        }
    }

    private static final class CertificateCheck extends ReadinessCheck {
        private final ConnectorMetrics metrics;
        private final Supplier<Instant> now;

        CertificateCheck(ConnectorMetrics metrics, Supplier<Instant> now) {
            super("certificates");
            this.metrics = metrics;
            this.now = now;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            Instant at = now.get();
            List<CertificateExpiry> expired = metrics.certificates().stream().filter(c -> c.expired(at)).toList();
            builder.detail("certificates", metrics.certificates().size()).detail("expired", expired.size());
            if (expired.isEmpty()) {
                builder.up();
                return;
            }
            String which = String.join("; ", expired.stream()
                    .map(c -> c.purpose() + " " + c.subject() + " (" + c.notAfter() + ")").toList());
            down(builder, "CERTIFICATE_EXPIRED", "Chứng thư số đã hết hạn: " + which + ".",
                    "Expired certificate(s): " + which + ".");
        }
    }
}
