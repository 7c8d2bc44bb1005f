package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signature.xml.TestCredentials;

/** A document's evidence bundle, built from a real log in H2 and a loopback TSA, checked by the verifier alone. */
class EvidenceBundleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private EvidenceFixture fixture;

    @BeforeEach
    void passADocumentThrough() throws Exception {
        fixture = new EvidenceFixture(directory.resolve("data")).passThrough();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void a_bundle_of_an_anchored_document_verifies_with_its_envelope_entries_and_head() throws Exception {
        fixture.log.anchor();
        Path zip = fixture.bundle(directory.resolve("evidence.zip"), TestCredentials.RSA_SIGNER.signingKey());

        EvidenceVerdict verdict = EvidenceVerifier.verify(zip, fixture.log.tsa.certificate(), null);

        assertThat(verdict.documentKey()).isEqualTo(fixture.key);
        assertThat(verdict.envelopeSha256()).isEqualTo(fixture.sha256);
        assertThat(verdict.sequences()).hasSize(5);
        assertThat(verdict.anchor().stamped()).isTrue();
        assertThat(verdict.anchor().tsaPinned()).isTrue();
        assertThat(verdict.manifestSigner()).contains("Văn phòng Chính phủ");
    }

    @Test
    void the_bundle_holds_the_envelope_as_filed_and_every_file_the_contract_names() throws Exception {
        fixture.log.anchor();
        Map<String, byte[]> files = EvidenceFixture.files(fixture.bundle(directory.resolve("e.zip"), null));

        assertThat(files.keySet()).containsExactly("mimetype", "envelope.xml", "validation.json", "signatures.json",
                "timeline.json", "log.jsonl", "proof.json", "anchor/head.txt", "anchor/head.sig", "anchor/head.tst",
                "anchor/signer.pem", "anchor/algorithm.txt", "META-INF/ASiCManifest.xml");
        assertThat(files.get("envelope.xml")).isEqualTo(fixture.envelope);
        assertThat(new String(files.get("mimetype"), StandardCharsets.US_ASCII)).isEqualTo("application/vnd.etsi.asic-e+zip");
        String log = new String(files.get("log.jsonl"), StandardCharsets.UTF_8);
        assertThat(log.lines()).hasSize(5).first().asString().contains("\"step\":\"signatures-checked\"");
        JsonNode proof = JSON.readTree(files.get("proof.json"));
        assertThat(proof.path("inclusions")).hasSize(5);
        assertThat(JSON.readTree(files.get("validation.json")).path("findings").get(0).path("code").asText())
                .isEqualTo("DATE_IN_FUTURE");
        assertThat(JSON.readTree(files.get("timeline.json")).path("statuses").get(0).path("code").asText()).isEqualTo("01");
        assertThat(JSON.readTree(files.get("signatures.json")).path("report").path("verdict").asText()).isEqualTo("VALID");
    }

    @Test
    void the_mimetype_is_the_first_local_file_stored_without_compression() throws Exception {
        fixture.log.anchor();
        byte[] zip = Files.readAllBytes(fixture.bundle(directory.resolve("e.zip"), null));

        assertThat(new String(Arrays.copyOfRange(zip, 30, 38), StandardCharsets.US_ASCII)).isEqualTo("mimetype");
        assertThat(zip[8]).isZero();
        assertThat(new String(Arrays.copyOfRange(zip, 38, 38 + 31), StandardCharsets.US_ASCII))
                .isEqualTo("application/vnd.etsi.asic-e+zip");
    }

    @Test
    void a_document_whose_last_entry_no_stamped_head_covers_is_not_yet_anchored() throws Exception {
        fixture.log.anchor(false);

        AuditProblem problem = catchThrowableOfType(() -> fixture.bundles(null).prepare(fixture.key), AuditProblem.class);

        assertThat(problem.code()).isEqualTo("NOT_YET_ANCHORED");
        assertThat(problem.vietnamese()).contains("chưa được neo").contains("lần neo kế tiếp");
        assertThat(problem.english()).contains("not yet anchored").contains("after the next anchor");
    }

    @Test
    void an_unknown_key_is_said_in_both_languages() {
        AuditProblem problem = catchThrowableOfType(() -> fixture.bundles(null).prepare("ab".repeat(32)),
                AuditProblem.class);

        assertThat(problem.code()).isEqualTo("UNKNOWN_DOCUMENT");
        assertThat(problem.vietnamese()).startsWith("Không có văn bản nào mang mã");
        assertThat(problem.english()).startsWith("No document has the key");
    }

    @Test
    void a_later_head_covers_the_document_when_the_first_was_taken_before_its_last_entry() throws Exception {
        fixture.log.append(null, 1);
        fixture.log.anchor();
        fixture.log.append(null, 3);
        fixture.log.anchor();
        Path zip = fixture.bundle(directory.resolve("e.zip"), null);

        EvidenceVerdict verdict = EvidenceVerifier.verify(zip, null, null);

        assertThat(verdict.anchor().size()).isEqualTo(fixture.log.anchors.firstStampedCovering(verdict.sequences()
                .get(verdict.sequences().size() - 1)).orElseThrow().head().size());
        assertThat(verdict.manifestSigner()).isNull();
    }

    @Test
    void the_auditors_head_is_matched_by_its_root_the_hash_of_its_text_or_its_last_entry() throws Exception {
        var anchor = fixture.log.anchor();
        Path zip = fixture.bundle(directory.resolve("e.zip"), null);
        String textHash = java.util.HexFormat.of().formatHex(EvidenceBundle.sha256().digest(anchor.head().bytes()));

        assertThat(EvidenceVerifier.verify(zip, null, anchor.head().root()).anchor().size()).isEqualTo(anchor.head().size());
        assertThat(EvidenceVerifier.verify(zip, null, textHash.toUpperCase()).anchor().size()).isEqualTo(anchor.head().size());
        assertThat(EvidenceVerifier.verify(zip, null, anchor.head().last()).anchor().size()).isEqualTo(anchor.head().size());
        AuditProblem other = catchThrowableOfType(() -> EvidenceVerifier.verify(zip, null, "00".repeat(32)),
                AuditProblem.class);
        assertThat(other.code()).isEqualTo("EVIDENCE_HEAD_NOT_EXPECTED");
    }
}
