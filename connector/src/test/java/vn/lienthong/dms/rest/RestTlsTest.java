package vn.lienthong.dms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.dms.ApiKeys;
import vn.lienthong.dms.TlsPki;
import vn.lienthong.transport.TestNetworks;

/**
 * The REST API over TLS (lienthong.dms.tls.* with the CA of the client certificates as trust store): vpcp-cert is
 * bound to the Government Office (G22) by its pinned certificate and has no API key; hanoi-dms (H26) keeps its key
 * and has no certificate. Both agencies' connectors run TLS; real handshakes on loopback.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestTlsTest {

    private final String hanoiKey = ApiKeys.newKey();
    private TlsPki pki;
    private TlsPki.Party officeCertificate;
    private DemoNetwork network;
    private DemoDocuments documents;
    private Path root;
    private int officePort;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        this.root = root;
        pki = TlsPki.generate(root.resolve("pki"));
        officeCertificate = pki.client("vpcp-dms");
        Path clients = Files.writeString(root.resolve("clients.json"), """
                {"clients": [
                  {"id": "vpcp-cert", "organIds": ["000.00.00.G22"], "certificateSha256": "%s", "delivery": {"mode": "pull"}},
                  {"id": "hanoi-dms", "organIds": ["000.00.00.H26"], "apiKeySha256": "%s", "delivery": {"mode": "pull"}}
                ]}""".formatted(officeCertificate.fingerprint(), ApiKeys.sha256(hanoiKey)), StandardCharsets.UTF_8);
        officePort = RestNetwork.twoFreePorts();
        Properties properties = TestNetworks.fast();
        properties.putAll(pki.settings(true));
        properties.setProperty("lienthong.soap.enabled", "false");
        properties.setProperty("lienthong.api.port", Integer.toString(officePort));
        properties.setProperty("lienthong.dms.clients-file", clients.toString());
        network = DemoNetwork.start(root.resolve("network"), List.of(new DemoNetwork.Agency(RestNetwork.OFFICE, "vpcp.test"),
                new DemoNetwork.Agency(RestNetwork.HANOI, "hanoi.test")), properties);
        documents = new DemoDocuments(root.resolve("work"));
    }

    @AfterAll
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    /** vpcp-cert at the Government Office's connector, presenting {@code certificate} (null: none) and no key. */
    private ApiClient officeClient(TlsPki.Party certificate) throws Exception {
        return ApiClient.overTls(officePort, pki.clientContext(certificate), null);
    }

    private Path envelope(boolean fromOffice, int number) throws Exception {
        return documents.writeEdoc(root.resolve("cv-" + number + ".edxml"),
                fromOffice ? RestNetwork.OFFICE : RestNetwork.HANOI, List.of(fromOffice ? RestNetwork.HANOI : RestNetwork.OFFICE),
                number, "Về việc kiểm thử TLS số " + number).file();
    }

    @Test
    void a_client_with_a_pinned_certificate_and_no_key_sends_for_its_agency_and_the_document_arrives() throws Exception {
        ApiClient office = officeClient(officeCertificate);

        HttpResponse<String> sent = office.postEnvelope(envelope(true, 61));

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String key = ApiClient.json(sent).path("key").asText();
        assertThat(office.get("/documents/" + key).statusCode()).isEqualTo(200);
        ApiClient hanoi = ApiClient.overTls(officePort + 1, pki.clientContext(null), hanoiKey);
        assertThat(RestNetwork.awaitInInbox(hanoi, "000.00.00.G22,2026/11/25,61/G22-LT")).matches("[0-9a-f]{64}");
    }

    @Test
    void the_certificate_client_sending_as_another_agency_is_refused_with_SENDER_NOT_BOUND() throws Exception {
        HttpResponse<String> refused = officeClient(officeCertificate).postEnvelope(envelope(false, 62));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("SENDER_NOT_BOUND");
    }

    @Test
    void a_certificate_no_client_pins_is_refused_with_401_in_the_one_error_shape() throws Exception {
        TlsPki.Party stranger = pki.client("vpcp-dms"); // same CA, same name, another key: not the pinned certificate

        HttpResponse<String> refused = officeClient(stranger).get("/inbox");

        assertThat(refused.statusCode()).isEqualTo(401);
        JsonNode error = ApiClient.json(refused).path("errors").get(0);
        assertThat(error.path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(error.path("vi").asText()).startsWith("Không xác thực được máy khách");
        assertThat(error.path("en").asText()).contains("TLS client certificate");
        assertThat(refused.body()).doesNotContain("Exception");
    }

    @Test
    void a_caller_with_neither_key_nor_certificate_is_refused_with_401() throws Exception {
        HttpResponse<String> refused = officeClient(null).get("/inbox");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void a_wrong_key_is_not_rescued_by_a_pinned_certificate() throws Exception {
        HttpResponse<String> refused = officeClient(officeCertificate).withKey(ApiKeys.newKey()).get("/inbox");

        assertThat(refused.statusCode()).isEqualTo(401);
    }

    @Test
    void an_api_key_client_without_a_certificate_is_served_over_tls() throws Exception {
        HttpResponse<String> inbox = ApiClient.overTls(officePort + 1, pki.clientContext(null), hanoiKey).get("/inbox");

        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).startsWith("[");
    }
}
