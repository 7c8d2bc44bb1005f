package vn.lienthong.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThroughputTest {

    private static final Instant START = Instant.parse("2026-12-05T01:00:00Z");

    @Test
    void what_moved_in_the_window_is_the_total_now_less_the_total_sampled_when_the_window_began() {
        Throughput throughput = new Throughput(START, Duration.ofHours(1));
        throughput.sample(START.plusSeconds(60), new Throughput.Counts(2, 1, 1));
        throughput.sample(START.plusSeconds(600), new Throughput.Counts(5, 3, 3));
        throughput.sample(START.plusSeconds(1200), new Throughput.Counts(9, 4, 4));

        Throughput.Window window = throughput.over(Duration.ofMinutes(15), START.plusSeconds(1260),
                new Throughput.Counts(10, 6, 5));

        assertThat(window.over()).isEqualTo(Duration.ofSeconds(1200));
        assertThat(window.moved()).isEqualTo(new Throughput.Counts(8, 5, 4));
        assertThat(window.total()).isEqualTo(new Throughput.Counts(10, 6, 5));
    }

    @Test
    void a_connector_younger_than_the_window_counts_from_its_start() {
        Throughput throughput = new Throughput(START, Duration.ofHours(1));
        throughput.sample(START.plusSeconds(10), new Throughput.Counts(1, 0, 0));

        Throughput.Window window = throughput.over(Duration.ofMinutes(15), START.plusSeconds(120),
                new Throughput.Counts(3, 2, 2));

        assertThat(window.over()).isEqualTo(Duration.ofSeconds(120));
        assertThat(window.moved()).isEqualTo(new Throughput.Counts(3, 2, 2));
    }

    @Test
    void samples_older_than_kept_are_dropped_but_one_remains_at_the_windows_start() {
        Throughput throughput = new Throughput(START, Duration.ofMinutes(15));
        for (int minute = 1; minute <= 60; minute++) {
            throughput.sample(START.plusSeconds(60L * minute), new Throughput.Counts(minute, 0, 0));
        }

        Throughput.Window window = throughput.over(Duration.ofMinutes(15), START.plusSeconds(3600),
                new Throughput.Counts(60, 0, 0));

        assertThat(window.moved().sent()).isEqualTo(15);
        assertThat(window.over()).isEqualTo(Duration.ofMinutes(15));
    }
}
