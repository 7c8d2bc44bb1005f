package vn.lienthong.dms.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Following a document over REST: its state and timeline, statuses reported back, and the stored envelope. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestTrackingTest {

    private RestNetwork network;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        network = new RestNetwork(root);
    }

    @AfterAll
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    private String send(int number) throws Exception {
        HttpResponse<String> sent = network.office().postEnvelope(network.envelope(RestNetwork.OFFICE, RestNetwork.HANOI, number));
        assertThat(sent.statusCode()).isEqualTo(202);
        return ApiClient.json(sent).path("key").asText();
    }

    private static boolean timelineHas(ApiClient client, String key, String statusCode) throws Exception {
        for (JsonNode entry : ApiClient.json(client.get("/documents/" + key)).path("timeline")) {
            if (statusCode.equals(entry.path("statusCode").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void the_sender_sees_the_document_s_state_and_its_per_recipient_timeline() throws Exception {
        String key = send(11);

        await().atMost(Duration.ofSeconds(30)).until(() -> timelineHas(network.office(), key, "sent"));
        HttpResponse<String> document = network.office().get("/documents/" + key);

        assertThat(document.statusCode()).isEqualTo(200);
        JsonNode view = ApiClient.json(document);
        assertThat(view.path("key").asText()).isEqualTo(key);
        assertThat(view.path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(view.path("state").asText()).isEqualTo("SENT");
        assertThat(view.path("sender").asText()).isEqualTo("000.00.00.G22");
        assertThat(view.path("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(view.path("timeline").get(0).path("recipient").asText()).isEqualTo("000.00.00.H26");
    }

    @Test
    void a_status_reported_by_the_recipient_appears_in_the_sender_s_timeline() throws Exception {
        String key = send(12);
        String received = RestNetwork.awaitInInbox(network.hanoi(), "000.00.00.G22,2026/11/25,12/G22-LT");

        HttpResponse<String> reported = network.hanoi().postJson("/documents/" + received + "/status",
                "{\"statusCode\": \"03\", \"description\": \"Đã vào sổ văn bản đến\", \"staff\": \"Trần Thị Bình\"}");

        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineHas(network.office(), key, "03"));
    }

    @Test
    void an_unknown_status_code_is_refused_with_the_list_of_codes() throws Exception {
        send(13);
        String received = RestNetwork.awaitInInbox(network.hanoi(), "000.00.00.G22,2026/11/25,13/G22-LT");

        HttpResponse<String> refused = network.hanoi().postJson("/documents/" + received + "/status", "{\"statusCode\": \"99\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("STATUS_CODE_UNKNOWN");
    }

    @Test
    void the_stored_envelope_is_downloaded_as_it_was_sent() throws Exception {
        Path envelope = network.envelope(RestNetwork.OFFICE, RestNetwork.HANOI, 14);
        String key = ApiClient.json(network.office().postEnvelope(envelope)).path("key").asText();

        HttpResponse<byte[]> download = network.office().http().send(
                network.office().request("/documents/" + key + "/envelope").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/xml");
        assertThat(download.body()).isEqualTo(Files.readAllBytes(envelope));
    }

    @Test
    void an_unknown_key_is_not_found() throws Exception {
        HttpResponse<String> missing = network.office().get("/documents/" + "0".repeat(64));

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(ApiClient.errorCodes(missing)).containsExactly("DOCUMENT_NOT_FOUND");
    }

    @Test
    void the_contract_is_served_to_anyone() throws Exception {
        HttpResponse<String> contract = network.office().withKey(null).send(
                network.office().withKey(null).request("/openapi.yaml").GET());

        assertThat(contract.statusCode()).isEqualTo(200);
        assertThat(contract.body()).startsWith("openapi: 3.0.3").contains("/documents/{key}/status:");
    }
}
