package vn.lienthong.dms.folder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.DmsError;
import vn.lienthong.dms.Outcome;
import vn.lienthong.transport.DmsFolder;

class RefusalReportTest {

    private static final Instant AT = Instant.parse("2026-11-25T02:00:00Z");
    private static final Outcome REFUSED = Outcome.refused(List.of(new DmsError("SUBJECT_MISSING", "ERROR",
            "Thiếu trích yếu (Subject).", "The Subject is missing.",
            new DmsError.Where(9, 3, "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/Subject"))));

    @TempDir
    Path root;

    @Test
    void the_text_report_gives_each_error_in_vietnamese_then_english_with_where_it_is() {
        String text = RefusalReport.text("cv-9.edxml", "g22-folder", REFUSED, AT);

        assertThat(text).contains("Tệp / File:          cv-9.edxml", "Máy khách / Client:  g22-folder",
                "1. SUBJECT_MISSING (ERROR)  dòng/line 9, cột/column 3  /edXML/edXMLEnvelope/edXMLHeader/MessageHeader/Subject",
                "   Tiếng Việt: Thiếu trích yếu (Subject).", "   English:    The Subject is missing.");
    }

    @Test
    void the_refused_file_arrives_after_both_reports_and_leaves_in() throws Exception {
        Path in = Files.createDirectories(root.resolve("in"));
        Path error = Files.createDirectories(root.resolve("error"));
        Path dropped = Files.writeString(in.resolve("cv-9.edxml"), "<edXML/>", StandardCharsets.UTF_8);

        Path parked = park(in, "cv-9.edxml", error);

        assertThat(parked).isEqualTo(error.resolve("cv-9.edxml")).hasContent("<edXML/>");
        assertThat(dropped).doesNotExist();
        JsonNode json = new ObjectMapper().readTree(error.resolve("cv-9.edxml.errors.json").toFile());
        assertThat(json.path("file").asText()).isEqualTo("cv-9.edxml");
        assertThat(json.path("status").asText()).isEqualTo("REFUSED");
        assertThat(json.path("errors").get(0).path("location").path("line").asInt()).isEqualTo(9);
        assertThat(error.resolve("cv-9.edxml.errors.txt")).exists();
    }

    @Test
    void a_second_refusal_of_the_same_name_keeps_the_first_one_and_its_reports() throws Exception {
        Path in = Files.createDirectories(root.resolve("in"));
        Path error = Files.createDirectories(root.resolve("error"));
        Files.writeString(in.resolve("cv-9.edxml"), "first");
        park(in, "cv-9.edxml", error);
        Files.writeString(in.resolve("cv-9.edxml"), "second");

        Path second = park(in, "cv-9.edxml", error);

        assertThat(error.resolve("cv-9.edxml")).hasContent("first");
        assertThat(second).isEqualTo(error.resolve("cv-9-2.edxml")).hasContent("second");
        assertThat(error.resolve("cv-9-2.edxml.errors.txt")).exists();
        assertThat(error.resolve("cv-9-2.edxml.errors.json")).exists();
    }

    @Test
    void a_file_name_with_an_escape_sequence_is_written_escaped_in_the_text_report() {
        String text = RefusalReport.text("cv\u001b[2J\n.edxml", "g22-folder", REFUSED, AT);

        assertThat(text).contains("cv\\u001B[2J\\u000A.edxml").doesNotContain("\u001b");
    }

    @Test
    void a_name_too_long_for_its_reports_is_shortened_in_error_and_kept_whole_in_the_json() throws Exception {
        Path in = Files.createDirectories(root.resolve("in"));
        Path error = Files.createDirectories(root.resolve("error"));
        StringBuilder stem = new StringBuilder();
        while (stem.toString().getBytes(StandardCharsets.UTF_8).length < 240) {
            stem.append("Công-văn-");
        }
        String longName = stem + ".edxml"; // 249 bytes of UTF-8: in/ holds it, NAME.errors.json would not fit
        Files.writeString(in.resolve(longName), "<edXML/>");

        Path parked = park(in, longName, error);

        String reportName = parked.getFileName() + ".errors.json";
        assertThat(reportName.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(parked.getFileName().toString()).endsWith(".edxml").startsWith("Công-văn-");
        JsonNode json = new ObjectMapper().readTree(error.resolve(reportName).toFile());
        assertThat(json.path("file").asText()).isEqualTo(longName);
        assertThat(error.resolve(parked.getFileName() + ".errors.txt")).exists();
    }

    private static Path park(Path in, String name, Path error) throws Exception {
        try (DmsFolder from = DmsFolder.open(in); DmsFolder to = DmsFolder.open(error)) {
            return RefusalReport.park(from, name, to, "g22-folder", REFUSED, AT);
        }
    }
}
