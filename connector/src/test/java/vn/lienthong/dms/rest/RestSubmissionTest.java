package vn.lienthong.dms.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Sending over REST, end to end through the simulated axis: edXML, metadata and files, and refusals. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestSubmissionTest {

    private static final String PDF = "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            + "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";

    private Path root;
    private RestNetwork network;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        this.root = root;
        network = new RestNetwork(root);
    }

    @AfterAll
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void an_edxml_envelope_is_accepted_and_waits_in_the_recipient_s_inbox_until_acknowledged() throws Exception {
        HttpResponse<String> sent = network.office().postEnvelope(network.envelope(RestNetwork.OFFICE, RestNetwork.HANOI, 1));

        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(ApiClient.json(sent).path("key").asText()).matches("[0-9a-f]{64}");
        assertThat(ApiClient.json(sent).path("state").asText()).isEqualTo("QUEUED");
        String received = RestNetwork.awaitInInbox(network.hanoi(), "000.00.00.G22,2026/11/25,1/G22-LT");
        assertThat(ApiClient.json(network.hanoi().get("/documents/" + received)).path("state").asText())
                .as("its only receiver pulls: DELIVERED in the commit that put it in the inbox").isEqualTo("DELIVERED");
        assertThat(network.hanoi().post("/inbox/" + received + "/ack").statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(network.hanoi().get("/inbox")).findValuesAsText("key")).doesNotContain(received);
    }

    @Test
    void the_same_envelope_sent_again_gets_the_same_key_and_the_state_the_first_one_reached() throws Exception {
        Path envelope = network.envelope(RestNetwork.OFFICE, RestNetwork.HANOI, 2);
        String key = ApiClient.json(network.office().postEnvelope(envelope)).path("key").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ApiClient.json(network.office().get("/documents/" + key)).path("state").asText().equals("SENT"));

        HttpResponse<String> again = network.office().postEnvelope(envelope);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(ApiClient.json(again).path("key").asText()).isEqualTo(key);
        assertThat(ApiClient.json(again).path("state").asText()).isEqualTo("SENT");
    }

    @Test
    void metadata_and_a_pdf_are_built_into_a_document_that_arrives() throws Exception {
        Path pdf = Files.writeString(root.resolve("cong-van-7816.pdf"), PDF, StandardCharsets.US_ASCII);
        String metadata = """
                {"from": {"organId": "000.00.00.G22", "name": "Văn phòng Chính phủ"},
                 "to": [{"organId": "000.00.00.H26", "name": "UBND thành phố Hà Nội"}],
                 "codeNumber": "7816", "codeNotation": "VPCP-TTĐT", "place": "Hà Nội", "promulgationDate": "2026/11/25",
                 "documentType": 1, "documentTypeName": "Công văn",
                 "subject": "Về việc triển khai liên thông văn bản điện tử",
                 "signer": {"competence": "KT. Bộ trưởng", "position": "Phó Chủ nhiệm", "fullName": "Nguyễn Văn An"},
                 "attachments": [{"name": "cong-van-7816.pdf", "description": "Văn bản chính"}]}""";

        HttpResponse<String> sent = network.office().postMultipart(metadata, Map.of("cong-van-7816.pdf", pdf));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        RestNetwork.awaitInInbox(network.hanoi(), "000.00.00.G22,2026/11/25,7816/VPCP-TTĐT");
    }

    @Test
    void a_refused_envelope_is_answered_with_every_finding_and_where_each_is() throws Exception {
        Path envelope = network.documents().writeEdoc(root.resolve("bad.edxml"), RestNetwork.OFFICE,
                List.of(RestNetwork.HANOI), 3, "").file();
        Files.writeString(envelope, Files.readString(envelope, StandardCharsets.UTF_8)
                .replace("PromulgationDate>2026/11/25<", "PromulgationDate>2014/02/30<"), StandardCharsets.UTF_8);

        HttpResponse<String> refused = network.office().postEnvelope(envelope);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).contains("DATE_NOT_REAL", "SUBJECT_MISSING");
        for (JsonNode error : ApiClient.json(refused).path("errors")) {
            assertThat(error.path("vi").asText()).isNotBlank();
            assertThat(error.path("en").asText()).isNotBlank();
            if (List.of("DATE_NOT_REAL", "SUBJECT_MISSING").contains(error.path("code").asText())) {
                assertThat(error.path("location").path("line").asInt()).as(error.toString()).isPositive();
                assertThat(error.path("location").path("column").asInt()).as(error.toString()).isPositive();
            }
        }
    }

    @Test
    void a_body_that_is_neither_edxml_nor_multipart_is_refused_in_the_one_error_shape() throws Exception {
        HttpResponse<String> refused = network.office().postJson("/documents", "{\"subject\": \"?\"}");

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("INVALID_REQUEST");
    }

    @Test
    void metadata_that_is_not_valid_json_is_refused_with_where_it_breaks() throws Exception {
        Path pdf = Files.writeString(root.resolve("x.pdf"), PDF, StandardCharsets.US_ASCII);

        HttpResponse<String> refused = network.office().postMultipart("{\"from\": {\"organId\": \"000.00.00.G22\"},\n \"to\": [", Map.of("x.pdf", pdf));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = ApiClient.json(refused).path("errors").get(0);
        assertThat(error.path("code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(error.path("location").path("line").asInt()).isEqualTo(2);
    }

    @Test
    void a_file_sent_without_a_file_name_is_refused_rather_than_dropped() throws Exception {
        ApiClient client = network.office();
        String body = "--b\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n"
                + "{\"from\": {\"organId\": \"000.00.00.G22\"}, \"to\": [{\"organId\": \"000.00.00.H26\"}], \"subject\": \"Thử\"}\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n" + PDF + "\r\n--b--\r\n";

        HttpResponse<String> refused = client.send(client.request("/documents").header("Content-Type", "multipart/form-data; boundary=b")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).path("errors").get(0).path("location").path("path").asText()).isEqualTo("file");
    }

    @Test
    void metadata_too_long_for_a_text_field_is_refused_with_how_to_send_it_instead() throws Exception {
        ApiClient client = network.office();
        String metadata = "{\"from\": {\"organId\": \"000.00.00.G22\"}, \"to\": [{\"organId\": \"000.00.00.H26\"}], "
                + "\"subject\": \"Thử\", \"content\": \"" + "Nội dung dài. ".repeat(1000) + "\"}";
        String body = "--b\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n" + metadata + "\r\n--b--\r\n";

        HttpResponse<String> refused = client.send(client.request("/documents").header("Content-Type", "multipart/form-data; boundary=b")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).path("errors").get(0).path("en").asText()).contains("-F metadata=@");
    }
}
