package vn.lienthong.dms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever an interface answers with comes through Outcome, so the size of every error answer is bounded there. */
class OutcomeTest {

    private static final DmsError ONE = DmsError.of(GatewayCode.INVALID_REQUEST, "x");

    @Test
    void an_answer_lists_at_most_a_hundred_errors_the_last_saying_how_many_more_there_were() {
        Outcome outcome = Outcome.refused(Collections.nCopies(5_000, ONE));

        assertThat(outcome.errors()).hasSize(Outcome.MAX_ERRORS);
        DmsError last = outcome.errors().get(Outcome.MAX_ERRORS - 1);
        assertThat(last.code()).isEqualTo("ERRORS_OMITTED");
        assertThat(last.english()).startsWith("4901 more errors are not listed in this answer (the first 99 are)");
        assertThat(last.vietnamese()).startsWith("Còn 4901 lỗi khác");
    }

    @Test
    void a_hundred_errors_or_fewer_are_all_listed() {
        assertThat(Outcome.refused(Collections.nCopies(100, ONE)).errors()).hasSize(100)
                .allMatch(error -> error.code().equals("INVALID_REQUEST"));
        assertThat(Outcome.refused(List.of(ONE, ONE)).errors()).extracting(DmsError::code)
                .containsExactly("INVALID_REQUEST", "INVALID_REQUEST");
    }

    @Test
    void long_errors_are_bounded_by_their_characters_too() {
        DmsError heavy = new DmsError("X", "ERROR", "v".repeat(4_000), "e".repeat(4_000), new DmsError.Where(1, 1, "/p"));
        Outcome outcome = Outcome.refused(Collections.nCopies(50, heavy));

        int characters = outcome.errors().stream().mapToInt(error -> error.vietnamese().length() + error.english().length()).sum();
        assertThat(characters).isLessThanOrEqualTo(Outcome.MAX_ERROR_CHARACTERS);
        assertThat(outcome.errors()).last().extracting(DmsError::code).isEqualTo("ERRORS_OMITTED");
    }

    @Test
    void a_value_a_client_sent_is_escaped_and_cut_in_a_gateway_error() {
        DmsError error = DmsError.of(GatewayCode.DOCUMENT_NOT_FOUND, "k\r\n" + "x".repeat(100_000));

        assertThat(error.english()).hasSizeLessThan(400).contains("k\\u000D\\u000A").doesNotContain("\r", "\n");
    }
}
