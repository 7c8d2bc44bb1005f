package vn.lienthong.dms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.Organization;
import vn.lienthong.transport.TestNetworks;

/**
 * The semantics every DMS interface shares, through the gateway itself, end to end over the simulated axis: two
 * agencies, each with a client that pulls, and every way a client might act for an agency it is not bound to.
 */
class DmsGatewayTest {

    private static final Organization OFFICE = Organization.withId("000.00.00.G22", "Văn phòng Chính phủ");
    private static final Organization HANOI = Organization.withId("000.00.00.H26", "UBND thành phố Hà Nội");

    @TempDir
    Path root;

    private DemoNetwork network;
    private DmsGateway officeGateway;
    private DmsGateway hanoiGateway;
    private DmsClient officeClient;
    private DmsClient hanoiClient;

    @BeforeEach
    void start() throws Exception {
        Path clients = Files.writeString(root.resolve("clients.json"), """
                {"clients": [
                  {"id": "vpcp-dms", "organIds": ["000.00.00.G22"], "apiKeySha256": "%s", "delivery": {"mode": "pull"}},
                  {"id": "hanoi-dms", "organIds": ["000.00.00.H26"], "apiKeySha256": "%s", "delivery": {"mode": "pull"}}
                ]}""".formatted(ApiKeys.sha256("office-key"), ApiKeys.sha256("hanoi-key")), StandardCharsets.UTF_8);
        Properties properties = TestNetworks.fast();
        // The gateway itself is under test; the interfaces over it have their own tests (and would take ports).
        properties.setProperty("lienthong.soap.enabled", "false");
        properties.setProperty("lienthong.api.enabled", "false");
        properties.setProperty("lienthong.dms.clients-file", clients.toString());
        network = DemoNetwork.start(root, List.of(new DemoNetwork.Agency(OFFICE, "vpcp.test"),
                new DemoNetwork.Agency(HANOI, "hanoi.test")), properties);
        officeGateway = gatewayOf(OFFICE);
        hanoiGateway = gatewayOf(HANOI);
        ClientRegistry registry = ClientRegistry.load(clients);
        officeClient = registry.byApiKey("office-key").orElseThrow();
        hanoiClient = registry.byApiKey("hanoi-key").orElseThrow();
    }

    @AfterEach
    void stop() {
        network.close();
    }

    private DmsGateway gatewayOf(Organization agency) {
        return network.connector(agency.organId()).camelContext().getRegistry().lookupByNameAndType("dmsGateway", DmsGateway.class);
    }

    private Path envelopeFrom(Organization from, Organization to, int number) throws Exception {
        return new DemoDocuments(root.resolve("work")).writeEdoc(root.resolve("cv-" + number + ".edxml"), from, List.of(to),
                number, "Về việc kiểm thử giao diện DMS").file();
    }

    private Outcome send(DmsGateway gateway, DmsClient client, Path envelope) throws Exception {
        try (InputStream in = Files.newInputStream(envelope)) {
            return gateway.submitEnvelope(client, in, envelope.getFileName().toString(), "test");
        }
    }

    @SuppressWarnings("unchecked")
    private List<DocumentView> inbox(DmsGateway gateway, DmsClient client) {
        return (List<DocumentView>) gateway.inbox(client).body();
    }

    @Test
    void a_document_sent_by_one_client_waits_in_the_other_agency_s_inbox_until_acknowledged() throws Exception {
        Outcome sent = send(officeGateway, officeClient, envelopeFrom(OFFICE, HANOI, 1));
        assertThat(sent.status()).isEqualTo(Outcome.Status.ACCEPTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(hanoiGateway, hanoiClient).size() == 1);
        String received = inbox(hanoiGateway, hanoiClient).get(0).key();
        assertThat(hanoiGateway.acknowledge(hanoiClient, received).status()).isEqualTo(Outcome.Status.OK);
        assertThat(inbox(hanoiGateway, hanoiClient)).isEmpty();
    }

    @Test
    void a_status_reported_by_the_recipient_reaches_the_sender_s_timeline() throws Exception {
        String key = send(officeGateway, officeClient, envelopeFrom(OFFICE, HANOI, 2)).key();
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(hanoiGateway, hanoiClient).size() == 1);
        String received = inbox(hanoiGateway, hanoiClient).get(0).key();
        Outcome reported = hanoiGateway.reportStatus(hanoiClient, received,
                new StatusReport("03", "Đã vào sổ", "Văn thư", "Trần Thị Bình", null, null), "test");
        assertThat(reported.status()).isEqualTo(Outcome.Status.ACCEPTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> ((DocumentView) officeGateway.document(officeClient, key).body())
                .timeline().stream().anyMatch(entry -> entry.statusCode().equals("03")));
    }

    @Test
    void sending_as_an_agency_the_client_is_not_bound_to_is_refused_with_the_reason() throws Exception {
        Outcome refused = send(officeGateway, officeClient, envelopeFrom(HANOI, OFFICE, 3));
        assertThat(refused.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(refused.errors()).extracting(DmsError::code).containsExactly("SENDER_NOT_BOUND");
        assertThat(refused.errors().get(0).english()).contains("may not send as agency 000.00.00.H26");
        assertThat(refused.errors().get(0).vietnamese()).contains("không được gửi văn bản thay cho cơ quan 000.00.00.H26");
    }

    @Test
    void metadata_naming_another_agency_as_sender_is_refused_before_anything_is_built() throws Exception {
        DocumentRequest request = new DocumentRequest(new DocumentRequest.Agency(HANOI.organId(), null),
                List.of(new DocumentRequest.Agency(OFFICE.organId(), null)), null, "1", "TEST", "Hà Nội", null, 1,
                "Công văn", "Thử", null, null, null, null, List.of());
        Outcome refused = officeGateway.submitDocument(officeClient, request, List.of(), "test");
        assertThat(refused.status()).isEqualTo(Outcome.Status.FORBIDDEN);
        assertThat(refused.errors()).extracting(DmsError::code).containsExactly("NOT_BOUND_TO_AGENCY");
    }

    @Test
    void a_client_cannot_read_report_on_or_acknowledge_another_agency_s_document() throws Exception {
        String sentByOffice = send(officeGateway, officeClient, envelopeFrom(OFFICE, HANOI, 4)).key();
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox(hanoiGateway, hanoiClient).size() == 1);
        String receivedByHanoi = inbox(hanoiGateway, hanoiClient).get(0).key();

        DmsClient stranger = new DmsClient("stranger", null, java.util.Set.of("000.00.00.H99"), null, null, Delivery.pull());
        assertThat(officeGateway.document(stranger, sentByOffice).errors()).extracting(DmsError::code)
                .containsExactly("NOT_YOUR_DOCUMENT");
        assertThat(hanoiGateway.reportStatus(officeClient, receivedByHanoi,
                new StatusReport("03", null, null, null, null, null), "test").status()).isEqualTo(Outcome.Status.FORBIDDEN);
        assertThat(hanoiGateway.acknowledge(officeClient, receivedByHanoi).errors()).extracting(DmsError::code)
                .containsExactly("NOT_IN_INBOX");
        assertThat(inbox(hanoiGateway, officeClient)).isEmpty();
    }

    @Test
    void a_status_envelope_about_a_document_the_client_s_agency_never_received_is_refused() throws Exception {
        Path status = root.resolve("status-03.edxml");
        new DemoDocuments(root.resolve("work")).writeStatus(status, HANOI, OFFICE.organId(),
                "000.00.00.G22,2026/11/25,9999/G22-LT", vn.lienthong.edxml.StatusCode.ACCEPTED);
        Outcome refused = send(hanoiGateway, hanoiClient, status);
        assertThat(refused.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(refused.errors()).extracting(DmsError::code).containsExactly("STATUS_NOT_FOR_RECEIVED_DOCUMENT");
    }

    @Test
    void a_refused_document_comes_back_with_every_finding_and_its_location() throws Exception {
        Path envelope = envelopeFrom(OFFICE, HANOI, 5);
        String broken = Files.readString(envelope, StandardCharsets.UTF_8)
                .replace("<PromulgationDate>2026/11/25</PromulgationDate>", "<PromulgationDate>2014/02/30</PromulgationDate>")
                .replaceFirst("<Subject>[^<]*</Subject>", "<Subject></Subject>");
        Files.writeString(envelope, broken, StandardCharsets.UTF_8);
        Outcome refused = send(officeGateway, officeClient, envelope);
        assertThat(refused.status()).isEqualTo(Outcome.Status.REFUSED);
        assertThat(refused.errors()).extracting(DmsError::code).contains("DATE_NOT_REAL", "SUBJECT_MISSING");
        assertThat(refused.errors()).allSatisfy(error -> assertThat(error.location().line()).isPositive());
    }
}
