package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.simulator.TestAxis.MINISTRY;
import static vn.lienthong.simulator.TestAxis.MINISTRY_SYSTEM;
import static vn.lienthong.simulator.TestAxis.PROVINCE;
import static vn.lienthong.simulator.TestAxis.PROVINCE_SYSTEM;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.AxisTimestamp;

/**
 * The official SDK's headers over a whole exchange: one header map per client object, so later calls carry and
 * sign the headers of earlier ones, in HashMap order; {@code docId} and {@code docid} both; names in any case; and
 * a timestamp in the JVM's local time. Every answer is read as the SDK's model reads it.
 */
class SimulatorSdkSessionTest {

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

    private String sendToProvince(String documentId) {
        SdkWire.RawAnswer answer = SdkWire.of(simulator, MINISTRY_SYSTEM)
                .sendEdoc(SimulatorEnvelopes.edoc(MINISTRY, documentId, PROVINCE), MINISTRY, "edoc");
        assertThat(answer.statusCode()).as(answer.text()).isEqualTo(200);
        return SdkModels.SEND_EDOC.read(answer).get("DocId").asText();
    }

    private static JsonNode ok(SdkModels model, SdkWire.RawAnswer answer) {
        JsonNode json = model.read(answer);
        assertThat(answer.statusCode()).as(answer.text()).isEqualTo(200);
        assertThat(json.get("status").asText()).isEqualTo("OK");
        return json;
    }

    /** The package a getEdoc answer carries, as text, so that a wrong package shows as a readable difference. */
    private static String data(JsonNode getEdocAnswer) {
        return new String(Base64.getDecoder().decode(getEdocAnswer.get("data").asText()), StandardCharsets.UTF_8);
    }

    private static String text(byte[] document) {
        return new String(document, StandardCharsets.UTF_8);
    }

    @Test
    void a_recipient_collects_and_answers_with_one_client_object_whose_stale_headers_are_ignored() {
        byte[] document = SimulatorEnvelopes.edoc(MINISTRY, "d-1", PROVINCE);
        String docId = ok(SdkModels.SEND_EDOC, SdkWire.of(simulator, MINISTRY_SYSTEM)
                .sendEdoc(document, MINISTRY, "edoc")).get("DocId").asText();
        SdkWire province = SdkWire.of(simulator, PROVINCE_SYSTEM);

        JsonNode waiting = ok(SdkModels.RECEIVED_LIST, province.getReceivedEdocList("edoc"));
        JsonNode fetched = ok(SdkModels.GET_EDOC, province.getEdoc("docId", docId));
        ok(SdkModels.SEND_EDOC, province.sendEdoc(SimulatorEnvelopes.status(PROVINCE, MINISTRY, "d-1", "01"),
                PROVINCE, "status"));
        ok(SdkModels.UPDATE_STATUS, province.updateStatus("docId", docId, "done"));
        JsonNode afterwards = ok(SdkModels.RECEIVED_LIST, province.getReceivedEdocList("edoc"));
        JsonNode count = ok(SdkModels.COUNT, province.count("countReceiveEdoc"));

        assertThat(province.signHeaderKey().split(";"))
                .as("the last calls carried every header the earlier ones left")
                .contains("hash-file", "from", "docId", "filePath", "status", "messagetype");
        assertThat(waiting.get("data")).extracting(row -> row.get("docId").asText()).containsExactly(docId);
        assertThat(data(fetched)).isEqualTo(text(document));
        assertThat(afterwards.get("data")).isEmpty();
        assertThat(count.get("count").asInt()).isZero();
    }

    @Test
    void a_sender_follows_its_document_with_one_client_object_whose_stale_headers_are_ignored() {
        SdkWire ministry = SdkWire.of(simulator, MINISTRY_SYSTEM);
        String docId = ok(SdkModels.SEND_EDOC, ministry.sendEdoc(SimulatorEnvelopes.edoc(MINISTRY, "d-2", PROVINCE),
                MINISTRY, "edoc")).get("DocId").asText();
        SdkWire province = SdkWire.of(simulator, PROVINCE_SYSTEM);
        ok(SdkModels.SEND_EDOC, province.sendEdoc(SimulatorEnvelopes.status(PROVINCE, MINISTRY, "d-2", "03"),
                PROVINCE, "status"));

        String statusDocId = ok(SdkModels.RECEIVED_LIST, ministry.getReceivedEdocList("status"))
                .get("data").get(0).get("docId").asText();
        ok(SdkModels.GET_EDOC, ministry.getEdoc("docId", statusDocId));
        ok(SdkModels.UPDATE_STATUS, ministry.updateStatus("docId", statusDocId, "done"));
        JsonNode sent = ok(SdkModels.SENT_LIST, ministry.getSentEdocList("edoc", docId));

        assertThat(sent.get("data")).singleElement().satisfies(row -> {
            assertThat(row.get("senderDocId").asText()).isEqualTo(docId);
            assertThat(row.get("receiveStatus").asText()).isEqualTo("03");
        });
    }

    @Test
    void names_signed_in_the_sdks_hashmap_order_rather_than_the_calls_order_are_accepted() {
        SdkWire province = SdkWire.of(simulator, PROVINCE_SYSTEM);
        ok(SdkModels.UPDATE_STATUS, province.updateStatus("docId", sendToProvince("d-3"), "fail"));

        SdkWire.RawAnswer answer = province.sendEdoc(SimulatorEnvelopes.status(PROVINCE, MINISTRY, "d-3", "01"),
                PROVINCE, "status");

        // The call's own order would be systemid;servicetype;messagetype;hash-file;from;timestamp;Content-Type.
        assertThat(province.signHeaderKey())
                .isEqualTo("servicetype;systemid;messagetype;docId;hash-file;from;status;Content-Type;timestamp");
        ok(SdkModels.SEND_EDOC, answer);
    }

    @Test
    void a_doc_id_spelled_docid_is_read_as_well() {
        byte[] document = SimulatorEnvelopes.edoc(MINISTRY, "d-4", PROVINCE);
        String docId = ok(SdkModels.SEND_EDOC, SdkWire.of(simulator, MINISTRY_SYSTEM)
                .sendEdoc(document, MINISTRY, "edoc")).get("DocId").asText();
        SdkWire province = SdkWire.of(simulator, PROVINCE_SYSTEM);

        assertThat(data(ok(SdkModels.GET_EDOC, province.getEdoc("docid", docId)))).isEqualTo(text(document));
        ok(SdkModels.UPDATE_STATUS, province.updateStatus("docid", docId, "done"));
        assertThat(ok(SdkModels.RECEIVED_LIST, province.getReceivedEdocList("edoc")).get("data")).isEmpty();
    }

    @Test
    void a_stale_docid_of_an_earlier_call_gives_way_to_this_calls_docId() {
        String first = sendToProvince("d-5");
        byte[] second = SimulatorEnvelopes.edoc(MINISTRY, "d-6", PROVINCE);
        String secondDocId = ok(SdkModels.SEND_EDOC, SdkWire.of(simulator, MINISTRY_SYSTEM)
                .sendEdoc(second, MINISTRY, "edoc")).get("DocId").asText();
        SdkWire province = SdkWire.of(simulator, PROVINCE_SYSTEM);
        ok(SdkModels.GET_EDOC, province.getEdoc("docId", first));
        ok(SdkModels.UPDATE_STATUS, province.updateStatus("docid", first, "done"));

        JsonNode fetched = ok(SdkModels.GET_EDOC, province.getEdoc("docId", secondDocId));
        ok(SdkModels.UPDATE_STATUS, province.updateStatus("docId", secondDocId, "done"));

        String signed = province.signHeaderKey();
        assertThat(signed.indexOf("docId;")).as("the stale docid is signed after docId, so the last one would be wrong")
                .isNotNegative().isLessThan(signed.indexOf("docid;"));
        assertThat(data(fetched)).isEqualTo(text(second));
        assertThat(ok(SdkModels.RECEIVED_LIST, province.getReceivedEdocList("edoc")).get("data")).isEmpty();
    }

    @Test
    void header_names_in_lower_case_on_the_wire_are_the_same_headers() {
        byte[] document = SimulatorEnvelopes.edoc(MINISTRY, "d-7", PROVINCE);

        String docId = ok(SdkModels.SEND_EDOC, SdkWire.of(simulator, MINISTRY_SYSTEM).withHeaderNamesInLowerCase()
                .sendEdoc(document, MINISTRY, "edoc")).get("DocId").asText();

        JsonNode fetched = ok(SdkModels.GET_EDOC,
                SdkWire.of(simulator, PROVINCE_SYSTEM).withHeaderNamesInLowerCase().getEdoc("docId", docId));
        assertThat(data(fetched)).isEqualTo(text(document));
    }

    @Test
    void a_machine_not_on_vietnam_time_is_refused_with_the_reason_in_an_answer_the_sdk_can_read() {
        SdkWire onUtc = SdkWire.of(simulator, MINISTRY_SYSTEM)
                .stampedWith(() -> AxisTimestamp.format(LocalDateTime.now(Clock.systemUTC())));

        SdkWire.RawAnswer answer = onUtc.sendEdoc(SimulatorEnvelopes.edoc(MINISTRY, "d-8", PROVINCE), MINISTRY, "edoc");

        JsonNode refused = SdkModels.SEND_EDOC.read(answer);
        assertThat(answer.statusCode()).isEqualTo(401);
        // Seven hours, give or take the moment the request took.
        assertThat(refused.get("ErrorDesc").asText())
                .containsPattern("timestamp is 252\\d\\d s away from the axis clock \\(Vietnam time\\)");
        assertThat(refused.get("DocId").asText()).isEmpty();
    }
}
