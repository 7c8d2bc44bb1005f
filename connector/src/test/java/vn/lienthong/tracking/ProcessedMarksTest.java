package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.tracking.TrackingFixtures.CLOCK;
import static vn.lienthong.tracking.TrackingFixtures.key;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessedMarksTest {

    @TempDir
    Path dataDirectory;

    private TrackingDatabase database;
    private ProcessedMarks marks;

    @BeforeEach
    void open() {
        database = TrackingDatabase.openH2(dataDirectory);
        marks = new ProcessedMarks(database, CLOCK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void marks_a_step_the_first_time_only_and_keeps_the_first_detail() {
        assertThat(marks.mark(key("G22-1"), "delivered-to-dms", "callback 200")).isTrue();
        assertThat(marks.mark(key("G22-1"), "delivered-to-dms", "callback 200 again")).isFalse();
        assertThat(marks.detail(key("G22-1"), "delivered-to-dms")).contains("callback 200");
    }

    @Test
    void marks_each_step_and_each_key_independently() {
        assertThat(marks.mark(key("G22-1"), "sent-to-axis", null)).isTrue();
        assertThat(marks.mark(key("G22-1"), "delivered-to-dms", null)).isTrue();
        assertThat(marks.mark(key("G22-2"), "sent-to-axis", null)).isTrue();
    }

    @Test
    void detail_is_present_exactly_when_the_step_is_marked() {
        marks.mark(key("G22-1"), "sent-to-axis", null);
        assertThat(marks.detail(key("G22-1"), "sent-to-axis")).contains("");
        assertThat(marks.detail(key("G22-1"), "delivered-to-dms")).isEmpty();
    }

    @Test
    void exactly_one_of_eight_racing_threads_wins_the_mark() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String detail = "thread " + i;
                Callable<Boolean> race = () -> {
                    start.await();
                    return marks.mark(key("G22-1"), "sent-to-axis", detail);
                };
                results.add(threads.submit(race));
            }
            start.countDown();
            long winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
