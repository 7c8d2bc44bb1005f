package vn.lienthong.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.TestEnvelopes;
import vn.lienthong.findings.Blocks;
import vn.lienthong.findings.Direction;
import vn.lienthong.findings.Finding;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Severity;

/** The structure of an envelope is judged by which elements are where and how often, never by their order. */
class StructureCheckTest {

    private static final String SDK_STATUS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
              <edXMLEnvelope>
                <edXMLHeader>
                  <MessageHeader>
                    <From>
                      <OrganId>000.00.00.H41</OrganId>
                      <OrganName>UBND tỉnh Nghệ An</OrganName>
                      <OrganizationInCharge>UBND tỉnh Nghệ An</OrganizationInCharge>
                    </From>
                    <ResponseFor>
                      <OrganId>000.00.00.G22</OrganId>
                      <PromulgationDate>2026/11/25</PromulgationDate>
                      <DocumentId>000.00.00.G22,2026/11/25,7816/VPCP-KGVX</DocumentId>
                      <Code>7816/VPCP-KGVX</Code>
                    </ResponseFor>
                    <StaffInfo>
                      <Department>Văn thư</Department>
                      <Staff>Nguyễn Thị Lan</Staff>
                      <Mobile>0912345678</Mobile>
                      <Email>vanthu@nghean.gov.vn</Email>
                    </StaffInfo>
                    <StatusCode>03</StatusCode>
                    <Description>Đã tiếp nhận, vào sổ văn bản đến</Description>
                    <Timestamp>2026/11/25 09:30:00</Timestamp>
                  </MessageHeader>
                  <TraceHeaderList>
                    <Bussiness><BussinessDocType>0</BussinessDocType></Bussiness>
                    <TraceHeader><OrganId>000.00.00.H41</OrganId><Timestamp>2026/11/25 09:30:00</Timestamp></TraceHeader>
                  </TraceHeaderList>
                  %s
                </edXMLHeader>
              </edXMLEnvelope>
            </edXML>
            """;

    private static final String SIGNATURE = """
            <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature>""";

    @TempDir
    Path directory;

    private ValidationReport validate(String xml, Direction direction) throws IOException {
        Path file = Files.writeString(directory.resolve("envelope.edxml"), xml, StandardCharsets.UTF_8);
        return new EnvelopeValidator(ValidationSettings.DEFAULTS, Files.createDirectories(directory.resolve("spool")))
                .validate(file, direction);
    }

    @Test
    void a_status_notice_in_the_official_sdks_order_with_a_header_signature_has_no_finding_either_way() throws IOException {
        for (Direction direction : Direction.values()) {
            assertThat(validate(SDK_STATUS.formatted(SIGNATURE), direction).findings()).as(direction.name()).isEmpty();
        }
    }

    @Test
    void an_unknown_element_is_a_warning_both_ways_that_says_what_belongs_there() throws IOException {
        String xml = TestEnvelopes.edoc("000.00.00.G22", "<SoKyHieu>7816/VPCP</SoKyHieu>\n");
        for (Direction direction : Direction.values()) {
            ValidationReport report = validate(xml, direction);
            assertThat(report.valid()).isTrue();
            Finding finding = report.findings().get(0);
            assertThat(finding.code()).isEqualTo(FindingCode.SCHEMA_UNEXPECTED_ELEMENT);
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.blocks()).isEqualTo(Blocks.NEITHER);
            assertThat(finding.vietnamese()).startsWith("Phần tử SoKyHieu không thuộc cấu trúc edXML của MessageHeader")
                    .contains("Tại đây chỉ có: From, To, DocumentId").doesNotContain("Invalid content");
            assertThat(finding.english()).startsWith("Element SoKyHieu is not part of the edXML structure of MessageHeader")
                    .contains("Expected here: From, To, DocumentId");
        }
    }

    @Test
    void an_element_of_the_standard_in_the_wrong_parent_is_reported_as_not_belonging_there() throws IOException {
        String xml = TestEnvelopes.edoc("000.00.00.G22", "").replace("<To><OrganId>000.00.00.H41</OrganId></To>",
                "<To><OrganId>000.00.00.H41</OrganId><Subject>lạc chỗ</Subject></To>");
        Finding finding = validate(xml, Direction.OUTBOUND).findings().get(0);
        assertThat(finding.code()).isEqualTo(FindingCode.SCHEMA_UNEXPECTED_ELEMENT);
        assertThat(finding.location().path()).isEqualTo("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[1]/Subject");
        assertThat(finding.english()).contains("Expected here: OrganId, OrganizationInCharge, OrganName");
    }

    @Test
    void an_element_given_twice_where_once_is_allowed_blocks_sending_but_not_receiving() throws IOException {
        String xml = TestEnvelopes.edoc("000.00.00.G22", "<Subject>Bản thứ hai</Subject>\n");
        Finding outbound = validate(xml, Direction.OUTBOUND).findings().get(0);
        assertThat(outbound.code()).isEqualTo(FindingCode.SCHEMA_REPEATED_ELEMENT);
        assertThat(outbound.location().line()).isEqualTo(11);
        assertThat(outbound.severity()).isEqualTo(Severity.ERROR);
        assertThat(outbound.vietnamese()).isEqualTo(
                "Phần tử Subject có 2 lần trong MessageHeader nhưng chỉ được có tối đa 1 lần; chỉ lần đầu tiên được dùng.");
        assertThat(validate(xml, Direction.INBOUND).valid()).isTrue();
    }

    @Test
    void a_missing_required_element_is_named_with_its_parent() throws IOException {
        String xml = TestEnvelopes.edoc("000.00.00.G22", "").replaceAll("<ContentTransferEncoded>[^<]*</ContentTransferEncoded>", "");
        ValidationReport report = validate(xml, Direction.INBOUND);
        Finding finding = report.findings().stream()
                .filter(each -> each.code() == FindingCode.SCHEMA_MISSING_ELEMENT).findFirst().orElseThrow();
        assertThat(finding.english()).isEqualTo("The required element ContentTransferEncoded is missing from Attachment.");
        assertThat(finding.location().path()).isEqualTo("/edXML/AttachmentEncoded/Attachment[1]/ContentTransferEncoded");
        assertThat(report.valid()).as("an attachment without content cannot be delivered").isFalse();
    }

    @Test
    void a_value_of_the_wrong_type_names_the_value_the_element_and_the_type_in_both_languages() throws IOException {
        Finding finding = validate(TestEnvelopes.edoc("000.00.00.G22",
                "<OtherInfo><Direction>có</Direction></OtherInfo>\n"), Direction.OUTBOUND).findings().get(0);
        assertThat(finding.code()).isEqualTo(FindingCode.SCHEMA_INVALID_VALUE);
        assertThat(finding.vietnamese()).isEqualTo("Giá trị \"có\" của Direction không phải là một giá trị đúng/sai (true, false, 1 hoặc 0).");
        assertThat(finding.english()).isEqualTo("The value \"có\" of Direction is not a boolean (true, false, 1 or 0).");
    }

    @Test
    void an_unknown_attribute_and_stray_text_are_reported_where_they_are() throws IOException {
        String xml = TestEnvelopes.edoc("000.00.00.G22", "")
                .replace("<edXMLManifest version=\"1.0\">", "<edXMLManifest version=\"1.0\" size=\"3\">")
                .replace("<From>", "<From>VPCP");
        ValidationReport report = validate(xml, Direction.OUTBOUND);
        assertThat(report.findings()).extracting(Finding::code)
                .containsExactly(FindingCode.SCHEMA_UNEXPECTED_TEXT, FindingCode.SCHEMA_INVALID_ATTRIBUTE);
        assertThat(report.findings().get(1).english()).isEqualTo("Attribute size is not allowed on element edXMLManifest, so it is ignored.");
    }

    @Test
    void an_element_hidden_inside_attachment_text_is_still_reported() throws IOException {
        String xml = TestEnvelopes.edoc("000.00.00.G22", "").replace("</ContentTransferEncoded>", "<b/></ContentTransferEncoded>");
        ValidationReport report = validate(xml, Direction.OUTBOUND);
        assertThat(report.findings()).extracting(Finding::code).containsExactly(FindingCode.SCHEMA_UNEXPECTED_ELEMENT);
        assertThat(report.findings().get(0).english()).contains("text only");
    }
}
