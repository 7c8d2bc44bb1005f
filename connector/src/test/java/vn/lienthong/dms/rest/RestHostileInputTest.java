package vn.lienthong.dms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: what a client with a key can send through the real REST listener to exhaust the connector, leave
 * copies behind, or get a 500 with a stack trace instead of its reasons. Each answer is a 400 with findings, short.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestHostileInputTest {

    private Path root;
    private RestNetwork network;
    /** A document the Government Office sent to Hanoi, as it waits in Hanoi's inbox: what Hanoi reports status on. */
    private String receivedKey;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        this.root = root;
        network = new RestNetwork(root);
        assertThat(network.office().postEnvelope(network.envelope(RestNetwork.OFFICE, RestNetwork.HANOI, 60)).statusCode())
                .isEqualTo(202);
        receivedKey = RestNetwork.awaitInInbox(network.hanoi(), "000.00.00.G22,2026/11/25,60/G22-LT");
    }

    @AfterAll
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    /** A valid document numbered {@code number}, changed by {@code edit}; the edit must change something. */
    private Path edited(int number, UnaryOperator<String> edit) throws Exception {
        String valid = Files.readString(network.envelope(RestNetwork.OFFICE, RestNetwork.HANOI, number), StandardCharsets.UTF_8);
        String hostile = edit.apply(valid);
        assertThat(hostile).isNotEqualTo(valid);
        return Files.writeString(root.resolve("hostile-" + number + ".edxml"), hostile, StandardCharsets.UTF_8);
    }

    private long copiesLeftInTheStore() throws Exception {
        try (Stream<Path> files = Files.list(root.resolve("vpcp.test/store"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".part")).count();
        }
    }

    private HttpResponse<String> multipart(String metadata, String fileName) throws Exception {
        Path pdf = Files.writeString(root.resolve("letter.pdf"), "%PDF-1.4\n%%EOF\n", StandardCharsets.US_ASCII);
        return network.office().postMultipart(metadata, Map.of(fileName, pdf));
    }

    @Test
    void an_element_name_of_ten_megabytes_is_refused_with_LIMIT_NAME_LENGTH_in_a_short_answer() throws Exception {
        Path hostile = root.resolve("long-name.edxml");
        try (var body = HostileBodies.elementNameOf(10L * 1024 * 1024)) {
            Files.copy(body, hostile);
        }

        HttpResponse<String> refused = network.office().postEnvelope(hostile);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("LIMIT_NAME_LENGTH");
        assertThat(refused.body().length()).isLessThan(2_000);
    }

    @Test
    void an_envelope_with_twenty_thousand_errors_gets_an_answer_of_bounded_size_that_says_how_many_were_left_out()
            throws Exception {
        Path hostile = edited(61, xml -> xml.replace("</To>", "</To>" + "<To><OrganId>x</OrganId></To>".repeat(20_000)));

        HttpResponse<String> refused = network.office().postEnvelope(hostile);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().length()).isLessThan(64 * 1024);
        List<String> codes = ApiClient.errorCodes(refused);
        assertThat(codes).hasSizeLessThanOrEqualTo(100).contains("ORGANID_INVALID").last().isEqualTo("FINDINGS_OMITTED");
        assertThat(ApiClient.json(refused).path("errors").get(codes.size() - 1).path("en").asText())
                .startsWith("19950 more ORGANID_INVALID findings are not listed");
    }

    @Test
    void a_document_id_with_a_line_feed_is_refused_with_a_finding_and_leaves_no_copy_behind() throws Exception {
        Path hostile = edited(62, xml -> xml.replace(",62/G22-LT</DocumentId>", ",62/G22-LT&#10;</DocumentId>"));

        HttpResponse<String> refused = network.office().postEnvelope(hostile);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).contains("IDENTIFIER_CONTROL_CHARACTER");
        assertThat(ApiClient.json(refused).path("errors").get(0).path("en").asText()).contains("U+000A");
        assertThat(copiesLeftInTheStore()).isZero();
    }

    @Test
    void a_document_id_longer_than_the_connector_can_track_is_refused_with_a_finding() throws Exception {
        Path hostile = edited(63, xml -> xml.replace(",63/G22-LT</DocumentId>", ",63/G22-LT" + "9".repeat(300) + "</DocumentId>"));

        HttpResponse<String> refused = network.office().postEnvelope(hostile);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).contains("IDENTIFIER_TOO_LONG");
        assertThat(copiesLeftInTheStore()).isZero();
    }

    @Test
    void a_subject_with_a_NUL_character_is_refused_with_a_finding() throws Exception {
        HttpResponse<String> refused = multipart("""
                {"from": {"organId": "000.00.00.G22"}, "to": [{"organId": "000.00.00.H26"}], "subject": "Về việc\\u0000 thử"}""",
                "letter.pdf");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("CONTROL_CHARACTER");
        assertThat(ApiClient.json(refused).path("errors").get(0).path("location").path("path").asText()).isEqualTo("subject");
    }

    @Test
    void a_file_name_with_an_escape_character_is_refused_with_a_finding() throws Exception {
        HttpResponse<String> refused = multipart("""
                {"from": {"organId": "000.00.00.G22"}, "to": [{"organId": "000.00.00.H26"}], "subject": "Về việc thử"}""",
                "c\u001b[31mv.pdf");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("CONTROL_CHARACTER");
        assertThat(ApiClient.json(refused).path("errors").get(0).path("en").asText()).contains("U+001B");
    }

    @Test
    void a_status_code_with_a_line_feed_is_refused_with_a_finding() throws Exception {
        HttpResponse<String> refused = network.hanoi().postJson("/documents/" + receivedKey + "/status",
                "{\"statusCode\": \"03\\n\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("CONTROL_CHARACTER");
        assertThat(ApiClient.json(refused).path("errors").get(0).path("location").path("path").asText()).isEqualTo("statusCode");
    }

    @Test
    void a_status_description_with_a_control_character_is_refused_with_a_finding() throws Exception {
        HttpResponse<String> refused = network.hanoi().postJson("/documents/" + receivedKey + "/status",
                "{\"statusCode\": \"03\", \"description\": \"Đã vào sổ\\u0001\"}");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("CONTROL_CHARACTER");
        assertThat(ApiClient.json(refused).path("errors").get(0).path("location").path("path").asText()).isEqualTo("description");
    }

    @Test
    void attachments_named_after_a_windows_device_or_with_a_slash_look_alike_are_refused() throws Exception {
        int number = 64;
        for (String name : List.of("CON", "NUL.pdf", "com1.pdf", "LPT1", "to-trinh.pdf.", "to-trinh.pdf ", "a\uFF0Fb.pdf",
                "a\u2215b.pdf")) {
            Path hostile = edited(number++, xml -> xml.replaceAll("<AttachmentName>[^<]*</AttachmentName>",
                    "<AttachmentName>" + name + "</AttachmentName>"));

            HttpResponse<String> refused = network.office().postEnvelope(hostile);

            assertThat(refused.statusCode()).as(name + ": " + refused.body()).isEqualTo(400);
            assertThat(ApiClient.errorCodes(refused)).as(name).contains("ATTACHMENT_NAME_UNSAFE");
        }
    }

    @Test
    void a_trace_header_naming_an_agency_the_client_is_not_bound_to_is_refused() throws Exception {
        Path hostile = edited(80, xml -> xml.replaceFirst("(<TraceHeader>\\s*<OrganId>)000\\.00\\.00\\.G22", "$1000.00.00.H26"));

        HttpResponse<String> refused = network.office().postEnvelope(hostile);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("TRACE_NOT_BOUND");
        assertThat(ApiClient.json(refused).path("errors").get(0).path("location").path("path").asText())
                .endsWith("/TraceHeader[1]/OrganId");
    }
}
