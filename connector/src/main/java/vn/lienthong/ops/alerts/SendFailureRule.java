package vn.lienthong.ops.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.transport.Steps;

/**
 * Sends to the axis failing at more than {@code lienthong.alerts.send-failures.rate} of the attempts in the last
 * {@code window-ms}, once there were at least {@code min-attempts}: the axis answers polls but refuses or drops what
 * is sent.
 */
final class SendFailureRule implements AlertRule {

    private final TransmissionLog log;
    private final Duration window;
    private final double rate;
    private final long minAttempts;

    SendFailureRule(TransmissionLog log, Duration window, double rate, long minAttempts) {
        this.log = log;
        this.window = window;
        this.rate = rate;
        this.minAttempts = minAttempts;
    }

    @Override
    public String id() {
        return "send-failures";
    }

    @Override
    public List<Breach> check(Instant now) {
        Instant since = now.minus(window);
        long failed = log.countSince(Steps.SEND_FAILED, since);
        long attempts = failed + log.countSince(Steps.SENT_TO_AXIS, since);
        if (attempts < minAttempts || failed < rate * attempts) {
            return List.of();
        }
        String share = String.format(Locale.ROOT, "%.0f%%", 100.0 * failed / attempts);
        long minutes = window.toMinutes();
        return List.of(new Breach(id(), id(), Breach.Severity.WARNING,
                failed + " trên " + attempts + " lần gửi lên trục trong " + minutes + " phút qua bị lỗi (" + share + ").",
                failed + " of " + attempts + " sends to the axis in the last " + minutes + " min failed (" + share + ")."));
    }
}
