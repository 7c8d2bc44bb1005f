package vn.lienthong.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Rates and latency percentiles of the measured documents of a load test. */
final class LoadFigures {

    /** A stage: when it ends for a journey (epoch ms, 0 = never), from when it is measured. */
    record Stage(String name, ToDoubleFunction<LoadTraffic.Journey> start, ToDoubleFunction<LoadTraffic.Journey> end) {
    }

    /** Latencies from the start of each POST (cumulative), then between consecutive stages. */
    static final List<Stage> STAGES = List.of(
            new Stage("accept", journey -> journey.posted, journey -> journey.accepted),
            new Stage("sent", journey -> journey.posted, journey -> journey.sent),
            new Stage("inbox", journey -> journey.posted, journey -> journey.arrived),
            new Stage("accept_to_sent", journey -> journey.accepted, journey -> journey.sent),
            new Stage("sent_to_inbox", journey -> journey.sent, journey -> journey.arrived),
            // sent_to_inbox in three: the axis and the recipient's poll, fetch, queue and intake; its delivery into
            // the pull inbox; and the harness's own reader, which lists the inbox every 50 ms when it is empty.
            new Stage("sent_to_registered", journey -> journey.sent, journey -> journey.registered),
            new Stage("registered_to_deliverable", journey -> journey.registered, journey -> journey.deliverable),
            new Stage("deliverable_to_inbox", journey -> journey.deliverable, journey -> journey.arrived));

    private LoadFigures() {
    }

    /**
     * Documents per second for accept, SENT and the inbox: documents that reached the stage, over the time from the
     * first POST of the window to the last of them to reach it.
     */
    static Map<String, Object> rates(List<LoadTraffic.Journey> journeys) {
        double first = journeys.stream().mapToDouble(journey -> journey.posted).filter(t -> t > 0).min().orElse(0);
        Map<String, Object> rates = new LinkedHashMap<>();
        for (Stage stage : STAGES.subList(0, 3)) {
            double[] ends = journeys.stream().mapToDouble(stage.end()).filter(t -> t > 0).toArray();
            double last = java.util.Arrays.stream(ends).max().orElse(first);
            rates.put(stage.name(), last > first ? round(ends.length / ((last - first) / 1000)) : 0);
        }
        return rates;
    }

    /** p50, p95, p99 and max in ms of each stage, over the journeys that completed it. */
    static Map<String, Object> latencies(List<LoadTraffic.Journey> journeys) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (Stage stage : STAGES) {
            double[] values = journeys.stream()
                    .filter(journey -> stage.start().applyAsDouble(journey) > 0 && stage.end().applyAsDouble(journey) > 0)
                    .mapToDouble(journey -> stage.end().applyAsDouble(journey) - stage.start().applyAsDouble(journey))
                    .sorted().toArray();
            Map<String, Object> percentiles = new LinkedHashMap<>();
            percentiles.put("count", values.length);
            percentiles.put("p50", percentile(values, 50));
            percentiles.put("p95", percentile(values, 95));
            percentiles.put("p99", percentile(values, 99));
            percentiles.put("max", values.length == 0 ? null : round(values[values.length - 1]));
            all.put(stage.name(), percentiles);
        }
        return all;
    }

    /** Nearest rank; null for no values. */
    static Double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return round(sorted[Math.max(0, rank - 1)]);
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
