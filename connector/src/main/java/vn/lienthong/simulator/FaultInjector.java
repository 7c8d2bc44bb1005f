package vn.lienthong.simulator;

import java.time.Duration;
import java.util.Random;

/**
 * Decides, call by call, which faults strike. Every decision draws from one Random seeded by the current
 * {@link Faults}, so a test that sets the same faults sees the same sequence of failures. Outage windows are
 * not decided here: they stop the listener itself ({@link Listener}).
 */
final class FaultInjector {

    private Faults faults;
    private Random random;

    FaultInjector(Faults faults) {
        update(faults);
    }

    /** Replaces the faults; the random sequence starts again from the new seed. */
    synchronized void update(Faults newFaults) {
        this.faults = newFaults;
        this.random = new Random(newFaults.randomSeed());
    }

    synchronized Faults current() {
        return faults;
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

    /** No draw at rate 0, so turning one fault off does not shift the sequence another fault sees. */
    private boolean strikes(double rate) {
        return rate > 0 && random.nextDouble() < rate;
    }
}
