package vn.lienthong.ops.metrics;

import java.time.Duration;
import java.time.Instant;
import vn.lienthong.findings.Direction;

/**
 * What the flows report as it happens, for /metrics: each stage a document passes (how long the step took and how it
 * ended), and each call to the axis. Implementations must be cheap and must not throw; labels are fixed words, never
 * a document's key or content.
 */
public interface FlowMetrics {

    /** Records nothing: for tools and tests that run a flow's class without a connector around it. */
    FlowMetrics NONE = new FlowMetrics() {
        @Override
        public void stage(Direction direction, String stage, String outcome, Duration took) {
        }

        @Override
        public void reached(Direction direction, String stage, Instant takenIn) {
        }

        @Override
        public void axisCall(String call, String outcome, Duration took) {
        }
    };

    /** One step of a flow done: {@code stage} (intake, queued, sent, received, delivered) ended with {@code outcome}. */
    void stage(Direction direction, String stage, String outcome, Duration took);

    /** A document the connector first took in at {@code takenIn} reached {@code stage} now. */
    void reached(Direction direction, String stage, Instant takenIn);

    /** One call to the axis ({@code sendEdoc}, {@code getEdoc}…) ended with {@code outcome} (ok, or the failure's kind). */
    void axisCall(String call, String outcome, Duration took);
}
