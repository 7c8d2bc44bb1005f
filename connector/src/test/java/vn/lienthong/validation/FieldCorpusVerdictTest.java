package vn.lienthong.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lienthong.findings.Direction;
import vn.lienthong.findings.Finding;
import vn.lienthong.findings.Severity;
import vn.lienthong.fixtures.ChildOrder;
import vn.lienthong.fixtures.ExpectedFinding;
import vn.lienthong.fixtures.FieldCase;
import vn.lienthong.fixtures.Fixtures;

/**
 * The validator against envelopes shaped like real traffic (test-fixtures' field/ corpus): each gets exactly its
 * labelled findings with their labelled severity, and the labelled verdict, in each direction. And order never
 * changes a verdict: every envelope, with the children of every element shuffled, is judged as in its own order.
 */
class FieldCorpusVerdictTest {

    private static final int SHUFFLES_PER_ENVELOPE = 5;

    @TempDir
    static Path spool;
    @TempDir
    Path work;

    private static EnvelopeValidator validator() {
        return new EnvelopeValidator(ValidationSettings.DEFAULTS, spool);
    }

    static Stream<Arguments> fieldCases() {
        return Fixtures.fieldCases().stream().map(fieldCase -> Arguments.of(fieldCase.file().getFileName().toString(), fieldCase));
    }

    static Stream<Arguments> everyEnvelope() {
        return Stream.of(Fixtures.sampleFiles().stream(), Fixtures.fieldCases().stream().map(FieldCase::file))
                .flatMap(files -> files)
                .map(file -> Arguments.of(file.getParent().getFileName() + "/" + file.getFileName(), file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldCases")
    void every_field_envelope_gets_its_labelled_verdict_and_findings_in_each_direction(String name, FieldCase fieldCase)
            throws IOException {
        for (Direction direction : Direction.values()) {
            ValidationReport report = validator().validate(fieldCase.file(), direction);
            boolean expectedValid = direction == Direction.OUTBOUND ? fieldCase.validOutbound() : fieldCase.validInbound();
            assertThat(report.valid()).as(direction + ": " + fieldCase.description()).isEqualTo(expectedValid);
            assertThat(report.findings()).as(direction + ": " + fieldCase.description())
                    .extracting(finding -> finding.code().name() + ":" + finding.severity())
                    .containsExactlyInAnyOrderElementsOf(fieldCase.findings().stream()
                            .map(expected -> expected.code() + ":" + severity(expected, direction)).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEnvelope")
    void shuffling_the_children_of_every_element_never_changes_the_verdict_or_the_findings(String name, Path file)
            throws IOException {
        byte[] original = Files.readAllBytes(file);
        assertThat(ChildOrder.permutablePaths(original)).as("the envelope has groups to shuffle").isNotEmpty();
        Random random = new Random(name.hashCode());
        for (Direction direction : Direction.values()) {
            ValidationReport canonical = validator().validate(file, direction);
            for (int round = 0; round < SHUFFLES_PER_ENVELOPE; round++) {
                Path shuffled = Files.write(work.resolve("shuffled-" + round + ".edxml"), ChildOrder.shuffle(original, random));
                ValidationReport report = validator().validate(shuffled, direction);
                assertThat(report.valid()).as(direction + " round " + round).isEqualTo(canonical.valid());
                assertThat(codes(report.findings())).as(direction + " round " + round)
                        .containsExactlyInAnyOrderElementsOf(codes(canonical.findings()));
            }
        }
    }

    @Test
    void the_field_corpus_holds_every_variation_the_issue_names() {
        List<String> names = Fixtures.fieldCases().stream().map(fieldCase -> fieldCase.file().getFileName().toString()).toList();
        assertThat(names).filteredOn(name -> name.startsWith("order-")).hasSizeGreaterThanOrEqualTo(9);
        assertThat(names).contains("header-signature.edxml", "bom-utf8.edxml", "crlf-line-endings.edxml",
                "attachment-txt-declared-but-zip.edxml", "attachment-pdf-declared-but-zip.edxml",
                "to-organid-missing.edxml", "to-organid-null.edxml", "sdk-status-plain.edxml");
        assertThat(names).filteredOn(name -> name.startsWith("sdk-status-")).hasSize(10);
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(finding -> finding.code().name() + ":" + finding.severity()).toList();
    }

    private static Severity severity(ExpectedFinding expected, Direction direction) {
        ExpectedFinding.Severity labelled = direction == Direction.OUTBOUND ? expected.outbound() : expected.inbound();
        return Severity.valueOf(labelled.name());
    }
}
