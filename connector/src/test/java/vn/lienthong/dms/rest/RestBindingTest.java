package vn.lienthong.dms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client acts only for the agencies it is bound to, through every operation: vpcp-dms is bound to the Government
 * Office (G22), hanoi-dms to Hanoi (H26), and each tries what belongs to the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestBindingTest {

    private Path root;
    private RestNetwork network;
    /** A document the Government Office sent to Hanoi: its key at the sender, and its key in Hanoi's inbox. */
    private String sentKey;
    private String receivedKey;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        this.root = root;
        network = new RestNetwork(root);
        HttpResponse<String> sent = network.office().postEnvelope(network.envelope(RestNetwork.OFFICE, RestNetwork.HANOI, 21));
        sentKey = ApiClient.json(sent).path("key").asText();
        receivedKey = RestNetwork.awaitInInbox(network.hanoi(), "000.00.00.G22,2026/11/25,21/G22-LT");
    }

    @AfterAll
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void sending_an_envelope_as_another_agency_is_refused_with_SENDER_NOT_BOUND() throws Exception {
        HttpResponse<String> refused = network.office().postEnvelope(network.envelope(RestNetwork.HANOI, RestNetwork.OFFICE, 22));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("SENDER_NOT_BOUND");
        assertThat(ApiClient.json(refused).path("errors").get(0).path("en").asText()).contains("000.00.00.H26");
        assertThat(ApiClient.json(refused).path("errors").get(0).path("vi").asText()).contains("000.00.00.H26");
    }

    @Test
    void sending_metadata_as_another_agency_is_forbidden_with_NOT_BOUND_TO_AGENCY() throws Exception {
        Path pdf = Files.writeString(root.resolve("x.pdf"), "%PDF-1.4\n%%EOF\n", StandardCharsets.US_ASCII);

        HttpResponse<String> refused = network.office().postMultipart("""
                {"from": {"organId": "000.00.00.H26"}, "to": [{"organId": "000.00.00.G22"}],
                 "codeNumber": "23", "codeNotation": "UBND-VP", "subject": "Giả danh UBND Hà Nội"}""", Map.of("x.pdf", pdf));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("NOT_BOUND_TO_AGENCY");
    }

    @Test
    void reading_a_document_of_another_agency_is_forbidden_with_NOT_YOUR_DOCUMENT() throws Exception {
        HttpResponse<String> refused = network.hanoiAtOffice().get("/documents/" + sentKey);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("NOT_YOUR_DOCUMENT");
    }

    @Test
    void downloading_the_envelope_of_another_agency_s_document_is_forbidden() throws Exception {
        HttpResponse<String> refused = network.hanoiAtOffice().get("/documents/" + sentKey + "/envelope");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("NOT_YOUR_DOCUMENT");
    }

    @Test
    void reporting_status_on_a_document_another_agency_received_is_forbidden() throws Exception {
        HttpResponse<String> refused = network.officeAtHanoi().postJson("/documents/" + receivedKey + "/status",
                "{\"statusCode\": \"03\"}");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("NOT_YOUR_DOCUMENT");
    }

    @Test
    void another_client_s_inbox_is_never_shown() throws Exception {
        HttpResponse<String> inbox = network.officeAtHanoi().get("/inbox");

        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(inbox).findValuesAsText("key")).doesNotContain(receivedKey);
    }

    @Test
    void acknowledging_a_document_in_another_client_s_inbox_finds_nothing_and_leaves_it_there() throws Exception {
        HttpResponse<String> refused = network.officeAtHanoi().post("/inbox/" + receivedKey + "/ack");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("NOT_IN_INBOX");
        assertThat(ApiClient.json(network.hanoi().get("/inbox")).findValuesAsText("key")).contains(receivedKey);
    }
}
