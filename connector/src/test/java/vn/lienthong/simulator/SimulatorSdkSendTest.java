package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.simulator.TestAxis.MINISTRY;
import static vn.lienthong.simulator.TestAxis.MINISTRY_SYSTEM;
import static vn.lienthong.simulator.TestAxis.PROVINCE;
import static vn.lienthong.simulator.TestAxis.PROVINCE_SYSTEM;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.HashFile;

/**
 * sendEdoc as the official SDK puts it on the wire: the file followed by CRLF, with a hash-file of the file alone
 * and without zero padding. The real axis accepts it and hands the recipient the file as the sender had it.
 */
class SimulatorSdkSendTest {

    private static final byte[] NOTHING = new byte[0];
    private static final byte[] LF = {'\n'};

    @TempDir
    Path storage;

    private AxisSimulator simulator;
    private SdkWire ministry;

    @BeforeEach
    void start() throws IOException {
        simulator = AxisSimulator.start(TestAxis.settings(storage));
        ministry = SdkWire.of(simulator, MINISTRY_SYSTEM);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static String unpaddedHash(byte[] file) {
        return HashFile.sdkForm(SdkLikeClient.sha256(file));
    }

    /** Sends, checks the answer is an OK the SDK can read, and returns the DocId. */
    private static String accepted(SdkWire.RawAnswer answer) {
        JsonNode sent = SdkModels.SEND_EDOC.read(answer);
        assertThat(answer.statusCode()).as(answer.text()).isEqualTo(200);
        assertThat(sent.get("DocId").asText()).isNotEmpty();
        return sent.get("DocId").asText();
    }

    /** What the province gets when it fetches {@code docId}, decoded. */
    private byte[] fetchedByProvince(String docId) {
        SdkWire.RawAnswer answer = SdkWire.of(simulator, PROVINCE_SYSTEM).getEdoc("docId", docId);
        assertThat(answer.statusCode()).as(answer.text()).isEqualTo(200);
        return Base64.getDecoder().decode(SdkModels.GET_EDOC.read(answer).get("data").asText());
    }

    /** An envelope whose SHA-256 has a byte below 0x10, so the SDK's unpadded hash-file is shorter than 64 digits. */
    private static byte[] envelopeWithAShortHash() {
        for (int variant = 0; ; variant++) {
            byte[] envelope = (new String(SimulatorEnvelopes.edoc(MINISTRY, "d-short", PROVINCE), StandardCharsets.UTF_8)
                    + "<!-- " + variant + " -->\n").getBytes(StandardCharsets.UTF_8);
            if (unpaddedHash(envelope).length() < 64) {
                return envelope;
            }
        }
    }

    @Test
    void the_sdks_crlf_after_the_file_is_accepted_and_the_recipient_gets_the_file_without_it() {
        byte[] file = SimulatorEnvelopes.edoc(MINISTRY, "d-1", PROVINCE);

        String docId = accepted(ministry.sendEdoc(file, MINISTRY, "edoc"));

        assertThat(fetchedByProvince(docId)).isEqualTo(file);
    }

    @Test
    void a_lone_lf_after_the_file_is_accepted_and_left_out_as_well() {
        byte[] file = SimulatorEnvelopes.edoc(MINISTRY, "d-2", PROVINCE);

        String docId = accepted(ministry.sendEdoc(file, MINISTRY, "edoc", unpaddedHash(file), LF));

        assertThat(fetchedByProvince(docId)).isEqualTo(file);
    }

    @Test
    void a_body_whose_hash_covers_its_own_final_line_end_is_kept_as_it_came() {
        byte[] file = SimulatorEnvelopes.edoc(MINISTRY, "d-3", PROVINCE);
        assertThat(file[file.length - 1]).as("the envelope ends with a line end").isEqualTo((byte) '\n');

        String docId = accepted(ministry.sendEdoc(file, MINISTRY, "edoc", unpaddedHash(file), NOTHING));

        assertThat(fetchedByProvince(docId)).isEqualTo(file);
    }

    @Test
    void a_file_ending_in_crlf_sent_with_the_sdks_crlf_keeps_its_own() {
        String text = new String(SimulatorEnvelopes.edoc(MINISTRY, "d-4", PROVINCE), StandardCharsets.UTF_8);
        byte[] file = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

        String docId = accepted(ministry.sendEdoc(file, MINISTRY, "edoc"));

        assertThat(fetchedByProvince(docId)).isEqualTo(file);
    }

    @Test
    void an_unpadded_hash_file_is_accepted_with_the_sdks_crlf() {
        byte[] file = envelopeWithAShortHash();

        String docId = accepted(ministry.sendEdoc(file, MINISTRY, "edoc"));

        assertThat(fetchedByProvince(docId)).isEqualTo(file);
    }

    @Test
    void a_hash_file_matching_neither_the_body_nor_the_body_without_its_crlf_is_refused_with_an_empty_doc_id() {
        byte[] file = SimulatorEnvelopes.edoc(MINISTRY, "d-5", PROVINCE);
        String otherHash = unpaddedHash("another file".getBytes(StandardCharsets.UTF_8));

        SdkWire.RawAnswer answer = ministry.sendEdoc(file, MINISTRY, "edoc", otherHash, new byte[] {'\r', '\n'});

        JsonNode refused = SdkModels.SEND_EDOC.read(answer);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(refused.get("status").asText()).isEqualTo("FAIL");
        assertThat(refused.get("ErrorDesc").asText()).contains("hash-file does not match");
        assertThat(refused.get("DocId").asText()).isEmpty();
        assertThat(simulator.stats().refusedSends()).isEqualTo(1);
    }

    @Test
    void a_hash_of_the_file_is_refused_when_more_than_one_line_end_follows_it() {
        byte[] file = SimulatorEnvelopes.edoc(MINISTRY, "d-6", PROVINCE);

        SdkWire.RawAnswer answer = ministry.sendEdoc(file, MINISTRY, "edoc", unpaddedHash(file),
                new byte[] {'\r', '\n', '\r', '\n'});

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(SdkModels.SEND_EDOC.read(answer).get("ErrorDesc").asText()).contains("hash-file does not match");
    }

    @Test
    void a_package_taken_without_its_crlf_leaves_only_its_own_file_in_storage() throws IOException {
        byte[] file = SimulatorEnvelopes.edoc(MINISTRY, "d-7", PROVINCE);

        String docId = accepted(ministry.sendEdoc(file, MINISTRY, "edoc"));

        try (var files = Files.walk(simulator.storageDirectory())) {
            // The time-stamping authority's certificate is kept there from the start; it is no package.
            assertThat(files.filter(Files::isRegularFile)
                    .filter(stored -> !stored.equals(simulator.timestampAuthorityCertificate())))
                    .singleElement()
                    .satisfies(stored -> {
                        assertThat(stored.getFileName().toString()).isEqualTo(docId + ".edxml");
                        assertThat(Files.readAllBytes(stored)).isEqualTo(file);
                    });
        }
    }
}
