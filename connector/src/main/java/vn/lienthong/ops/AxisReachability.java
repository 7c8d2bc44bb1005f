package vn.lienthong.ops;

import java.time.Clock;
import java.time.Instant;

/**
 * What the connector last learnt about reaching the axis, from the calls it makes anyway (polls and sends):
 * ops staff see from the health endpoint whether the axis answers, since when it does not, and why.
 */
public final class AxisReachability {

    /** The latest outcome: when the axis last answered, and the failure since then, if any. */
    public record State(Instant lastAnswer, Instant failingSince, String lastFailure) {

        public boolean reachable() {
            return failingSince == null;
        }
    }

    private final Clock clock;
    private volatile State state;
    private volatile Instant lastPoll;

    public AxisReachability(Clock clock) {
        this.clock = clock;
        this.state = new State(null, null, null);
    }

    /** The axis answered a poll for waiting packages. */
    public void polled() {
        lastPoll = clock.instant();
        answered();
    }

    /** When the axis last answered a poll; null while it has not since start. */
    public Instant lastPoll() {
        return lastPoll;
    }

    public void answered() {
        state = new State(clock.instant(), null, null);
    }

    public void failed(String reason) {
        State previous = state;
        state = new State(previous.lastAnswer(), previous.failingSince() != null ? previous.failingSince() : clock.instant(), reason);
    }

    public State state() {
        return state;
    }
}
