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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.HashFile;

/** A document the axis cannot deliver is refused with 400 and a plain reason; an unknown DocId is 404. */
class SimulatorRefusalTest {

    @TempDir
    Path storage;

    private AxisSimulator simulator;
    private SdkLikeClient ministry;

    @BeforeEach
    void start() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage));
        ministry = TestAxis.client(simulator, MINISTRY_SYSTEM);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static void assertFail(HttpResponse<String> response, int code, String reason) {
        assertThat(response.statusCode()).isEqualTo(code);
        JsonNode answer = SdkLikeClient.json(response);
        assertThat(answer.get("status").asText()).isEqualTo("FAIL");
        assertThat(answer.get("ErrorCode").asText()).isEqualTo(String.valueOf(code));
        assertThat(answer.get("ErrorDesc").asText()).contains(reason);
    }

    @Test
    void a_recipient_not_registered_on_the_axis_is_refused_with_400() {
        HttpResponse<String> response = ministry.send(SimulatorEnvelopes.edoc(MINISTRY, "d-1", PROVINCE, "000.00.99.Z99"),
                MINISTRY, "edoc");

        assertFail(response, 400, "recipient 000.00.99.Z99 is not registered");
        assertThat(simulator.stats().refusedSends()).isEqualTo(1);
        assertThat(SdkLikeClient.json(TestAxis.client(simulator, PROVINCE_SYSTEM).receivedList("edoc")).get("data")).isEmpty();
    }

    @Test
    void a_hash_file_that_does_not_match_the_bytes_is_refused_with_400() {
        byte[] envelope = SimulatorEnvelopes.edoc(MINISTRY, "d-2", PROVINCE);
        String otherHash = HashFile.paddedForm(SdkLikeClient.sha256("something else".getBytes(StandardCharsets.UTF_8)));

        assertFail(ministry.send(envelope, MINISTRY, "edoc", null, otherHash), 400, "hash-file");
    }

    @Test
    void an_unreadable_envelope_is_refused_with_400() {
        byte[] notXml = "this is not an envelope".getBytes(StandardCharsets.UTF_8);

        assertFail(ministry.send(notXml, MINISTRY, "edoc"), 400, "cannot be read as edXML");
    }

    @Test
    void an_envelope_without_recipients_is_refused_with_400() {
        assertFail(ministry.send(SimulatorEnvelopes.edoc(MINISTRY, "d-3"), MINISTRY, "edoc"), 400, "no recipient");
    }

    @Test
    void an_unknown_doc_id_is_answered_404() {
        SdkLikeClient province = TestAxis.client(simulator, PROVINCE_SYSTEM);

        assertFail(province.getEdoc("no-such-doc"), 404, "no-such-doc");
        assertFail(province.updateStatus("no-such-doc", "done"), 404, "no-such-doc");
    }

    @Test
    void a_refused_package_leaves_no_file_behind() throws IOException {
        ministry.send(SimulatorEnvelopes.edoc(MINISTRY, "d-4", "000.00.99.Z99"), MINISTRY, "edoc");

        try (var files = Files.walk(simulator.storageDirectory())) {
            // The time-stamping authority's certificate is kept there from the start; it is no package.
            assertThat(files.filter(Files::isRegularFile)
                    .filter(stored -> !stored.equals(simulator.timestampAuthorityCertificate()))).isEmpty();
        }
    }
}
