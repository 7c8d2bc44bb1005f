package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.simulator.TestAxis.MINISTRY;
import static vn.lienthong.simulator.TestAxis.MINISTRY_SYSTEM;
import static vn.lienthong.simulator.TestAxis.PROVINCE;
import static vn.lienthong.simulator.TestAxis.PROVINCE_SYSTEM;
import static vn.lienthong.simulator.TestAxis.SAAS_SYSTEM;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several systems with their own secrets: each receives for its agencies, and for its own system id. */
class SimulatorAddressingTest {

    @TempDir
    Path storage;

    private AxisSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static int waiting(SdkLikeClient system) {
        return SdkLikeClient.json(system.receivedList("edoc")).get("data").size();
    }

    @Test
    void each_recipient_system_sees_the_document_and_the_sender_does_not() {
        SdkLikeClient ministry = TestAxis.client(simulator, MINISTRY_SYSTEM);

        HttpResponse<String> sent = ministry.send(SimulatorEnvelopes.edoc(MINISTRY, "d-1", PROVINCE, SAAS_SYSTEM),
                MINISTRY, "edoc");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(waiting(TestAxis.client(simulator, PROVINCE_SYSTEM))).isEqualTo(1);
        assertThat(waiting(TestAxis.client(simulator, SAAS_SYSTEM))).isEqualTo(1);
        assertThat(waiting(ministry)).isZero();
    }

    @Test
    void a_system_id_is_addressable_as_a_recipient() {
        TestAxis.client(simulator, PROVINCE_SYSTEM).send(SimulatorEnvelopes.edoc(PROVINCE, "d-2", SAAS_SYSTEM),
                PROVINCE, "edoc");

        JsonNode listed = SdkLikeClient.json(TestAxis.client(simulator, SAAS_SYSTEM).receivedList("edoc")).get("data");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("to").asText()).isEqualTo(SAAS_SYSTEM);
    }

    @Test
    void the_to_header_overrides_the_recipients_of_the_envelope() {
        SdkLikeClient ministry = TestAxis.client(simulator, MINISTRY_SYSTEM);
        byte[] envelope = SimulatorEnvelopes.edoc(MINISTRY, "d-3", PROVINCE);

        ministry.send(envelope, MINISTRY, "edoc", "[\"" + SAAS_SYSTEM + "\"]",
                vn.lienthong.axis.HashFile.sdkForm(SdkLikeClient.sha256(envelope)));

        assertThat(waiting(TestAxis.client(simulator, SAAS_SYSTEM))).isEqualTo(1);
        assertThat(waiting(TestAxis.client(simulator, PROVINCE_SYSTEM))).isZero();
    }

    @Test
    void a_system_cannot_fetch_a_package_it_is_not_a_recipient_of() {
        HttpResponse<String> sent = TestAxis.client(simulator, MINISTRY_SYSTEM)
                .send(SimulatorEnvelopes.edoc(MINISTRY, "d-4", PROVINCE), MINISTRY, "edoc");
        String docId = SdkLikeClient.json(sent).get("DocId").asText();

        HttpResponse<String> fetched = TestAxis.client(simulator, SAAS_SYSTEM).getEdoc(docId);

        assertThat(fetched.statusCode()).isEqualTo(404);
        assertThat(SdkLikeClient.json(fetched).get("ErrorCode").asText()).isEqualTo("404");
    }

    @Test
    void concurrent_sends_from_several_systems_are_all_delivered() throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> sends = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String sender = i % 2 == 0 ? MINISTRY_SYSTEM : SAAS_SYSTEM;
                String from = i % 2 == 0 ? MINISTRY : SAAS_SYSTEM;
                byte[] envelope = SimulatorEnvelopes.edoc(from, "concurrent-" + i, PROVINCE);
                sends.add(senders.submit(() -> TestAxis.client(simulator, sender).send(envelope, from, "edoc").statusCode()));
            }
            for (Future<Integer> send : sends) {
                assertThat(send.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            senders.shutdownNow();
        }

        assertThat(waiting(TestAxis.client(simulator, PROVINCE_SYSTEM))).isEqualTo(24);
        assertThat(simulator.stats().acceptedSends()).isEqualTo(24);
    }

    @Test
    void a_registered_agency_receives_in_the_registering_systems_mailbox_and_is_listed() {
        SdkLikeClient saas = TestAxis.client(simulator, SAAS_SYSTEM);
        HttpResponse<String> registered = saas.post("/registerAgency", Map.of(),
                "{\"code\":\"000.00.15.H51\",\"name\":\"Sở Tư pháp tỉnh Quảng Ngãi\",\"mail\":\"stp@quangngai.gov.vn\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

        TestAxis.client(simulator, MINISTRY_SYSTEM).send(SimulatorEnvelopes.edoc(MINISTRY, "d-5", "000.00.15.H51"),
                MINISTRY, "edoc");

        assertThat(waiting(saas)).isEqualTo(1);
        JsonNode agencies = SdkLikeClient.json(saas.post("/getAgenciesList", Map.of())).get("data");
        assertThat(agencies.findValuesAsText("code")).containsExactly(MINISTRY, PROVINCE, "000.00.15.H51");
        assertThat(agencies.get(2).get("name").asText()).isEqualTo("Sở Tư pháp tỉnh Quảng Ngãi");
    }

    @Test
    void a_deleted_agency_is_no_longer_addressable() {
        SdkLikeClient province = TestAxis.client(simulator, PROVINCE_SYSTEM);

        HttpResponse<String> deleted = province.post("/deleteAgency", Map.of("AgencyCode", PROVINCE));

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        HttpResponse<String> sent = TestAxis.client(simulator, MINISTRY_SYSTEM)
                .send(SimulatorEnvelopes.edoc(MINISTRY, "d-6", PROVINCE), MINISTRY, "edoc");
        assertThat(sent.statusCode()).isEqualTo(400);
    }
}
