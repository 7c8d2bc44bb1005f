package vn.lienthong.validation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.TestEnvelopes;
import vn.lienthong.edxml.MessageType;
import vn.lienthong.findings.Finding;
import vn.lienthong.findings.FindingCode;
import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeValidatorTest {

    @TempDir
    Path directory;

    private ValidationReport validate(String xml) throws IOException {
        Path file = Files.writeString(directory.resolve("envelope.edxml"), xml, StandardCharsets.UTF_8);
        return new EnvelopeValidator(ValidationSettings.DEFAULTS, Files.createDirectories(directory.resolve("spool"))).validate(file);
    }

    @Test
    void a_correct_envelope_has_no_findings() throws IOException {
        ValidationReport report = validate(TestEnvelopes.edoc("000.00.00.G22", ""));
        assertThat(report.findings()).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(report.messageType()).contains(MessageType.EDOC);
    }

    @Test
    void a_legacy_identifier_is_a_warning_and_the_envelope_stays_valid() throws IOException {
        ValidationReport report = validate(TestEnvelopes.edoc("01.02.G22", "").replace("000.00.00.G22,", "01.02.G22,"));
        assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.ORGANID_LEGACY_FORM);
        assertThat(report.valid()).isTrue();
    }

    @Test
    void a_schema_error_names_the_element_and_where_it_is() throws IOException {
        ValidationReport report = validate(TestEnvelopes.edoc("000.00.00.G22", "<Urgency>1</Urgency>\n"));
        Finding finding = report.findings().get(0);
        assertThat(finding.code()).isEqualTo(FindingCode.SCHEMA_UNEXPECTED_ELEMENT);
        assertThat(finding.location().line()).isEqualTo(11);
        assertThat(finding.location().path()).isEqualTo("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/Urgency");
        assertThat(finding.english()).contains("Urgency");
    }

    @Test
    void every_finding_is_returned_at_once_in_file_order() throws IOException {
        String xml = TestEnvelopes.edoc("null", "<DueDate>2014/02/30</DueDate>\n").replace("<Subject>Về việc triển khai liên thông văn bản</Subject>", "");
        ValidationReport report = validate(xml);
        // An absent element (Subject) is located at its parent, MessageHeader, which comes first in the file.
        assertThat(report.findings()).extracting(Finding::code).containsExactly(
                FindingCode.SUBJECT_MISSING,
                FindingCode.ORGANID_INVALID,
                FindingCode.DOCUMENT_ID_SENDER_MISMATCH,
                FindingCode.DATE_NOT_REAL);
        assertThat(report.findings()).allSatisfy(finding -> assertThat(finding.location().hasPosition()).isTrue());
        assertThat(report.valid()).isFalse();
    }

    @Test
    void a_bad_value_is_one_finding_not_two() throws IOException {
        ValidationReport report = validate(TestEnvelopes.edoc("000.00.00.G22", "<OtherInfo><Priority>khẩn</Priority></OtherInfo>\n"));
        assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.SCHEMA_INVALID_VALUE);
        assertThat(report.findings().get(0).english()).contains("Priority").contains("whole number");
    }

    @Test
    void of_one_code_only_the_first_findings_are_listed_and_the_rest_counted_with_its_severity() throws IOException {
        String recipients = java.util.stream.IntStream.range(0, 60).mapToObj(i -> "<To><OrganId>x" + i + "</OrganId></To>\n")
                .collect(java.util.stream.Collectors.joining()) + "<Urgency>1</Urgency>\n".repeat(60);
        ValidationReport report = validate(TestEnvelopes.edoc("000.00.00.G22", recipients));

        assertThat(report.findings()).filteredOn(finding -> finding.code() == FindingCode.ORGANID_INVALID).hasSize(50);
        assertThat(report.findings()).filteredOn(finding -> finding.code() == FindingCode.SCHEMA_UNEXPECTED_ELEMENT).hasSize(50);
        assertThat(report.findings()).filteredOn(finding -> finding.code() == FindingCode.FINDINGS_OMITTED)
                .extracting(Finding::english, finding -> finding.severity().name())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "10 more ORGANID_INVALID findings are not listed (only the first 50 of each code are).", "ERROR"),
                        org.assertj.core.groups.Tuple.tuple(
                                "10 more SCHEMA_UNEXPECTED_ELEMENT findings are not listed (only the first 50 of each code are).",
                                "WARNING"));
        assertThat(report.valid()).isFalse();
    }

    @Test
    void an_identifier_with_a_line_feed_or_longer_than_tracking_keeps_is_an_error_to_send_and_a_warning_received()
            throws IOException {
        String xml = TestEnvelopes.edoc("000.00.00.G22", "").replace("7816/VPCP-TTĐT</DocumentId>", "7816/VPCP-TTĐT\n</DocumentId>")
                .replace("<To><OrganId>000.00.00.H41</OrganId></To>", "<To><OrganId>000.00.00.H41" + "1".repeat(70) + "</OrganId></To>");
        Path file = Files.writeString(directory.resolve("identifiers.edxml"), xml, StandardCharsets.UTF_8);
        EnvelopeValidator validator = new EnvelopeValidator(ValidationSettings.DEFAULTS, Files.createDirectories(directory.resolve("spool")));

        ValidationReport outbound = validator.validate(file, vn.lienthong.findings.Direction.OUTBOUND);
        ValidationReport inbound = validator.validate(file, vn.lienthong.findings.Direction.INBOUND);

        assertThat(outbound.findings()).extracting(Finding::code)
                .contains(FindingCode.IDENTIFIER_CONTROL_CHARACTER, FindingCode.IDENTIFIER_TOO_LONG);
        assertThat(outbound.findings()).filteredOn(finding -> finding.code() == FindingCode.IDENTIFIER_CONTROL_CHARACTER)
                .singleElement().satisfies(finding -> {
                    assertThat(finding.english()).contains("DocumentId", "7816/VPCP-TTĐT\\u000A", "U+000A");
                    assertThat(finding.location().path()).isEqualTo("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/DocumentId");
                });
        assertThat(outbound.valid()).isFalse();
        assertThat(inbound.findings()).filteredOn(finding -> finding.code().name().startsWith("IDENTIFIER_"))
                .allMatch(finding -> !finding.isError());
    }
}
