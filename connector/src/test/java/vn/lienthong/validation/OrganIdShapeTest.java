package vn.lienthong.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganIdShapeTest {

    @ParameterizedTest
    @ValueSource(strings = {"000.00.00.G22", "000.00.00.H41", "000.00.15.H51", "002.00.20.H13"})
    void the_four_group_form_of_decision_20_2020_is_standard(String organId) {
        assertThat(OrganIdShape.of(organId)).isInstanceOf(OrganIdShape.Standard.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"01.02.G22", "28.22.H17", "vxp.saas.03"})
    void older_shapes_seen_in_real_traffic_are_legacy(String organId) {
        assertThat(OrganIdShape.of(organId)).isInstanceOf(OrganIdShape.Legacy.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "null|the word \"null\" is not an identifier",
            "NULL|the word \"null\" is not an identifier",
            "000.00.00.22G|group 4 \"22G\" must be a capital letter followed by two digits",
            "000.00.00.g22|group 4 \"g22\" must be a capital letter followed by two digits",
            "00.00.00.G22|group 1 \"00\" must be three digits",
            "000.0.00.G22|group 2 \"0\" must be two digits",
            "000.00.00|four dot-separated groups like 000.00.00.G22 are expected, found 3",
            "G22|four dot-separated groups like 000.00.00.G22 are expected, found 1"})
    void anything_else_is_invalid_with_the_precise_reason(String organId, String reason) {
        OrganIdShape shape = OrganIdShape.of(organId);
        assertThat(shape).isInstanceOf(OrganIdShape.Invalid.class);
        assertThat(((OrganIdShape.Invalid) shape).reason().english()).startsWith(reason);
    }

    @Test
    void surrounding_whitespace_is_invalid_not_silently_trimmed() {
        OrganIdShape shape = OrganIdShape.of("000.00.00.G22 ");
        assertThat(((OrganIdShape.Invalid) shape).reason().english()).contains("leading or trailing whitespace");
    }

    @Test
    void an_empty_identifier_is_missing() {
        assertThat(OrganIdShape.of("")).isInstanceOf(OrganIdShape.Missing.class);
        assertThat(OrganIdShape.of(null)).isInstanceOf(OrganIdShape.Missing.class);
    }
}
