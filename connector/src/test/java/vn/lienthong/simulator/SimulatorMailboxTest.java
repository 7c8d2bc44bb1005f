package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.simulator.TestAxis.MINISTRY;
import static vn.lienthong.simulator.TestAxis.MINISTRY_SYSTEM;
import static vn.lienthong.simulator.TestAxis.PROVINCE;
import static vn.lienthong.simulator.TestAxis.PROVINCE_SYSTEM;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.HashFile;

/** Store and forward: a sent package waits in the recipient's mailbox until the recipient says it took it. */
class SimulatorMailboxTest {

    private static final String DOCUMENT_ID = "000.00.00.G22,2026/11/25,7816/VPCP-TTĐT";

    @TempDir
    Path storage;

    private AxisSimulator simulator;
    private SdkLikeClient ministry;
    private SdkLikeClient province;

    @BeforeEach
    void start() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage));
        ministry = TestAxis.client(simulator, MINISTRY_SYSTEM);
        province = TestAxis.client(simulator, PROVINCE_SYSTEM);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    /** An envelope whose SHA-256 has a byte below 0x10, so the SDK's unpadded hash-file differs from the padded one. */
    private static byte[] envelopeWithUnpaddedHash() {
        for (int variant = 0; ; variant++) {
            byte[] envelope = (new String(SimulatorEnvelopes.edoc(MINISTRY, DOCUMENT_ID, PROVINCE), StandardCharsets.UTF_8)
                    + "<!-- " + variant + " -->\n").getBytes(StandardCharsets.UTF_8);
            byte[] sha256 = SdkLikeClient.sha256(envelope);
            if (!HashFile.sdkForm(sha256).equals(HashFile.paddedForm(sha256))) {
                return envelope;
            }
        }
    }

    private String sendToProvince(byte[] envelope) {
        HttpResponse<String> sent = ministry.send(envelope, MINISTRY, "edoc");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        return SdkLikeClient.json(sent).get("DocId").asText();
    }

    @Test
    void an_sdk_shaped_send_is_accepted_and_listed_for_the_recipient_system() {
        HttpResponse<String> sent = ministry.send(envelopeWithUnpaddedHash(), MINISTRY, "edoc");

        assertThat(sent.statusCode()).isEqualTo(200);
        JsonNode answer = SdkLikeClient.json(sent);
        assertThat(answer.get("status").asText()).isEqualTo("OK");
        assertThat(answer.get("ErrorCode").asText()).isEqualTo("0");
        assertThat(answer.get("ErrorDesc").asText()).isEmpty();
        String docId = answer.get("DocId").asText();
        JsonNode listed = SdkLikeClient.json(province.receivedList("edoc")).get("data");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("docId").asText()).isEqualTo(docId);
        assertThat(listed.get(0).get("from").asText()).isEqualTo(MINISTRY);
        assertThat(listed.get(0).get("to").asText()).isEqualTo(PROVINCE);
        assertThat(listed.get(0).get("messageType").asText()).isEqualTo("edoc");
        assertThat(simulator.stats().acceptedSends()).isEqualTo(1);
    }

    @Test
    void the_recipient_fetches_exactly_the_bytes_that_were_sent() {
        byte[] envelope = envelopeWithUnpaddedHash();
        String docId = sendToProvince(envelope);

        HttpResponse<String> fetched = province.getEdoc(docId);

        assertThat(fetched.statusCode()).isEqualTo(200);
        byte[] received = Base64.getDecoder().decode(SdkLikeClient.json(fetched).get("data").asText());
        assertThat(SdkLikeClient.sha256(received)).isEqualTo(SdkLikeClient.sha256(envelope));
        assertThat(simulator.stats().packagesFetched()).isEqualTo(1);
    }

    @Test
    void a_package_stays_listed_across_polls_until_the_recipient_says_done() {
        String docId = sendToProvince(envelopeWithUnpaddedHash());
        province.getEdoc(docId);

        assertThat(SdkLikeClient.json(province.receivedList("edoc")).get("data")).hasSize(1);
        assertThat(SdkLikeClient.json(province.receivedList("edoc")).get("data")).hasSize(1);

        HttpResponse<String> done = province.updateStatus(docId, "done");

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(SdkLikeClient.json(done).get("status").asText()).isEqualTo("OK");
        assertThat(SdkLikeClient.json(province.receivedList("edoc")).get("data")).isEmpty();
        assertThat(simulator.stats().packagesAcknowledged()).isEqualTo(1);
    }

    @Test
    void update_status_fail_leaves_the_package_listed() {
        String docId = sendToProvince(envelopeWithUnpaddedHash());

        assertThat(province.updateStatus(docId, "fail").statusCode()).isEqualTo(200);

        JsonNode listed = SdkLikeClient.json(province.receivedList("edoc")).get("data");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("status").asText()).isEqualTo("fail");
    }

    @Test
    void a_status_envelope_updates_the_senders_sent_list_for_that_recipient() {
        String docId = sendToProvince(SimulatorEnvelopes.edoc(MINISTRY, DOCUMENT_ID, PROVINCE));

        HttpResponse<String> status = province.send(SimulatorEnvelopes.status(PROVINCE, MINISTRY, DOCUMENT_ID, "03"),
                PROVINCE, "status");

        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        JsonNode rows = SdkLikeClient.json(ministry.sentList("edoc")).get("data");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("senderDocId").asText()).isEqualTo(docId);
        assertThat(rows.get(0).get("toCode").asText()).isEqualTo(PROVINCE);
        assertThat(rows.get(0).get("receiveStatus").asText()).isEqualTo("03");
        assertThat(rows.get(0).get("receiveStatusDesc").asText()).isEqualTo("Đã tiếp nhận, vào sổ");
        assertThat(rows.get(0).get("notation").asText()).isEqualTo("7816/VPCP-TTĐT");
    }

    @Test
    void a_status_is_delivered_to_the_agency_that_sent_the_document() {
        sendToProvince(SimulatorEnvelopes.edoc(MINISTRY, DOCUMENT_ID, PROVINCE));

        province.send(SimulatorEnvelopes.status(PROVINCE, MINISTRY, DOCUMENT_ID, "01"), PROVINCE, "status");

        JsonNode statuses = SdkLikeClient.json(ministry.receivedList("status")).get("data");
        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).get("from").asText()).isEqualTo(PROVINCE);
        assertThat(statuses.get(0).get("messageType").asText()).isEqualTo("status");
        assertThat(SdkLikeClient.json(ministry.receivedList("edoc")).get("data")).isEmpty();
    }
}
