package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.TestEnvelopes;

class ValidateCommandTest {

    @TempDir
    Path directory;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private Path write(String name, String xml) throws IOException {
        Path file = directory.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, xml, StandardCharsets.UTF_8);
    }

    private Path valid(String name) throws IOException {
        return write(name, TestEnvelopes.edoc("000.00.00.G22", ""));
    }

    private Path invalid(String name) throws IOException {
        return write(name, TestEnvelopes.edoc("000.00.00.G22", "<DueDate>2014/02/30</DueDate>\n"));
    }

    private List<JsonNode> jsonLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            lines.add(new ObjectMapper().readTree(line));
        }
        return lines;
    }

    @Test
    void all_valid_files_exit_with_zero_and_say_so_in_both_languages() throws IOException {
        int exit = run("validate", valid("a.edxml").toString());
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("[HỢP LỆ / VALID]").contains("Tổng cộng / Total: 1 tệp/files");
    }

    @Test
    void an_invalid_file_is_reported_with_code_position_and_both_sentences_and_exits_with_one() throws IOException {
        int exit = run("validate", invalid("bad.edxml").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString())
                .contains("[KHÔNG HỢP LỆ / INVALID]")
                .contains("LỖI/ERROR  DATE_NOT_REAL  [chặn gửi/blocks sending]  dòng/line 11")
                .contains("Ngày \"2014/02/30\" không tồn tại trên lịch: tháng 2/2014 chỉ có 28 ngày")
                .contains("Date \"2014/02/30\" does not exist on the calendar: February 2014 has only 28 days");
    }

    @Test
    void an_unreadable_path_exits_with_two_but_the_other_files_are_still_checked() throws IOException {
        Path good = valid("good.edxml");
        int exit = run("validate", directory.resolve("missing.edxml").toString(), good.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("[KHÔNG ĐỌC ĐƯỢC / UNREADABLE]").contains("no such file or directory")
                .contains("[HỢP LỆ / VALID] " + good);
    }

    @Test
    void keeps_going_after_a_file_that_is_not_even_xml() throws IOException {
        Path garbage = write("garbage.edxml", "\u0000\u0001 not xml at all");
        Path good = valid("good.edxml");
        int exit = run("validate", garbage.toString(), good.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("XML_NOT_WELL_FORMED").contains("[HỢP LỆ / VALID] " + good)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void json_gives_one_parseable_object_per_file_with_its_findings() throws IOException {
        Path good = valid("good.edxml");
        Path bad = invalid("bad.edxml");
        int exit = run("validate", "--json", good.toString(), bad.toString());
        assertThat(exit).isEqualTo(1);
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("file").asText()).isEqualTo(good.toString());
        assertThat(lines.get(0).get("valid").asBoolean()).isTrue();
        assertThat(lines.get(0).get("messageType").asText()).isEqualTo("edoc");
        assertThat(lines.get(0).get("findings")).isEmpty();
        JsonNode finding = lines.get(1).get("findings").get(0);
        assertThat(lines.get(1).get("valid").asBoolean()).isFalse();
        assertThat(finding.get("code").asText()).isEqualTo("DATE_NOT_REAL");
        assertThat(finding.get("severity").asText()).isEqualTo("ERROR");
        assertThat(finding.get("line").asInt()).isEqualTo(11);
        assertThat(finding.get("path").asText()).isEqualTo("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/DueDate");
        assertThat(finding.get("vi").asText()).contains("không tồn tại");
        assertThat(finding.get("en").asText()).contains("does not exist");
    }

    @Test
    void a_folder_is_searched_for_envelope_files_only() throws IOException {
        valid("in/one.edxml");
        valid("in/nested/two.xml");
        write("in/readme.txt", "not an envelope");
        int exit = run("validate", "--json", directory.resolve("in").toString());
        assertThat(exit).isZero();
        assertThat(jsonLines()).extracting(line -> Path.of(line.get("file").asText()).getFileName().toString())
                .containsExactly("two.xml", "one.edxml");
    }

    @Test
    void checks_hundreds_of_files_in_one_call() throws IOException {
        for (int i = 0; i < 300; i++) {
            if (i % 50 == 0) {
                invalid(String.format("many/%03d.edxml", i));
            } else {
                valid(String.format("many/%03d.edxml", i));
            }
        }
        int exit = run("validate", "--json", directory.resolve("many").toString());
        assertThat(exit).isEqualTo(1);
        List<JsonNode> lines = jsonLines();
        assertThat(lines).hasSize(300);
        assertThat(lines).filteredOn(line -> !line.get("valid").asBoolean()).hasSize(6);
    }

    @Test
    void a_configuration_file_can_change_a_severity() throws IOException {
        Path config = write("strict.properties", "lienthong.validation.severity.DATE_NOT_REAL=warning\n");
        int exit = run("validate", "--config", config.toString(), invalid("bad.edxml").toString());
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("CẢNH BÁO/WARNING  DATE_NOT_REAL");
    }

    @Test
    void an_unusable_configuration_is_a_usage_error() throws IOException {
        Path config = write("broken.properties", "lienthong.limits.max-depth=deep\n");
        int exit = run("validate", "--config", config.toString(), valid("a.edxml").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("lienthong.limits.max-depth");
    }

    @Test
    void no_file_argument_is_a_usage_error() {
        assertThat(run("validate")).isEqualTo(2);
        assertThat(err.toString()).contains("FILE|DIR");
    }
}
