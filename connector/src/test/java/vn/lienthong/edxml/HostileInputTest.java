package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Problem;

/** Input that is not well-formed, not edXML, or built to exhaust the reader gets one precise problem. */
class HostileInputTest {

    @TempDir
    Path spool;

    @TempDir
    Path files;

    private Problem failureOf(String xml) throws IOException {
        return failureOf(xml.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULTS);
    }

    private Problem failureOf(byte[] bytes, ReadLimits limits) throws IOException {
        Path file = Files.createTempFile(files, "hostile", ".edxml");
        Files.write(file, bytes);
        try (ReadOutcome outcome = new EnvelopeReader(limits, spool).read(file)) {
            assertThat(outcome.envelope()).isEmpty();
            return outcome.failure().orElseThrow(() -> new AssertionError("the reader accepted hostile input"));
        }
    }

    private static ReadLimits limits(long envelope, int attachments, long attachmentBytes, int depth, int text,
                                     long metadata, int elements, int attributes) {
        return new ReadLimits(envelope, attachments, attachmentBytes, depth, text, metadata, elements, attributes,
                ReadLimits.DEFAULTS.maxNameLength());
    }

    private static ReadLimits names(int maxNameLength) {
        ReadLimits d = ReadLimits.DEFAULTS;
        return new ReadLimits(d.maxEnvelopeBytes(), d.maxAttachments(), d.maxAttachmentBytes(), d.maxDepth(),
                d.maxTextLength(), d.maxMetadataChars(), d.maxElements(), d.maxAttributesPerElement(), maxNameLength);
    }

    private ReadOutcome read(byte[] bytes, ReadLimits limits) throws IOException {
        Path file = Files.write(Files.createTempFile(files, "read", ".edxml"), bytes);
        return new EnvelopeReader(limits, spool).read(file);
    }

    @Test
    void an_empty_file_is_named_as_such() throws IOException {
        assertThat(failureOf("").code()).isEqualTo(FindingCode.XML_EMPTY_FILE);
        assertThat(failureOf("  \n ").code()).isEqualTo(FindingCode.XML_EMPTY_FILE);
    }

    @Test
    void bytes_before_the_xml_declaration_are_reported_where_the_declaration_starts() throws IOException {
        Problem problem = failureOf("HTTP/1.1 200 OK\r\n\r\n" + EnvelopeXml.edoc("", ""));
        assertThat(problem.code()).isEqualTo(FindingCode.XML_CONTENT_BEFORE_DECLARATION);
        assertThat(problem.location().line()).isEqualTo(3);
        assertThat(problem.location().column()).isEqualTo(1);
    }

    @Test
    void a_byte_order_mark_before_the_declaration_is_fine() throws IOException {
        byte[] xml = EnvelopeXml.edoc("", "").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[xml.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(xml, 0, withBom, 3, xml.length);
        Path file = Files.write(files.resolve("bom.edxml"), withBom);
        try (ReadOutcome outcome = new EnvelopeReader(ReadLimits.DEFAULTS, spool).read(file)) {
            assertThat(outcome.failure()).isEmpty();
        }
    }

    @Test
    void an_undeclared_prefix_is_named_with_its_position() throws IOException {
        String xml = EnvelopeXml.edoc("", "").replace("<Reference>", "<Reference xlink:href=\"#a1\">");
        Problem problem = failureOf(xml);
        assertThat(problem.code()).isEqualTo(FindingCode.XML_UNDECLARED_PREFIX);
        assertThat(problem.arguments()).first().isEqualTo("xlink");
        assertThat(problem.location().line()).isEqualTo(12);
    }

    @Test
    void a_truncated_file_is_named_as_truncated_at_its_end() throws IOException {
        String xml = EnvelopeXml.edoc("", "");
        Problem problem = failureOf(xml.substring(0, xml.length() / 2));
        assertThat(problem.code()).isEqualTo(FindingCode.XML_TRUNCATED);
        assertThat(problem.location().hasPosition()).isTrue();
    }

    @Test
    void an_external_entity_is_refused_before_anything_is_fetched() throws IOException {
        String xml = EnvelopeXml.DECLARATION
                + "<!DOCTYPE edXML [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&secret;</edXML>";
        assertThat(failureOf(xml).code()).isEqualTo(FindingCode.XML_DOCTYPE_FORBIDDEN);
    }

    @Test
    void an_entity_expansion_bomb_is_refused() throws IOException {
        StringBuilder entities = new StringBuilder("<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            entities.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String xml = EnvelopeXml.DECLARATION + "<!DOCTYPE edXML [" + entities + "]><edXML>&l9;</edXML>";
        assertThat(failureOf(xml).code()).isEqualTo(FindingCode.XML_DOCTYPE_FORBIDDEN);
    }

    @Test
    void invalid_utf8_bytes_are_named_as_an_encoding_problem() throws IOException {
        byte[] xml = EnvelopeXml.edoc("", "").replace("Về việc", "@@").getBytes(StandardCharsets.UTF_8);
        String text = new String(xml, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("@@");
        xml[at] = (byte) 0xC3;
        xml[at + 1] = (byte) 0x28;
        assertThat(failureOf(xml, ReadLimits.DEFAULTS).code()).isEqualTo(FindingCode.XML_ENCODING_INVALID);
    }

    @Test
    void a_mismatched_end_tag_is_reported_with_the_parsers_sentence() throws IOException {
        Problem problem = failureOf(EnvelopeXml.edoc("", "").replace("</Subject>", "</Subjekt>"));
        assertThat(problem.code()).isEqualTo(FindingCode.XML_NOT_WELL_FORMED);
        assertThat(problem.arguments().get(0).toString()).contains("Subjekt").doesNotContain("row,col");
    }

    @Test
    void a_root_that_is_not_edxml_is_refused_at_once() throws IOException {
        assertThat(failureOf(EnvelopeXml.DECLARATION + "<html><body/></html>").code()).isEqualTo(FindingCode.NOT_EDXML);
        String otherNamespace = EnvelopeXml.edoc("", "").replace("QCVN_102_2016", "QCVN_102_2099");
        assertThat(failureOf(otherNamespace).code()).isEqualTo(FindingCode.NOT_EDXML);
    }

    @Test
    void an_envelope_over_the_size_limit_is_refused() throws IOException {
        byte[] xml = EnvelopeXml.edoc("", EnvelopeXml.textAttachment(EnvelopeXml.base64("x".repeat(10_000))))
                .getBytes(StandardCharsets.UTF_8);
        ReadLimits small = limits(5_000, 100, 1 << 20, 32, 1 << 20, 1 << 20, 1000, 32);
        assertThat(failureOf(xml, small).code()).isEqualTo(FindingCode.LIMIT_ENVELOPE_SIZE);
    }

    @Test
    void an_attachment_over_the_size_limit_is_refused_with_its_name() throws IOException {
        byte[] xml = EnvelopeXml.edoc("", EnvelopeXml.textAttachment(EnvelopeXml.base64("x".repeat(10_000))))
                .getBytes(StandardCharsets.UTF_8);
        ReadLimits small = limits(1 << 20, 100, 4_000, 32, 1 << 20, 1 << 20, 1000, 32);
        Problem problem = failureOf(xml, small);
        assertThat(problem.code()).isEqualTo(FindingCode.LIMIT_ATTACHMENT_SIZE);
        assertThat(problem.arguments()).containsExactly("a.txt", 4_000L);
    }

    @Test
    void too_many_attachments_are_refused() throws IOException {
        String one = EnvelopeXml.textAttachment(EnvelopeXml.base64("x"));
        String attachment = one.substring(one.indexOf("<Attachment>"), one.indexOf("</AttachmentEncoded>"));
        String three = " <AttachmentEncoded>" + attachment.repeat(3) + "</AttachmentEncoded>\n";
        ReadLimits two = limits(1 << 20, 2, 1 << 20, 32, 1 << 20, 1 << 20, 1000, 32);
        assertThat(failureOf(EnvelopeXml.edoc("", three).getBytes(StandardCharsets.UTF_8), two).code())
                .isEqualTo(FindingCode.LIMIT_ATTACHMENT_COUNT);
    }

    @Test
    void nesting_deeper_than_the_limit_is_refused() throws IOException {
        String deep = "<Content>" + "<x>".repeat(50) + "</x>".repeat(50) + "</Content>\n";
        assertThat(failureOf(EnvelopeXml.edoc(deep, "")).code()).isEqualTo(FindingCode.LIMIT_NESTING_DEPTH);
    }

    @Test
    void a_text_longer_than_the_limit_is_refused() throws IOException {
        ReadLimits shortText = limits(1 << 24, 100, 1 << 20, 32, 1000, 1 << 20, 1000, 32);
        String longContent = "<Content>" + "a".repeat(5000) + "</Content>\n";
        assertThat(failureOf(EnvelopeXml.edoc(longContent, "").getBytes(StandardCharsets.UTF_8), shortText).code())
                .isEqualTo(FindingCode.LIMIT_TEXT_LENGTH);
    }

    @Test
    void the_limit_on_text_length_does_not_apply_to_attachment_base64() throws IOException {
        ReadLimits shortText = limits(1 << 24, 100, 1 << 20, 32, 1000, 1 << 20, 1000, 32);
        byte[] xml = EnvelopeXml.edoc("", EnvelopeXml.textAttachment(EnvelopeXml.base64("y".repeat(20_000))))
                .getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(files.resolve("big-attachment.edxml"), xml);
        try (ReadOutcome outcome = new EnvelopeReader(shortText, spool).read(file)) {
            assertThat(outcome.failure()).isEmpty();
            assertThat(outcome.envelope().orElseThrow().attachments().get(0).content().size()).isEqualTo(20_000);
        }
    }

    @Test
    void many_short_texts_over_the_metadata_budget_are_refused() throws IOException {
        ReadLimits smallBudget = limits(1 << 24, 100, 1 << 20, 32, 1000, 2000, 100_000, 32);
        String places = "<ToPlaces>" + "<Place>Nơi nhận số nhiều</Place>".repeat(200) + "</ToPlaces>\n";
        assertThat(failureOf(EnvelopeXml.edoc(places, "").getBytes(StandardCharsets.UTF_8), smallBudget).code())
                .isEqualTo(FindingCode.LIMIT_METADATA_SIZE);
    }

    @Test
    void too_many_elements_are_refused() throws IOException {
        ReadLimits fewElements = limits(1 << 24, 100, 1 << 20, 32, 1000, 1 << 20, 50, 32);
        String places = "<ToPlaces>" + "<Place>p</Place>".repeat(60) + "</ToPlaces>\n";
        assertThat(failureOf(EnvelopeXml.edoc(places, "").getBytes(StandardCharsets.UTF_8), fewElements).code())
                .isEqualTo(FindingCode.LIMIT_ELEMENT_COUNT);
    }

    @Test
    void too_many_attributes_on_one_element_are_refused() throws IOException {
        ReadLimits fewAttributes = limits(1 << 24, 100, 1 << 20, 32, 1000, 1 << 20, 1000, 3);
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            attributes.append(" a").append(i).append("=\"v\"");
        }
        String xml = EnvelopeXml.edoc("", "").replace("<edXMLManifest version=\"1.0\">",
                "<edXMLManifest version=\"1.0\"" + attributes + ">");
        assertThat(failureOf(xml.getBytes(StandardCharsets.UTF_8), fewAttributes).code())
                .isEqualTo(FindingCode.LIMIT_ATTRIBUTE_COUNT);
    }

    @Test
    void an_element_name_longer_than_the_limit_is_refused_where_it_starts() throws IOException {
        String xml = EnvelopeXml.edoc("<" + "n".repeat(300) + "/>\n", "");
        Problem problem = failureOf(xml.getBytes(StandardCharsets.UTF_8), names(256));
        assertThat(problem.code()).isEqualTo(FindingCode.LIMIT_NAME_LENGTH);
        assertThat(problem.arguments()).containsExactly(256);
        assertThat(problem.location().line()).isEqualTo(10);
        assertThat(problem.location().column()).isEqualTo(2);
    }

    @Test
    void a_long_name_after_text_is_located_in_characters_across_lines() throws IOException {
        String text = "Văn bản ".repeat(2_000) + "\nbản ố"; // long text, UTF-8 characters of two and three bytes
        String xml = EnvelopeXml.edoc("<Content>" + text + "</Content><" + "n".repeat(300) + "/>\n", "");
        Problem problem = failureOf(xml.getBytes(StandardCharsets.UTF_8), names(256));
        assertThat(problem.code()).isEqualTo(FindingCode.LIMIT_NAME_LENGTH);
        assertThat(problem.location().line()).isEqualTo(11);
        assertThat(problem.location().column()).isEqualTo("bản ố</Content><".length() + 1);
    }

    @Test
    void every_kind_of_name_is_measured() throws IOException {
        String longName = "n".repeat(300);
        List<String> hostile = List.of(
                EnvelopeXml.edoc("<Content " + longName + "=\"v\">x</Content>\n", ""),
                EnvelopeXml.edoc("<" + longName + ":Content xmlns:" + longName + "=\"urn:x\">x</" + longName + ":Content>\n", ""),
                EnvelopeXml.edoc("<Content>&" + longName + ";</Content>\n", ""),
                EnvelopeXml.edoc("<Content a=\"&" + longName + ";\">x</Content>\n", ""),
                EnvelopeXml.edoc("<?" + longName + " data?>\n", ""),
                EnvelopeXml.DECLARATION + "<!DOCTYPE " + longName + ">\n<edXML/>");
        for (String xml : hostile) {
            assertThat(failureOf(xml.getBytes(StandardCharsets.UTF_8), names(256)).code()).as(xml)
                    .isEqualTo(FindingCode.LIMIT_NAME_LENGTH);
        }
    }

    @Test
    void text_attribute_values_comments_and_cdata_are_not_names() throws IOException {
        String run = "x".repeat(5_000);
        String xml = EnvelopeXml.edoc("<Content a=\"" + run + "\">" + run + "<!-- " + run + " --><![CDATA[" + run
                + "]]></Content>\n<?pi " + run + "?>\n", "");
        try (ReadOutcome outcome = read(xml.getBytes(StandardCharsets.UTF_8), names(256))) {
            assertThat(outcome.failure()).isEmpty();
        }
    }

    @Test
    void a_name_is_measured_in_characters_not_utf8_bytes() throws IOException {
        String vietnamese = "ThôngTinBổSungCủaĐơnVị".repeat(9); // 198 characters, about 250 bytes in UTF-8
        String xml = EnvelopeXml.edoc("<" + vietnamese + ">x</" + vietnamese + ">\n", "");
        try (ReadOutcome outcome = read(xml.getBytes(StandardCharsets.UTF_8), names(200))) {
            assertThat(outcome.failure()).isEmpty();
        }
    }

    @Test
    void a_long_name_in_utf16_is_refused_and_a_normal_utf16_envelope_is_read() throws IOException {
        String normal = EnvelopeXml.edoc("", "").replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        try (ReadOutcome outcome = read(normal.getBytes(StandardCharsets.UTF_16), names(64))) {
            assertThat(outcome.failure()).isEmpty();
        }
        String hostile = normal.replace("<Subject>", "<" + "n".repeat(100) + "/><Subject>");
        assertThat(failureOf(hostile.getBytes(StandardCharsets.UTF_16), names(64)).code())
                .isEqualTo(FindingCode.LIMIT_NAME_LENGTH);
    }

    @Test
    void attribute_values_and_names_count_towards_the_metadata_budget() throws IOException {
        ReadLimits smallBudget = limits(1 << 24, 100, 1 << 20, 32, 100_000, 20_000, 100_000, 32);
        String attributes = "<ToPlaces>" + ("<Place a=\"" + "v".repeat(1000) + "\"/>").repeat(30) + "</ToPlaces>\n";
        assertThat(failureOf(EnvelopeXml.edoc(attributes, "").getBytes(StandardCharsets.UTF_8), smallBudget).code())
                .isEqualTo(FindingCode.LIMIT_METADATA_SIZE);
    }

    @Test
    void a_root_without_a_namespace_is_named_in_the_language_of_each_sentence() throws IOException {
        Problem problem = failureOf(EnvelopeXml.DECLARATION + "<edXML><x/></edXML>");
        vn.lienthong.findings.Finding finding = vn.lienthong.findings.SeverityPolicy.defaults()
                .apply(problem, vn.lienthong.findings.Direction.OUTBOUND).orElseThrow();
        assertThat(finding.vietnamese()).contains("edXML (không có không gian tên)").doesNotContain("no namespace");
        assertThat(finding.english()).contains("edXML (no namespace)");
    }
}
