package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.tracking.TrackingFixtures.CLOCK;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogExportTest {

    @TempDir
    Path dataDirectory;

    private TrackingDatabase database;
    private TransmissionLog log;
    private List<LogEvent> appended;

    @BeforeEach
    void openAndAppend() {
        database = TrackingDatabase.openH2(dataDirectory);
        log = new TransmissionLog(database, CLOCK);
        appended = List.of(
                log.append("0f".repeat(32), "intake", "ok", 1, "ab".repeat(32), "from dms-1, \"REST\""),
                log.append(null, "poll", "ok", 1, null, null),
                log.append("0f".repeat(32), "deliver", "retry", 2, null, ""),
                log.append("0f".repeat(32), "deliver", "ok", 3, null, "Đã chuyển\r\nsang phần mềm QLVB"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void json_lines_carry_every_event_with_every_field() throws Exception {
        StringWriter out = new StringWriter();
        log.exportJsonLines(out);
        ObjectMapper json = new ObjectMapper();
        List<LogEvent> parsed = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            JsonNode node = json.readTree(line);
            assertThat(node.size()).isEqualTo(10);
            parsed.add(new LogEvent(node.get("sequence").asLong(), Instant.parse(node.get("time").asText()),
                    text(node, "documentKey"), text(node, "step"), text(node, "outcome"), node.get("attempt").asInt(),
                    text(node, "contentHash"), text(node, "detail"), text(node, "previousHash"),
                    text(node, "entryHash")));
        }
        assertThat(parsed).containsExactlyElementsOf(appended);
    }

    @Test
    void every_exported_json_line_can_be_rehashed_by_an_auditor() throws Exception {
        StringWriter out = new StringWriter();
        log.exportJsonLines(out);
        for (String line : out.toString().split("\n")) {
            JsonNode node = new ObjectMapper().readTree(line);
            assertThat(node.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            LogEvent event = new LogEvent(node.get("sequence").asLong(), Instant.parse(node.get("time").asText()),
                    text(node, "documentKey"), text(node, "step"), text(node, "outcome"), node.get("attempt").asInt(),
                    text(node, "contentHash"), text(node, "detail"), text(node, "previousHash"), null);
            assertThat(LogEntryHash.recompute(event)).isEqualTo(node.get("entryHash").asText());
        }
    }

    @Test
    void csv_carries_every_event_with_every_field_and_tells_null_from_empty() {
        StringWriter out = new StringWriter();
        log.exportCsv(out);
        List<List<String>> rows = Csv.parse(out.toString());
        assertThat(rows.get(0)).containsExactly("sequence", "time", "documentKey", "step", "outcome", "attempt",
                "contentHash", "detail", "previousHash", "entryHash");
        assertThat(rows).hasSize(appended.size() + 1);
        for (int i = 0; i < appended.size(); i++) {
            LogEvent e = appended.get(i);
            assertThat(rows.get(i + 1)).containsExactly(Long.toString(e.sequence()),
                    LogEntryHash.canonicalTime(e.time()), e.documentKey(), e.step(), e.outcome(),
                    Integer.toString(e.attempt()), e.contentHash(), e.detail(), e.previousHash(), e.entryHash());
        }
    }

    private static String text(JsonNode node, String field) {
        return node.get(field).isNull() ? null : node.get(field).asText();
    }

    /** A strict RFC 4180 reader for the test: an empty unquoted field is null, {@code ""} is the empty text. */
    private static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                StringBuilder field = new StringBuilder();
                boolean quoted = text.charAt(i) == '"';
                if (quoted) {
                    i++;
                    while (!(text.charAt(i) == '"' && (i + 1 == text.length() || text.charAt(i + 1) != '"'))) {
                        field.append(text.charAt(i));
                        i += text.charAt(i) == '"' ? 2 : 1;
                    }
                    i++;
                } else {
                    while (text.charAt(i) != ',' && text.charAt(i) != '\r') {
                        field.append(text.charAt(i++));
                    }
                }
                row.add(quoted || field.length() > 0 ? field.toString() : null);
                if (text.charAt(i) == ',') {
                    i++;
                } else {
                    i += 2;
                    rows.add(row);
                    row = new ArrayList<>();
                }
            }
            return rows;
        }
    }
}
