package vn.lienthong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A queue that could not be counted (depth -1) is said so in the demo's summary, never added in as -1. */
class DemoSummaryTest {

    @Test
    void deadLettersAreSummedWhenEveryQueueWasCounted() {
        assertThat(DemoSummary.deadLetters(LongStream.of(0, 2, 1))).isEqualTo("3");
        assertThat(DemoSummary.deadLetters(LongStream.of(0, 0))).isEqualTo("0");
    }

    @Test
    void anUncountedQueueMakesTheDeadLettersUnknownRatherThanFewer() {
        assertThat(DemoSummary.deadLetters(LongStream.of(2, -1, 0))).isEqualTo("? (không đếm được / could not be counted)");
        assertThat(DemoSummary.shown(-1)).isEqualTo("? (không đếm được / could not be counted)");
        assertThat(DemoSummary.shown(4)).isEqualTo("4");
    }
}
