package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.TrackedDocument;

/** Filters choose which entries are shown; the others stay as omitted lines, so the export still verifies. */
class FilteredExportTest {

    @TempDir
    Path data;
    @TempDir
    Path out;

    AuditLogFixture fixture;
    DocumentKey toH29;
    DocumentKey fromG22;

    @BeforeEach
    void twoDocumentsAndSystemEntries() throws Exception {
        fixture = new AuditLogFixture(data);
        DocumentTracker tracker = new DocumentTracker(fixture.database, fixture.clock);
        toH29 = register(tracker, "000.00.00.G01", List.of("000.00.01.H29"), "d1", Direction.OUTBOUND);
        fromG22 = register(tracker, "000.00.00.G22", List.of("000.00.00.G01"), "d2", Direction.INBOUND);
        fixture.append(toH29.value(), 3);
        fixture.append(fromG22.value(), 2);
        fixture.append(null, 1);
        fixture.append(toH29.value(), 1);
        fixture.anchor();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static DocumentKey register(DocumentTracker tracker, String sender, List<String> recipients, String id,
            Direction direction) {
        DocumentKey key = DocumentKey.of(sender, id, "cd".repeat(32));
        tracker.register(new TrackedDocument(key, direction, "edoc", sender, recipients, id, "1/CV", "cd".repeat(32), null,
                DocumentState.RECEIVED, null, AuditLogFixture.START, AuditLogFixture.START));
        return key;
    }

    private Path export(ExportFilter filter) throws Exception {
        StringWriter text = new StringWriter();
        new AuditExport(fixture.database, Clock.systemUTC(), null, true, Optional::empty).writeJsonLines(filter, null, text);
        Path file = out.resolve("export.jsonl");
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void an_agency_filter_shows_the_documents_it_sent_or_received_and_omits_the_rest_yet_verifies() throws Exception {
        Path file = export(ExportFilter.parse(null, null, "000.00.01.H29", null, null));

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).filteredOn(line -> line.startsWith("{\"type\":\"entry\""))
                .hasSize(4).allSatisfy(line -> assertThat(line).contains(toH29.value()));
        assertThat(lines).filteredOn(line -> line.startsWith("{\"type\":\"omitted\"")).hasSize(4);
        assertThat(new AuditVerifier(null).verify(List.of(file), null).entries()).isEqualTo(8);
    }

    @Test
    void a_direction_filter_shows_only_that_directions_documents() throws Exception {
        Path file = export(ExportFilter.parse(null, null, null, "inbound", null));

        assertThat(Files.readAllLines(file)).filteredOn(line -> line.startsWith("{\"type\":\"entry\""))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains(fromG22.value()));
    }

    @Test
    void the_csv_holds_only_the_selected_entries() throws Exception {
        StringWriter csv = new StringWriter();
        long rows = new AuditExport(fixture.database, Clock.systemUTC(), null, false, Optional::empty)
                .writeCsv(ExportFilter.parse(null, null, "000.00.00.G22", null, null), csv);

        assertThat(rows).isEqualTo(2);
        assertThat(csv.toString()).startsWith("sequence,time,documentKey,step,outcome,attempt,contentHash,detail,"
                + "previousHash,entryHash\r\n").contains(fromG22.value()).doesNotContain(toH29.value());
    }

    @Test
    void a_few_lines_of_python_recompute_the_hashes_and_the_signed_root_of_an_export() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 is not installed");
        Path file = export(ExportFilter.parse(null, null, "000.00.01.H29", null, null));
        StringWriter fresh = new StringWriter();
        new AuditExport(fixture.database, Clock.systemUTC(), null, true, () -> {
            try {
                return Optional.of(fixture.anchor());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).writeJsonLines(ExportFilter.ALL, null, fresh);
        Path anchored = out.resolve("anchored.jsonl");
        Files.writeString(anchored, fresh.toString());
        Path script = Path.of("..", "docs", "audit", "check_export.py");

        assertThat(python(script, file)).startsWith("ok 8 entries");
        assertThat(anchored).content().contains("\"closingAnchor\":8");
        assertThat(python(script, anchored)).startsWith("ok 8 entries");

        Files.writeString(anchored, fresh.toString().replace("\"detail\":\"entry 1\"", "\"detail\":\"entry 9\""));
        assertThat(python(script, anchored)).startsWith("FAILED: entry 2 was altered");
    }

    private static String python(Path script, Path export) throws Exception {
        Process process = new ProcessBuilder("python3", script.toString(), export.toString()).redirectErrorStream(true)
                .start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return said;
    }
}
