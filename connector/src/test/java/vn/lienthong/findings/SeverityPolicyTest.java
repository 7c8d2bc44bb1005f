package vn.lienthong.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class SeverityPolicyTest {

    private static Properties properties(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return properties;
    }

    private final Problem legacyOrganId = Problem.of(FindingCode.ORGANID_LEGACY_FORM, Location.at(3, 4), "01.02.G22",
            new Bilingual("dạng cũ", "old form"));

    @Test
    void a_code_keeps_its_default_severity_unless_configured() {
        assertThat(SeverityPolicy.defaults().apply(legacyOrganId, Direction.OUTBOUND).orElseThrow().severity()).isEqualTo(Severity.WARNING);
        assertThat(SeverityPolicy.defaults().severityOf(FindingCode.ORGANID_INVALID, Direction.OUTBOUND)).isEqualTo(Severity.ERROR);
    }

    @Test
    void configuration_can_raise_a_warning_to_an_error() {
        SeverityPolicy strict = SeverityPolicy.fromProperties(properties("lienthong.validation.severity.ORGANID_LEGACY_FORM", "error"));
        assertThat(strict.apply(legacyOrganId, Direction.INBOUND).orElseThrow().isError()).isTrue();
    }

    @Test
    void configuration_can_turn_a_finding_off() {
        SeverityPolicy quiet = SeverityPolicy.fromProperties(properties("lienthong.validation.severity.ORGANID_LEGACY_FORM", "off"));
        assertThat(quiet.apply(legacyOrganId, Direction.OUTBOUND)).isEmpty();
    }

    @Test
    void renders_bilingual_arguments_in_the_matching_language() {
        Finding finding = SeverityPolicy.defaults().apply(legacyOrganId, Direction.OUTBOUND).orElseThrow();
        assertThat(finding.vietnamese()).contains("01.02.G22").contains("dạng cũ").doesNotContain("old form");
        assertThat(finding.english()).contains("01.02.G22").contains("old form").doesNotContain("dạng cũ");
    }

    @Test
    void a_code_is_strict_for_what_we_send_and_liberal_for_what_we_receive() {
        SeverityPolicy defaults = SeverityPolicy.defaults();
        assertThat(defaults.severityOf(FindingCode.ATTACHMENT_TYPE_MISMATCH, Direction.OUTBOUND)).isEqualTo(Severity.ERROR);
        assertThat(defaults.severityOf(FindingCode.ATTACHMENT_TYPE_MISMATCH, Direction.INBOUND)).isEqualTo(Severity.WARNING);
        assertThat(defaults.blocks(FindingCode.ATTACHMENT_TYPE_MISMATCH)).isEqualTo(Blocks.SENDING);
        assertThat(defaults.blocks(FindingCode.XML_NOT_WELL_FORMED)).isEqualTo(Blocks.BOTH);
        assertThat(defaults.blocks(FindingCode.SCHEMA_UNEXPECTED_ELEMENT)).isEqualTo(Blocks.NEITHER);
    }

    @Test
    void a_key_of_one_direction_wins_over_the_key_for_both() {
        SeverityPolicy policy = SeverityPolicy.fromProperties(properties(
                "lienthong.validation.severity.ATTACHMENT_TYPE_MISMATCH", "off",
                "lienthong.validation.inbound.severity.ATTACHMENT_TYPE_MISMATCH", "error",
                "lienthong.validation.outbound.severity.ORGANID_LEGACY_FORM", "error"));
        assertThat(policy.severityOf(FindingCode.ATTACHMENT_TYPE_MISMATCH, Direction.OUTBOUND)).isEqualTo(Severity.OFF);
        assertThat(policy.severityOf(FindingCode.ATTACHMENT_TYPE_MISMATCH, Direction.INBOUND)).isEqualTo(Severity.ERROR);
        assertThat(policy.blocks(FindingCode.ATTACHMENT_TYPE_MISMATCH)).isEqualTo(Blocks.RECEIVING);
        assertThat(policy.severityOf(FindingCode.ORGANID_LEGACY_FORM, Direction.OUTBOUND)).isEqualTo(Severity.ERROR);
        assertThat(policy.severityOf(FindingCode.ORGANID_LEGACY_FORM, Direction.INBOUND)).isEqualTo(Severity.WARNING);
    }

    @Test
    void a_long_value_from_an_envelope_is_cut_short_in_both_languages() {
        String hostile = "x".repeat(10_000);
        Finding finding = SeverityPolicy.defaults()
                .apply(Problem.of(FindingCode.DOCUMENT_ID_NONSTANDARD, Location.UNKNOWN, hostile), Direction.INBOUND)
                .orElseThrow();
        assertThat(finding.vietnamese()).hasSizeLessThan(400).contains("x".repeat(200) + "…");
        assertThat(finding.english()).hasSizeLessThan(400).contains("x".repeat(200) + "…");
    }

    @Test
    void an_unknown_code_or_severity_is_a_configuration_error() {
        assertThatThrownBy(() -> SeverityPolicy.fromProperties(properties("lienthong.validation.severity.NO_SUCH_CODE", "error")))
                .hasMessageContaining("unknown finding code");
        assertThatThrownBy(() -> SeverityPolicy.fromProperties(properties("lienthong.validation.severity.ORGANID_INVALID", "fatal")))
                .hasMessageContaining("must be error, warning or off");
        assertThatThrownBy(() -> SeverityPolicy.fromProperties(properties("lienthong.validation.inbound.severity.NO_SUCH_CODE", "error")))
                .hasMessageContaining("unknown finding code");
    }

    @Test
    void every_vietnamese_sentence_is_in_vietnamese() {
        java.util.regex.Pattern english = java.util.regex.Pattern.compile(
                "\\b(the|is|are|and|of|cannot|not|connector|client|must|missing|invalid)\\b");
        for (FindingCode code : FindingCode.values()) {
            String sentence = code.vietnamese("x", "x", "x", "x");
            assertThat(english.matcher(sentence).find()).as(code + ": " + sentence).isFalse();
        }
    }

    @Test
    void every_code_renders_in_both_languages_without_leftover_placeholders() {
        for (FindingCode code : FindingCode.values()) {
            Object[] arguments = {"a", "b", "c", "d"};
            assertThat(code.vietnamese(arguments)).doesNotContain("%s").isNotBlank();
            assertThat(code.english(arguments)).doesNotContain("%s").isNotBlank();
            assertThat(code.vietnamese(arguments)).isNotEqualTo(code.english(arguments));
        }
    }

    @Test
    void control_characters_from_an_envelope_are_shown_escaped_in_both_languages() {
        Finding finding = SeverityPolicy.defaults().apply(Problem.of(FindingCode.ORGANID_INVALID, Location.UNKNOWN,
                "G22\n\u001b[31mforged", new Bilingual("nhóm \"G\u202e22\"", "group \"G\u202e22\"")), Direction.OUTBOUND)
                .orElseThrow();
        assertThat(finding.english()).contains("G22\\u000A\\u001B[31mforged").contains("G\\u202E22").doesNotContain("\n", "\u001b");
        assertThat(finding.vietnamese()).contains("G22\\u000A\\u001B[31mforged").doesNotContain("\u202e");
    }

    @Test
    void a_path_holding_a_long_name_is_cut_in_the_middle() {
        String path = "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/" + "n".repeat(256);
        Finding finding = SeverityPolicy.defaults().apply(
                Problem.of(FindingCode.SCHEMA_REPEATED_ELEMENT, new Location(3, 4, path), "a", 2, "b", 1), Direction.OUTBOUND)
                .orElseThrow();
        assertThat(finding.location().path()).hasSizeLessThanOrEqualTo(201).startsWith("/edXML/edXMLEnvelope/")
                .contains("…").endsWith("nnnn");
        assertThat(finding.location().line()).isEqualTo(3);
    }
}
