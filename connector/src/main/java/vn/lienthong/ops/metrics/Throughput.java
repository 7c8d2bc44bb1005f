package vn.lienthong.ops.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * How many documents the flows moved lately: totals since start, sampled at each metrics refresh, so that the
 * console's dashboard can say how many were sent to the axis and delivered to DMS clients in the last minutes without
 * asking Prometheus for a rate.
 */
public final class Throughput {

    /** Documents moved: {@code sent} to the axis, {@code received} from it, {@code delivered} to DMS clients. */
    public record Counts(long sent, long received, long delivered) {

        Counts minus(Counts earlier) {
            return new Counts(sent - earlier.sent, received - earlier.received, delivered - earlier.delivered);
        }
    }

    /** What moved {@code over} the last period (shorter than asked while the connector has not run as long). */
    public record Window(Duration over, Counts moved, Counts total) {
    }

    private record Sample(Instant at, Counts totals) {
    }

    private final Duration keep;
    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Keeps samples for {@code keep}, the longest window asked for. */
    Throughput(Instant started, Duration keep) {
        this.keep = keep;
        samples.add(new Sample(started, new Counts(0, 0, 0)));
    }

    synchronized void sample(Instant at, Counts totals) {
        samples.addLast(new Sample(at, totals));
        // Keep one sample at or before the oldest instant a window may start at.
        while (samples.size() > 2 && !secondOldest().at().isAfter(at.minus(keep))) {
            samples.removeFirst();
        }
    }

    private Sample secondOldest() {
        Iterator<Sample> oldestFirst = samples.iterator();
        oldestFirst.next();
        return oldestFirst.next();
    }

    /** What moved between the latest sample at or before {@code now - window} (else the oldest) and {@code now}. */
    synchronized Window over(Duration window, Instant now, Counts totals) {
        Instant start = now.minus(window);
        Sample base = samples.getFirst();
        for (Sample sample : samples) {
            if (sample.at().isAfter(start)) {
                break;
            }
            base = sample;
        }
        return new Window(Duration.between(base.at(), now), totals.minus(base.totals()), totals);
    }
}
