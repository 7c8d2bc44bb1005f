package vn.lienthong.ops.alerts;

import java.time.Instant;
import java.util.List;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;

/** Dead letters past {@code lienthong.alerts.dead-letters.threshold}: documents given up on, in either direction. */
final class DeadLetterRule implements AlertRule {

    private final DocumentTracker tracker;
    private final long threshold;

    DeadLetterRule(DocumentTracker tracker, long threshold) {
        this.tracker = tracker;
        this.threshold = threshold;
    }

    @Override
    public String id() {
        return "dead-letters";
    }

    @Override
    public List<Breach> check(Instant now) {
        long outbound = tracker.countByState(Direction.OUTBOUND).get(DocumentState.DEAD_LETTERED);
        long inbound = tracker.countByState(Direction.INBOUND).get(DocumentState.DEAD_LETTERED);
        if (outbound + inbound <= threshold) {
            return List.of();
        }
        return List.of(new Breach(id(), id(), Breach.Severity.CRITICAL,
                "Có " + (outbound + inbound) + " văn bản bị đưa vào hàng thư chết (gửi đi " + outbound + ", nhận về "
                        + inbound + "), quá ngưỡng " + threshold + ". Xem và gửi lại bằng lệnh dead-letters.",
                (outbound + inbound) + " document(s) are dead letters (outbound " + outbound + ", inbound " + inbound
                        + "), over the threshold of " + threshold + ". See and retry them with dead-letters."));
    }
}
