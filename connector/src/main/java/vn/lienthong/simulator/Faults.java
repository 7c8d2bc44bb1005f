package vn.lienthong.simulator;

import java.time.Duration;
import java.util.List;

/**
 * The faults the simulator injects, changeable while it runs ({@link AxisSimulator#setFaults}).
 *
 * @param errorRate          fraction (0..1) of calls answered 503 before anything else is done
 * @param addedLatency       waited before every answer
 * @param outages            windows, relative to the simulator's start, when it does not listen at all
 * @param acceptThenDropRate fraction (0..1) of sendEdoc calls answered OK whose package is then silently lost
 * @param randomSeed         seeds every random decision, so a test sees the same faults on every run
 */
public record Faults(double errorRate, Duration addedLatency, List<OutageWindow> outages, double acceptThenDropRate,
                     long randomSeed) {

    public static final Faults NONE = new Faults(0, Duration.ZERO, List.of(), 0, 0);

    public Faults {
        requireRate(errorRate, "errorRate");
        requireRate(acceptThenDropRate, "acceptThenDropRate");
        addedLatency = addedLatency == null ? Duration.ZERO : addedLatency;
        if (addedLatency.isNegative()) {
            throw new IllegalArgumentException("addedLatency cannot be negative: " + addedLatency);
        }
        outages = outages == null ? List.of() : List.copyOf(outages);
    }

    public Faults withErrorRate(double rate) {
        return new Faults(rate, addedLatency, outages, acceptThenDropRate, randomSeed);
    }

    public Faults withAddedLatency(Duration latency) {
        return new Faults(errorRate, latency, outages, acceptThenDropRate, randomSeed);
    }

    public Faults withOutages(List<OutageWindow> windows) {
        return new Faults(errorRate, addedLatency, windows, acceptThenDropRate, randomSeed);
    }

    public Faults withAcceptThenDropRate(double rate) {
        return new Faults(errorRate, addedLatency, outages, rate, randomSeed);
    }

    public Faults withRandomSeed(long seed) {
        return new Faults(errorRate, addedLatency, outages, acceptThenDropRate, seed);
    }

    private static void requireRate(double rate, String name) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
    }
}
