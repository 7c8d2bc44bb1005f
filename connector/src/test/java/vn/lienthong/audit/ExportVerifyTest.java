package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.audit.stamp.TsaClient;
import vn.lienthong.audit.tree.Anchor;

/**
 * An export of a real, anchored log verifies; each way of tampering with it is caught with a bilingual problem that
 * names the entry (or the anchor's tree size).
 */
class ExportVerifyTest {

    @TempDir
    Path data;
    @TempDir
    Path out;

    AuditLogFixture fixture;

    @BeforeEach
    void aLogWithTwoAnchorsAndATail() throws Exception {
        fixture = new AuditLogFixture(data);
        fixture.append("k1", 10);
        fixture.anchor(); // size 10, entry 11 records it
        fixture.append("k2", 5);
        fixture.anchor(); // size 16, entry 17
        fixture.append(null, 3); // entries 18..20
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Supplier<Optional<Anchor>> anchorNow() {
        return () -> {
            try {
                return Optional.of(fixture.anchor());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private Path export(ExportFilter filter, String name) throws Exception {
        StringWriter text = new StringWriter();
        new AuditExport(fixture.database, Clock.systemUTC(), null, true, anchorNow()).writeJsonLines(filter, null, text);
        Path file = out.resolve(name);
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        return file;
    }

    private Path exportAll() throws Exception {
        return export(ExportFilter.ALL, "log.jsonl");
    }

    private static Verification verify(Path... files) throws Exception {
        return new AuditVerifier(null).verify(List.of(files), null);
    }

    private static AuditProblem refused(String expectedHead, Path... files) {
        return catchThrowableOfType(() -> new AuditVerifier(null).verify(List.of(files), expectedHead),
                AuditProblem.class);
    }

    private static List<String> lines(Path file) throws Exception {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static void write(Path file, List<String> lines) throws Exception {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void an_export_of_the_whole_log_verifies_with_its_anchors_to_a_fresh_closing_anchor() throws Exception {
        Path file = exportAll();

        Verification verification = verify(file);

        assertThat(verification.entries()).isEqualTo(20);
        assertThat(verification.firstSequence()).isEqualTo(1);
        assertThat(verification.lastSequence()).isEqualTo(20);
        assertThat(verification.lastHash()).isEqualTo(fixture.log.all(20, 1).get(0).entryHash());
        assertThat(verification.anchors()).extracting(AnchorVerdict::size).containsExactlyInAnyOrder(20L, 10L, 16L);
        assertThat(verification.anchors()).allSatisfy(anchor -> assertThat(anchor.stampTime()).isNotNull());
        assertThat(verification.notes()).isEmpty();
        List<String> lines = lines(file);
        assertThat(lines.get(0)).startsWith("{\"type\":\"header\",\"format\":\"lienthong-audit/1\"");
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"type\":\"trailer\",\"entries\":20,\"lastSequence\":20");
        assertThat(lines).filteredOn(line -> line.startsWith("{\"type\":\"consistency\"")).hasSize(2);
    }

    @Test
    void a_period_in_the_middle_verifies_through_its_range_proof() throws Exception {
        Path file = export(ExportFilter.parse("2026-12-04T08:05:00Z", "2026-12-04T08:14:00Z", null, null, null),
                "middle.jsonl");

        Verification verification = verify(file);

        assertThat(verification.firstSequence()).isEqualTo(5);
        assertThat(verification.anchors()).extracting(AnchorVerdict::size).contains(10L);
    }

    @Test
    void editing_one_byte_of_an_entry_names_that_entry() throws Exception {
        Path file = exportAll();
        List<String> lines = lines(file);
        lines.set(5, lines.get(5).replace("\"detail\":\"entry 4\"", "\"detail\":\"entry 5\""));
        write(file, lines);

        AuditProblem problem = refused(null, file);

        assertThat(problem.code()).isEqualTo("ENTRY_ALTERED");
        assertThat(problem.sequence()).isEqualTo(5);
        assertThat(problem.vietnamese()).startsWith("Mục 5 đã bị sửa: nội dung của mục không còn khớp với mã băm");
        assertThat(problem.english()).startsWith("Entry 5 was altered: its content no longer matches its hash");
    }

    @Test
    void a_deleted_entry_is_named_as_missing() throws Exception {
        Path file = exportAll();
        List<String> lines = lines(file);
        lines.remove(7); // entry 7

        AuditProblem problem = rewrittenAndRefused(file, lines);

        assertThat(problem.code()).isEqualTo("ENTRIES_MISSING");
        assertThat(problem.sequence()).isEqualTo(7);
        assertThat(problem.vietnamese()).isEqualTo("Thiếu mục 7: sau mục 6 là mục 8.");
        assertThat(problem.english()).isEqualTo("Entry 7 is missing: entry 8 follows entry 6.");
    }

    @Test
    void a_reordered_pair_is_named() throws Exception {
        Path file = exportAll();
        List<String> lines = lines(file);
        String four = lines.get(4);
        lines.set(4, lines.get(5));
        lines.set(5, four);

        AuditProblem problem = rewrittenAndRefused(file, lines);

        assertThat(problem.code()).isEqualTo("ENTRIES_REORDERED");
        assertThat(problem.sequence()).isEqualTo(4);
        assertThat(problem.english()).startsWith("Entries 4 and 5 are in the wrong order");
    }

    @Test
    void an_inserted_entry_with_a_recomputed_hash_is_named() throws Exception {
        Path file = exportAll();
        List<String> lines = lines(file);
        String previous = fixture.log.all(5, 1).get(0).entryHash();
        String forged = forgedEntry(6, previous);
        lines.add(6, forged); // after entry 5

        AuditProblem problem = rewrittenAndRefused(file, lines);

        assertThat(problem.code()).isEqualTo("ENTRY_INSERTED");
        assertThat(problem.sequence()).isEqualTo(6);
        assertThat(problem.vietnamese()).startsWith("Mục 6 xuất hiện hai lần liên tiếp");
    }

    @Test
    void a_truncated_tail_names_the_last_entry_read() throws Exception {
        Path file = exportAll();
        String text = Files.readString(file);
        int cut = text.indexOf("{\"type\":\"entry\",\"sequence\":13,");
        Files.writeString(file, text.substring(0, cut + 30));

        AuditProblem problem = refused(null, file);

        assertThat(problem.code()).isEqualTo("TRUNCATED");
        assertThat(problem.sequence()).isEqualTo(12);
        assertThat(problem.english()).contains("ends after entry 12 without its trailer");
        assertThat(problem.vietnamese()).contains("kết thúc sau mục 12 mà không có dòng kết thúc");
    }

    @Test
    void a_forged_anchor_signature_is_named_by_its_tree_size() throws Exception {
        Path file = exportAll();
        List<String> lines = lines(file);
        int at = indexOf(lines, "{\"type\":\"anchor\",\"size\":16,");
        String line = lines.get(at);
        String signature = line.replaceAll(".*\"signature\":\"([^\"]+)\".*", "$1");
        byte[] forged = Base64.getDecoder().decode(signature);
        forged[20] ^= 1;
        lines.set(at, line.replace(signature, Base64.getEncoder().encodeToString(forged)));

        AuditProblem problem = rewrittenAndRefused(file, lines);

        assertThat(problem.code()).isEqualTo("ANCHOR_SIGNATURE_INVALID");
        assertThat(problem.sequence()).isEqualTo(16);
        assertThat(problem.english()).startsWith("The anchor of tree size 16: The anchor's signature is invalid");
    }

    @Test
    void a_time_stamp_over_another_hash_is_refused() throws Exception {
        Path file = exportAll();
        List<String> lines = lines(file);
        int at = indexOf(lines, "{\"type\":\"anchor\",\"size\":10,");
        String line = lines.get(at);
        String token = line.replaceAll(".*\"timestamp\":\"([^\"]+)\".*", "$1");
        byte[] other = new TsaClient(fixture.tsa.url(), Duration.ofSeconds(10)).timestamp("another head".getBytes());
        lines.set(at, line.replace(token, Base64.getEncoder().encodeToString(other)));

        AuditProblem problem = rewrittenAndRefused(file, lines);

        assertThat(problem.code()).isEqualTo("TIMESTAMP_OTHER_DATA");
        assertThat(problem.sequence()).isEqualTo(10);
    }

    @Test
    void an_export_of_a_log_with_a_gap_names_the_missing_entry() throws Exception {
        try (var connection = fixture.database.dataSource().getConnection();
                var delete = connection.prepareStatement("DELETE FROM transmission_log WHERE sequence_no = 8")) {
            delete.executeUpdate();
        }
        Path file = export(ExportFilter.parse(null, "2026-12-04T08:10:30Z", null, null, null), "gap.jsonl");

        AuditProblem problem = refused(null, file);

        assertThat(problem.code()).isEqualTo("ENTRIES_MISSING");
        assertThat(problem.sequence()).isEqualTo(8);
    }

    @Test
    void archives_linked_by_digest_verify_together_and_a_changed_earlier_archive_breaks_the_link() throws Exception {
        AuditExport exporter = new AuditExport(fixture.database, Clock.systemUTC(), null, true, Optional::empty);
        Path first = out.resolve("log-000000000001-000000000010.jsonl");
        StringWriter text = new StringWriter();
        exporter.writeArchive(1, 10, null, text);
        Files.writeString(first, text.toString());
        Path second = out.resolve("log-000000000011-000000000020.jsonl");
        text = new StringWriter();
        exporter.writeArchive(11, 20, HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(first))), text);
        Files.writeString(second, text.toString());

        assertThat(new AuditVerifier(null).verify(List.of(out), null).entries()).isEqualTo(20);

        Files.writeString(first, Files.readString(first).replaceFirst("\"created\":\"2", "\"created\":\"1"));
        AuditProblem problem = refused(null, out);
        assertThat(problem.code()).isEqualTo("ARCHIVE_LINK_BROKEN");
        assertThat(problem.sequence()).isEqualTo(11);
        assertThat(problem.english()).contains("log-000000000001-000000000010.jsonl");
    }

    @Test
    void an_expected_head_that_the_log_passes_through_is_accepted_and_another_is_refused_saying_what_was_verified()
            throws Exception {
        Path file = exportAll();
        String entryTen = fixture.log.all(10, 1).get(0).entryHash();

        assertThat(new AuditVerifier(null).verify(List.of(file), entryTen).entries()).isEqualTo(20);
        assertThat(new AuditVerifier(null).verify(List.of(file), fixture.anchors.latest().get().head().root())
                .entries()).isEqualTo(20);

        AuditProblem problem = refused("ab".repeat(32), file);
        assertThat(problem.code()).isEqualTo("EXPECTED_HEAD_NOT_FOUND");
        assertThat(problem.english()).contains("entries 1–20 verified");
        assertThat(problem.vietnamese()).contains("các mục 1–20 đã kiểm tra");
    }

    @Test
    void a_consistent_rewrite_of_the_chain_after_an_edit_is_caught_by_the_first_anchor_after_it() throws Exception {
        Path file = exportAll();
        List<String> lines = lines(file);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String previous = null;
        for (int i = 1; i < lines.size(); i++) {
            var line = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(lines.get(i));
            if (!line.path("type").asText().equals("entry")) {
                if (line.path("type").asText().equals("trailer")) {
                    line.put("lastHash", previous);
                    lines.set(i, json.writeValueAsString(line));
                }
                continue;
            }
            long sequence = line.path("sequence").asLong();
            if (sequence == 5) {
                line.put("detail", "rewritten");
            }
            if (sequence >= 5) {
                line.put("previousHash", previous);
                line.put("entryHash", vn.lienthong.tracking.LogEntryHash.of(sequence,
                        java.time.Instant.parse(line.path("time").asText()), line.path("documentKey").textValue(),
                        line.path("step").asText(), line.path("outcome").asText(), line.path("attempt").asInt(),
                        line.path("contentHash").textValue(), line.path("detail").textValue(), previous));
                lines.set(i, json.writeValueAsString(line));
            }
            previous = line.path("entryHash").asText();
        }

        AuditProblem problem = rewrittenAndRefused(file, lines);

        assertThat(problem.code()).isEqualTo("ANCHOR_LAST_MISMATCH");
        assertThat(problem.sequence()).isEqualTo(10);
        assertThat(problem.english()).contains("entry 10 or one before it was changed after it was signed");
    }

    @Test
    void a_line_among_the_entries_that_is_no_longer_json_names_its_entry() throws Exception {
        Path file = exportAll();
        List<String> lines = lines(file);
        lines.set(9, lines.get(9).substring(1));

        AuditProblem problem = rewrittenAndRefused(file, lines);

        assertThat(problem.code()).isEqualTo("LINE_UNREADABLE");
        assertThat(problem.sequence()).isEqualTo(9);
    }

    private AuditProblem rewrittenAndRefused(Path file, List<String> lines) throws Exception {
        write(file, lines);
        return refused(null, file);
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }

    /** An entry someone made up, with a hash recomputed the documented way, so only its place betrays it. */
    private static String forgedEntry(long sequence, String previousHash) {
        String time = "2026-12-04T08:05:30.000Z";
        String hash = vn.lienthong.tracking.LogEntryHash.of(sequence, java.time.Instant.parse(time), "k1",
                "intake-accepted", "ok", 1, null, "forged", previousHash);
        return "{\"type\":\"entry\",\"sequence\":" + sequence + ",\"time\":\"" + time + "\",\"documentKey\":\"k1\","
                + "\"step\":\"intake-accepted\",\"outcome\":\"ok\",\"attempt\":1,\"contentHash\":null,"
                + "\"detail\":\"forged\",\"previousHash\":\"" + previousHash + "\",\"entryHash\":\"" + hash + "\"}";
    }
}
