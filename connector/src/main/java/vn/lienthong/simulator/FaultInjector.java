package vn.lienthong.simulator;

import java.time.Duration;
import java.util.Random;

/**
 * Decides, call by call, which faults strike. Every decision draws from one Random seeded by the current
 * {@link Faults}, so a test that sets the same faults sees the same sequence of failures. Outage windows are
 * not decided here: they stop the listener itself ({@link Listener}). Windows opened while running (every call
 * answered 503, every send refused) are kept apart from the {@link Faults}, so replacing the faults leaves an open
 * window alone and a window's end restores exactly the faults set before.
 */
final class FaultInjector {

    private Faults faults;
    private Random random;
    private long unavailableUntilNanos;
    private long refuseSendsUntilNanos;

    FaultInjector(Faults faults) {
        update(faults);
        unavailableUntilNanos = System.nanoTime();
        refuseSendsUntilNanos = unavailableUntilNanos;
    }

    /** Replaces the faults; the random sequence starts again from the new seed. */
    synchronized void update(Faults newFaults) {
        this.faults = newFaults;
        this.random = new Random(newFaults.randomSeed());
    }

    synchronized Faults current() {
        return faults;
    }

    /** From now on, for {@code length}, every call is answered 503; a shorter window than one open does not shorten it. */
    synchronized void unavailableFor(Duration length) {
        unavailableUntilNanos = later(unavailableUntilNanos, System.nanoTime() + length.toNanos());
    }

    /** From now on, for {@code length}, every sendEdoc is refused (HTTP 400), as the axis refuses a bad package. */
    synchronized void refuseSendsFor(Duration length) {
        refuseSendsUntilNanos = later(refuseSendsUntilNanos, System.nanoTime() + length.toNanos());
    }

    /** Closes both windows now. */
    synchronized void endWindows() {
        unavailableUntilNanos = System.nanoTime();
        refuseSendsUntilNanos = unavailableUntilNanos;
    }

    synchronized boolean unavailableNow() {
        return remaining(unavailableUntilNanos) > 0;
    }

    synchronized boolean refuseSendsNow() {
        return remaining(refuseSendsUntilNanos) > 0;
    }

    /** How long every call is still answered 503; zero when that window is closed. */
    synchronized Duration unavailableLeft() {
        return Duration.ofNanos(Math.max(0, remaining(unavailableUntilNanos)));
    }

    /** How long every send is still refused; zero when that window is closed. */
    synchronized Duration refuseSendsLeft() {
        return Duration.ofNanos(Math.max(0, remaining(refuseSendsUntilNanos)));
    }

    /** Whether this call is answered 503 before anything else is done. */
    synchronized boolean failThisCall() {
        return strikes(faults.errorRate());
    }

    /** Whether this accepted package is answered OK and then lost. */
    synchronized boolean dropThisPackage() {
        return strikes(faults.acceptThenDropRate());
    }

    synchronized Duration latency() {
        return faults.addedLatency();
    }

    private long remaining(long untilNanos) {
        return untilNanos - System.nanoTime();
    }

    private static long later(long a, long b) {
        return b - a > 0 ? b : a;
    }

    /** No draw at rate 0, so turning one fault off does not shift the sequence another fault sees. */
    private boolean strikes(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
