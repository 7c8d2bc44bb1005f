package vn.lienthong.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026/11/25", "2024/02/29", "2000/02/29", "1999/12/31"})
    void real_dates_pass(String date) {
        assertThat(CalendarText.date(date)).isInstanceOf(CalendarText.Verdict.Real.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"25-11-2026", "2026-11-25", "2026/1/5", "26/11/25", "2026/11/25 ", "", "2026/11/25 10:00:00"})
    void other_shapes_are_wrong_shape(String date) {
        assertThat(CalendarText.date(date)).isInstanceOf(CalendarText.Verdict.WrongShape.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2014/02/30|February 2014 has only 28 days",
            "2023/02/29|February 2023 has only 28 days",
            "2026/04/31|April 2026 has only 30 days",
            "2026/13/01|month 13 does not exist (1..12)",
            "2026/00/10|month 0 does not exist (1..12)",
            "2026/01/00|day 0 does not exist",
            "0000/01/01|year 0000 does not exist"})
    void impossible_dates_are_named_with_the_reason(String date, String reason) {
        CalendarText.Verdict verdict = CalendarText.date(date);
        assertThat(verdict).isInstanceOf(CalendarText.Verdict.NotReal.class);
        assertThat(((CalendarText.Verdict.NotReal) verdict).reason().english()).isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026/11/25 25:61:00|hour 25 does not exist (0..23)",
            "2026/11/25 23:60:00|minute 60 does not exist (0..59)",
            "2026/11/25 23:59:60|second 60 does not exist (0..59)",
            "2014/02/30 10:00:00|February 2014 has only 28 days"})
    void impossible_timestamps_are_named_with_the_reason(String timestamp, String reason) {
        CalendarText.Verdict verdict = CalendarText.timestamp(timestamp);
        assertThat(((CalendarText.Verdict.NotReal) verdict).reason().english()).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T10:00:00", "2026/11/25", "2026/11/25 10:00", "25/11/2026 10:00:00"})
    void timestamps_of_another_shape_are_wrong_shape(String timestamp) {
        assertThat(CalendarText.timestamp(timestamp)).isInstanceOf(CalendarText.Verdict.WrongShape.class);
    }
}
