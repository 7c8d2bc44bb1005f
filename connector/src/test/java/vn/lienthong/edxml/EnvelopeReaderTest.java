package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Problem;

class EnvelopeReaderTest {

    @TempDir
    Path spool;

    @TempDir
    Path files;

    private ReadOutcome read(String xml) throws IOException {
        return read(xml.getBytes(StandardCharsets.UTF_8), ReadLimits.DEFAULTS);
    }

    private ReadOutcome read(byte[] bytes, ReadLimits limits) throws IOException {
        Path file = Files.createTempFile(files, "envelope", ".edxml");
        Files.write(file, bytes);
        return new EnvelopeReader(limits, spool).read(file);
    }

    private static FindingCode failureCode(ReadOutcome outcome) {
        return outcome.failure().map(Problem::code).orElseThrow(() -> new AssertionError("expected a failure"));
    }

    @Test
    void reads_the_header_into_the_typed_model() throws IOException {
        try (ReadOutcome outcome = read(EnvelopeXml.edoc("", EnvelopeXml.textAttachment(EnvelopeXml.base64("x"))))) {
            Envelope envelope = outcome.envelope().orElseThrow();
            assertThat(envelope.messageType()).isEqualTo(MessageType.EDOC);
            EdocHeader header = (EdocHeader) envelope.header();
            assertThat(header.from().organId()).isEqualTo("000.00.00.G22");
            assertThat(header.from().organName()).isEqualTo("Văn phòng Chính phủ");
            assertThat(header.to()).extracting(Organization::organId).containsExactly("000.00.00.H41");
            assertThat(header.subject()).isEqualTo("Về việc triển khai");
            assertThat(envelope.manifest().references()).extracting(ManifestReference::contentId).containsExactly("cid:a1");
        }
    }

    @Test
    void decodes_attachment_base64_with_line_breaks_into_a_spool_file_and_hashes_it() throws Exception {
        String text = "Nội dung tệp đính kèm, đủ dài để base64 xuống dòng nhiều lần. ".repeat(20);
        try (ReadOutcome outcome = read(EnvelopeXml.edoc("", EnvelopeXml.textAttachment(EnvelopeXml.base64(text))))) {
            AttachmentContent content = outcome.envelope().orElseThrow().attachments().get(0).content();
            byte[] expected = text.getBytes(StandardCharsets.UTF_8);
            assertThat(Files.readAllBytes(content.spoolFile())).isEqualTo(expected);
            assertThat(content.size()).isEqualTo(expected.length);
            assertThat(content.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)));
            assertThat(content.base64Problem()).isEmpty();
        }
    }

    @Test
    void closing_the_outcome_deletes_the_spool_files() throws IOException {
        Path spoolFile;
        try (ReadOutcome outcome = read(EnvelopeXml.edoc("", EnvelopeXml.textAttachment(EnvelopeXml.base64("abc"))))) {
            spoolFile = outcome.envelope().orElseThrow().attachments().get(0).content().spoolFile();
            assertThat(spoolFile).exists();
        }
        assertThat(spoolFile).doesNotExist();
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void a_failed_read_leaves_no_spool_file_behind() throws IOException {
        String truncated = EnvelopeXml.edoc("", EnvelopeXml.textAttachment(EnvelopeXml.base64("abc")));
        truncated = truncated.substring(0, truncated.indexOf("</ContentTransferEncoded>") + 10);
        try (ReadOutcome outcome = read(truncated)) {
            assertThat(failureCode(outcome)).isEqualTo(FindingCode.XML_TRUNCATED);
        }
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void a_reader_without_attachment_content_reads_the_header_and_passes_over_the_base64() throws IOException {
        String xml = EnvelopeXml.edoc("", EnvelopeXml.textAttachment(EnvelopeXml.base64("Nội dung tệp. ".repeat(500))));
        Path file = Files.writeString(Files.createTempFile(files, "envelope", ".edxml"), xml);
        try (ReadOutcome outcome = EnvelopeReader.withoutAttachmentContent(ReadLimits.DEFAULTS).read(file)) {
            Envelope envelope = outcome.envelope().orElseThrow();
            assertThat(((EdocHeader) envelope.header()).to()).extracting(Organization::organId).containsExactly("000.00.00.H41");
            assertThat(envelope.attachments()).singleElement().satisfies(attachment -> {
                assertThat(attachment.contentId()).isEqualTo("a1");
                assertThat(attachment.content()).isNull();
            });
        }
        assertThat(spool).isEmptyDirectory();
    }

    @Test
    void a_reader_without_attachment_content_still_refuses_what_is_not_well_formed() throws IOException {
        String xml = EnvelopeXml.edoc("", EnvelopeXml.textAttachment(EnvelopeXml.base64("abc") + "<br>"));
        Path file = Files.writeString(Files.createTempFile(files, "envelope", ".edxml"), xml);
        try (ReadOutcome outcome = EnvelopeReader.withoutAttachmentContent(ReadLimits.DEFAULTS).read(file)) {
            assertThat(outcome.failure()).isPresent();
        }
    }

    @Test
    void recognises_a_status_notice_by_its_status_elements() throws IOException {
        String status = EnvelopeXml.DECLARATION
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXMLEnvelope><edXMLHeader><MessageHeader>"
                + "<From><OrganId>000.00.00.H41</OrganId></From>"
                + "<ResponseFor><OrganId>000.00.00.G22</OrganId><DocumentId>d-1</DocumentId></ResponseFor>"
                + "<StatusCode>03</StatusCode><Timestamp>2026/11/25 10:00:00</Timestamp>"
                + "</MessageHeader></edXMLHeader></edXMLEnvelope></edXML>";
        try (ReadOutcome outcome = read(status)) {
            StatusHeader header = (StatusHeader) outcome.envelope().orElseThrow().header();
            assertThat(header.knownStatusCode()).contains(StatusCode.ACCEPTED);
            assertThat(header.responseFor().documentId()).isEqualTo("d-1");
        }
    }

    @Test
    void accepts_prefixed_and_unprefixed_children_in_the_same_namespace() throws IOException {
        String attachments = " <AttachmentEncoded xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">"
                + "<edXML:Attachment><edXML:ContentId>a1</edXML:ContentId><edXML:AttachmentName>a.txt</edXML:AttachmentName>"
                + "<edXML:ContentType>text/plain</edXML:ContentType>"
                + "<edXML:ContentTransferEncoded>" + EnvelopeXml.base64("hello") + "</edXML:ContentTransferEncoded>"
                + "</edXML:Attachment></AttachmentEncoded>\n";
        try (ReadOutcome outcome = read(EnvelopeXml.edoc("", attachments))) {
            Attachment attachment = outcome.envelope().orElseThrow().attachments().get(0);
            assertThat(attachment.attachmentName()).isEqualTo("a.txt");
            assertThat(attachment.content().size()).isEqualTo(5);
        }
    }

    @Test
    void locates_elements_by_path_with_line_and_column() throws IOException {
        try (ReadOutcome outcome = read(EnvelopeXml.edoc("", ""))) {
            var location = outcome.locate("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[1]/OrganId");
            assertThat(location.line()).isEqualTo(7);
            assertThat(location.column()).isPositive();
        }
    }

    @Test
    void locates_an_absent_element_at_its_nearest_present_ancestor() throws IOException {
        try (ReadOutcome outcome = read(EnvelopeXml.edoc("", ""))) {
            var header = outcome.locate("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader");
            var absent = outcome.locate("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/DueDate");
            assertThat(absent.line()).isEqualTo(header.line());
            assertThat(absent.path()).endsWith("/DueDate");
        }
    }
}
