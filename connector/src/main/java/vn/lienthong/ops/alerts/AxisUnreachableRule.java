package vn.lienthong.ops.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.lienthong.ops.AxisReachability;

/** The axis has not answered for {@code lienthong.alerts.axis-unreachable-ms}, polls and sends alike. */
final class AxisUnreachableRule implements AlertRule {

    private final AxisReachability reachability;
    private final Duration limit;

    AxisUnreachableRule(AxisReachability reachability, Duration limit) {
        this.reachability = reachability;
        this.limit = limit;
    }

    @Override
    public String id() {
        return "axis-unreachable";
    }

    @Override
    public List<Breach> check(Instant now) {
        AxisReachability.State state = reachability.state();
        if (state.failingSince() == null || Duration.between(state.failingSince(), now).compareTo(limit) < 0) {
            return List.of();
        }
        long minutes = Duration.between(state.failingSince(), now).toMinutes();
        String reason = state.lastFailure() == null ? "" : state.lastFailure();
        return List.of(new Breach(id(), id(), Breach.Severity.CRITICAL,
                "Trục liên thông không trả lời từ " + state.failingSince() + " (" + minutes + " phút). Lỗi gần nhất: "
                        + reason,
                "The axis has not answered since " + state.failingSince() + " (" + minutes + " min). Last failure: "
                        + reason));
    }
}
