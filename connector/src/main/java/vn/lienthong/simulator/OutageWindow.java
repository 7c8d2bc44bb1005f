package vn.lienthong.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A planned time when the simulator does not listen at all (clients get "connection refused"), counted from the
 * moment the simulator started, so a test or a demo can script "the axis goes away for a while".
 */
public record OutageWindow(Duration startAfter, Duration length) {

    public OutageWindow {
        Objects.requireNonNull(startAfter, "startAfter");
        Objects.requireNonNull(length, "length");
        if (startAfter.isNegative()) {
            throw new IllegalArgumentException("an outage cannot start before the simulator does: " + startAfter);
        }
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("an outage must last some time: " + length);
        }
    }
}
