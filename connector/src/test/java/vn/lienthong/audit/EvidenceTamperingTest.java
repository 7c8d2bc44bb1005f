package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.audit.stamp.HeadSignature;
import vn.lienthong.audit.stamp.TsaClient;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.signature.xml.TestCredentials;
import vn.lienthong.tracking.LogEntryHash;

/** Each way of tampering with a bundle is caught, precisely, naming the file or the entry, in both languages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceTamperingTest {

    @TempDir
    static Path directory;

    private EvidenceFixture fixture;
    private Anchor anchor;
    private Map<String, byte[]> signed;
    private Map<String, byte[]> unsigned;
    private long intake;

    @BeforeAll
    void bundleADocument() throws Exception {
        fixture = new EvidenceFixture(directory.resolve("data")).passThrough();
        anchor = fixture.log.anchor();
        signed = EvidenceFixture.files(fixture.bundle(directory.resolve("signed.zip"), TestCredentials.RSA_SIGNER.signingKey()));
        unsigned = EvidenceFixture.files(fixture.bundle(directory.resolve("unsigned.zip"), null));
        intake = fixture.log.log.events(fixture.key).stream().filter(e -> e.step().equals("intake-accepted"))
                .findFirst().orElseThrow().sequence();
    }

    @AfterAll
    void close() {
        fixture.close();
    }

    @Test
    void a_swapped_envelope_with_a_manifest_to_match_is_caught_against_its_intake_entry() throws Exception {
        AuditProblem problem = problem(unsigned, true, files -> files.put("envelope.xml",
                "<edXMLEnvelope><Subject>Một văn bản khác</Subject></edXMLEnvelope>".getBytes(StandardCharsets.UTF_8)));

        assertThat(problem.code()).isEqualTo("EVIDENCE_ENVELOPE_SWAPPED");
        assertThat(problem.sequence()).isEqualTo(intake);
        assertThat(problem.vietnamese()).contains("không phải là gói tin đã được tiếp nhận")
                .contains("mục nhật ký số " + intake).contains(fixture.sha256);
        assertThat(problem.english()).contains("log entry " + intake + " (intake-accepted) says " + fixture.sha256);
    }

    @Test
    void a_swapped_envelope_alone_breaks_its_manifest_digest() throws Exception {
        AuditProblem problem = problem(unsigned, false, files -> files.put("envelope.xml", "<x/>".getBytes(StandardCharsets.UTF_8)));

        assertThat(problem.code()).isEqualTo("EVIDENCE_DIGEST_MISMATCH");
        assertThat(problem.english()).startsWith("The evidence bundle's file envelope.xml was changed");
    }

    @Test
    void an_edited_manifest_of_a_signed_bundle_breaks_its_signature() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(signed);
        String manifest = new String(files.get("META-INF/ASiCManifest.xml"), StandardCharsets.UTF_8);
        String firstDigest = manifest.substring(manifest.indexOf("<ds:DigestValue>") + 16, manifest.indexOf("</ds:DigestValue>"));
        files.put("META-INF/ASiCManifest.xml", manifest.replace(firstDigest,
                java.util.Base64.getEncoder().encodeToString(EvidenceBundle.sha256().digest("<x/>".getBytes())))
                .getBytes(StandardCharsets.UTF_8));
        files.put("envelope.xml", "<x/>".getBytes(StandardCharsets.UTF_8));

        AuditProblem problem = problem(files, false, ignored -> { });

        assertThat(problem.code()).isEqualTo("EVIDENCE_MANIFEST_SIGNATURE_INVALID");
        assertThat(problem.vietnamese()).startsWith("Chữ ký META-INF/signature.p7s trên bản kê");
    }

    @Test
    void an_edited_manifest_of_an_unsigned_bundle_no_longer_matches_the_file() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(unsigned);
        String manifest = new String(files.get("META-INF/ASiCManifest.xml"), StandardCharsets.UTF_8);
        int log = manifest.indexOf("URI=\"log.jsonl\"");
        int at = manifest.indexOf("<ds:DigestValue>", log) + 16;
        files.put("META-INF/ASiCManifest.xml", (manifest.substring(0, at) + (manifest.charAt(at) == 'A' ? 'B' : 'A')
                + manifest.substring(at + 1)).getBytes(StandardCharsets.UTF_8));

        AuditProblem problem = problem(files, false, ignored -> { });

        assertThat(problem.code()).isEqualTo("EVIDENCE_DIGEST_MISMATCH");
        assertThat(problem.english()).startsWith("The evidence bundle's file log.jsonl was changed");
    }

    @Test
    void an_edited_log_line_is_named_by_its_sequence() throws Exception {
        AuditProblem problem = problem(unsigned, true, files -> files.put("log.jsonl", new String(files.get("log.jsonl"),
                StandardCharsets.UTF_8).replace("\"outcome\":\"ok\"", "\"outcome\":\"refused\"").getBytes(StandardCharsets.UTF_8)));

        assertThat(problem.code()).isEqualTo("EVIDENCE_ENTRY_EDITED");
        assertThat(problem.sequence()).isEqualTo(intake);
        assertThat(problem.vietnamese()).startsWith("Mục nhật ký số " + intake + " trong log.jsonl đã bị sửa");
        assertThat(problem.english()).startsWith("Log entry " + intake + " in log.jsonl was edited");
    }

    @Test
    void an_edited_log_line_with_its_hash_recomputed_is_caught_by_its_inclusion_path() throws Exception {
        AuditProblem problem = problem(unsigned, true, files -> files.put("log.jsonl", rehashed(files.get("log.jsonl"))));

        assertThat(problem.code()).isEqualTo("EVIDENCE_INCLUSION_BROKEN");
        assertThat(problem.sequence()).isEqualTo(intake);
        assertThat(problem.english()).contains("inclusion path of log entry " + intake + " does not lead to the root "
                + anchor.head().root());
    }

    @Test
    void a_broken_inclusion_path_is_named_by_its_entry() throws Exception {
        String proof = new String(unsigned.get("proof.json"), StandardCharsets.UTF_8);
        int at = proof.indexOf("\"path\"");
        at = proof.indexOf('"', proof.indexOf('[', at)) + 1;
        String broken = proof.substring(0, at) + (proof.charAt(at) == '0' ? '1' : '0') + proof.substring(at + 1);

        AuditProblem problem = problem(unsigned, true, files -> files.put("proof.json", broken.getBytes(StandardCharsets.UTF_8)));

        assertThat(problem.code()).isEqualTo("EVIDENCE_INCLUSION_BROKEN");
        assertThat(problem.sequence()).isEqualTo(fixture.log.log.events(fixture.key).get(0).sequence() - 1);
    }

    @Test
    void a_forged_head_signature_is_refused() throws Exception {
        byte[] forged = HeadSignature.sign(TestCredentials.STRANGER.signingKey(), anchor.head().bytes()).signature();

        AuditProblem problem = problem(unsigned, true, files -> files.put("anchor/head.sig", forged));

        assertThat(problem.code()).isEqualTo("ANCHOR_SIGNATURE_INVALID");
        assertThat(problem.sequence()).isEqualTo(anchor.head().size());
        assertThat(problem.vietnamese()).startsWith("Mốc neo của cây " + anchor.head().size() + " mục");
    }

    @Test
    void a_head_rewritten_to_another_root_is_refused_by_its_signature() throws Exception {
        String head = anchor.head().text().replace(anchor.head().root(), "ab".repeat(32));

        AuditProblem problem = problem(unsigned, true, files -> {
            files.put("anchor/head.txt", head.getBytes(StandardCharsets.UTF_8));
            files.put("proof.json", new String(files.get("proof.json"), StandardCharsets.UTF_8)
                    .replace(anchor.head().root(), "ab".repeat(32)).getBytes(StandardCharsets.UTF_8));
        });

        assertThat(problem.code()).isIn("EVIDENCE_INCLUSION_BROKEN", "ANCHOR_SIGNATURE_INVALID");
    }

    @Test
    void a_time_stamp_over_another_hash_is_refused() throws Exception {
        byte[] otherToken = new TsaClient(fixture.log.tsa.url(), Duration.ofSeconds(10))
                .timestamp("another signature".getBytes(StandardCharsets.UTF_8));

        AuditProblem problem = problem(unsigned, true, files -> files.put("anchor/head.tst", otherToken));

        assertThat(problem.code()).isEqualTo("TIMESTAMP_OTHER_DATA");
        assertThat(problem.sequence()).isEqualTo(anchor.head().size());
    }

    @Test
    void a_file_slipped_in_after_the_manifest_was_made_is_named() throws Exception {
        AuditProblem problem = problem(unsigned, false, files -> files.put("note.txt", "đã duyệt".getBytes(StandardCharsets.UTF_8)));

        assertThat(problem.code()).isEqualTo("EVIDENCE_FILE_NOT_IN_MANIFEST");
        assertThat(problem.english()).startsWith("The file note.txt is in the evidence bundle but not in its manifest");
    }

    @Test
    void a_removed_file_is_named() throws Exception {
        AuditProblem problem = problem(unsigned, false, files -> files.remove("anchor/head.tst"));

        assertThat(problem.code()).isEqualTo("EVIDENCE_FILE_MISSING");
        assertThat(problem.english()).contains("anchor/head.tst");
    }

    @Test
    void a_bundle_whose_mimetype_is_not_first_is_not_asic() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(unsigned);
        byte[] mimetype = files.remove("mimetype");
        files.put("mimetype", mimetype);

        AuditProblem problem = problem(files, false, ignored -> { });

        assertThat(problem.code()).isEqualTo("EVIDENCE_MIMETYPE");
    }

    @Test
    void a_file_that_is_no_zip_is_unusable_input() throws Exception {
        Path notZip = Files.writeString(directory.resolve("not.zip"), "hello");

        AuditProblem problem = catchThrowableOfType(() -> EvidenceVerifier.verify(notZip, null, null), AuditProblem.class);

        assertThat(problem.code()).isEqualTo(EvidenceVerifier.UNREADABLE);
    }

    /** The log with its intake entry's outcome changed and its entryHash recomputed to match. */
    private byte[] rehashed(byte[] log) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(log, StandardCharsets.UTF_8).split("\n")) {
            if (line.contains("\"step\":\"intake-accepted\"")) {
                line = line.replace("\"outcome\":\"ok\"", "\"outcome\":\"refused\"");
                String hash = line.substring(line.indexOf("\"entryHash\":\"") + 13, line.lastIndexOf('"'));
                String previous = line.substring(line.indexOf("\"previousHash\":\"") + 16, line.indexOf("\",\"entryHash\""));
                String sequence = line.substring(line.indexOf("\"sequence\":") + 11, line.indexOf(",\"time\""));
                String time = line.substring(line.indexOf("\"time\":\"") + 8, line.indexOf("\",\"documentKey\""));
                String detail = "outbox cong-van.edxml";
                line = line.replace(hash, LogEntryHash.of(Long.parseLong(sequence), java.time.Instant.parse(time),
                        fixture.key, "intake-accepted", "refused", 1, fixture.sha256, detail, previous));
            }
            out.append(line).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private AuditProblem problem(Map<String, byte[]> original, boolean freshManifest, Consumer<Map<String, byte[]>> edit)
            throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(original);
        edit.accept(files);
        Path zip = EvidenceFixture.write(Files.createTempFile(directory, "tampered", ".zip"), files, freshManifest);
        AuditProblem problem = catchThrowableOfType(() -> EvidenceVerifier.verify(zip, fixture.log.tsa.certificate(), null),
                AuditProblem.class);
        assertThat(problem).as("tampering must be caught").isNotNull();
        assertThat(problem.vietnamese()).isNotBlank().isNotEqualTo(problem.english());
        return problem;
    }
}
