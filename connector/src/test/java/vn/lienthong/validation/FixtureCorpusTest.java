package vn.lienthong.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lienthong.findings.Direction;
import vn.lienthong.findings.Finding;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Severity;
import vn.lienthong.fixtures.BadCase;
import vn.lienthong.fixtures.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator against the generated fixtures: every sample is clean, and every bad case produces the code it
 * is labelled with and no other error (each bad case is a sample with exactly one defect).
 */
class FixtureCorpusTest {

    @TempDir
    static Path spool;

    private static EnvelopeValidator validator() {
        return new EnvelopeValidator(ValidationSettings.DEFAULTS, spool);
    }

    static Stream<Arguments> samples() {
        return Fixtures.sampleFiles().stream().map(file -> Arguments.of(file.getFileName().toString(), file));
    }

    static Stream<Arguments> badCases() {
        return Fixtures.badCases().stream().map(badCase -> Arguments.of(badCase.file().getFileName().toString(), badCase));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void every_sample_has_no_finding_at_all(String name, Path file) throws IOException {
        ValidationReport report = validator().validate(file);
        assertThat(report.findings()).as(name).isEmpty();
        assertThat(report.messageType()).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCases")
    void every_bad_case_gets_exactly_its_labelled_finding_in_each_direction(String name, BadCase badCase) throws IOException {
        FindingCode expected = FindingCode.valueOf(badCase.code());
        for (Direction direction : Direction.values()) {
            ValidationReport report = validator().validate(badCase.file(), direction);
            assertThat(report.findings()).as(direction + ": " + badCase.description()).extracting(Finding::code)
                    .contains(expected);
            assertThat(report.findings()).as(direction + ": no other error than the labelled one: " + badCase.description())
                    .filteredOn(finding -> finding.isError() && finding.code() != expected).isEmpty();
            assertThat(report.valid()).as(direction + ": valid only when the labelled defect is a warning")
                    .isEqualTo(expected.defaultSeverity(direction) != Severity.ERROR);
        }
    }

    @Test
    void the_bad_corpus_covers_at_least_forty_distinct_defects_and_most_codes() {
        List<BadCase> cases = Fixtures.badCases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases.stream().map(BadCase::file).distinct()).hasSameSizeAs(cases);
        assertThat(cases.stream().map(BadCase::code).distinct().count()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void every_finding_in_a_bad_case_points_at_a_real_line_of_the_file() throws IOException {
        for (BadCase badCase : Fixtures.badCases()) {
            long lines;
            try (Stream<String> content = Files.lines(badCase.file(), java.nio.charset.StandardCharsets.ISO_8859_1)) {
                lines = content.count();
            }
            // Line 0 is Location.UNKNOWN, not a line: a reader of the file can find nothing there. Lines count from 1,
            // and a file of zero bytes still has its one (empty) line 1.
            int lastLine = (int) Math.max(lines, 1);
            for (Direction direction : Direction.values()) {
                for (Finding finding : validator().validate(badCase.file(), direction).findings()) {
                    assertThat(finding.location().line()).as(direction + " " + finding.code() + ": " + badCase.description())
                            .isBetween(1, lastLine);
                }
            }
        }
    }
}
