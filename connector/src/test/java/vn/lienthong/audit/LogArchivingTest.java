package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.tracking.LogArchives;
import vn.lienthong.tracking.LogEvent;

/** Entries past the retention period go to linked archives and leave the database; the whole still verifies. */
class LogArchivingTest {

    @TempDir
    Path data;

    @Test
    void old_entries_are_archived_in_linked_files_pruned_and_still_verify_with_the_rest() throws Exception {
        Path folder = data.resolve("audit/archives");
        try (AuditLogFixture fixture = new AuditLogFixture(data)) {
            LogArchiving archiving = new LogArchiving(Duration.ofDays(1), folder, fixture.database,
                    new AuditExport(fixture.database, fixture.clock, AuditLogFixture.AGENCY, true, Optional::empty),
                    fixture.log, fixture.clock);
            fixture.append("old", 10);
            fixture.anchor();
            fixture.append("older-but-unanchored", 3);
            assertThat(archiving.archiveAndPrune()).as("nothing is old yet").isEmpty();

            fixture.clock.advance(Duration.ofDays(2));
            fixture.append("new", 4);
            LogArchives.Archive first = archiving.archiveAndPrune().orElseThrow();
            assertThat(first.firstSequence()).isEqualTo(1);
            assertThat(first.lastSequence()).as("up to the anchored entries only").isEqualTo(10);
            assertThat(fixture.log.all(1, 1).get(0).sequence()).isEqualTo(11);
            assertThat(fixture.log.verify().intact()).isTrue();
            assertThat(archiving.archiveAndPrune()).as("no newer anchor yet").isEmpty();

            fixture.anchor();
            fixture.clock.advance(Duration.ofDays(2));
            fixture.append("newest", 2);
            LogArchives.Archive second = archiving.archiveAndPrune().orElseThrow();
            assertThat(second.firstSequence()).isEqualTo(11);
            assertThat(Files.readString(folder.resolve(second.fileName()))).contains(first.fileSha256());
            assertThat(fixture.log.all(1, 100)).extracting(LogEvent::step).contains(LogArchiving.ARCHIVED);
            assertThat(fixture.log.verify().intact()).isTrue();
            fixture.anchor();
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .allMatch(name -> name.matches("log-\\d{12}-\\d{12}\\.jsonl")).hasSize(2);
        }

        Verification verification = new AuditVerifier(null).verify(List.of(data), null);
        assertThat(verification.firstSequence()).isEqualTo(1);
        // Each archive carries its closing anchor, and the database holds every anchor: all are checked.
        assertThat(verification.anchors().stream().map(AnchorVerdict::size).distinct()).hasSize(3);

        // The archives alone verify as a linked set; one archive edited breaks the link to the next.
        assertThat(new AuditVerifier(null).verify(List.of(folder), null).lastSequence()).isGreaterThan(10);
        Path firstArchive = folder.resolve("log-000000000001-000000000010.jsonl");
        Files.writeString(firstArchive, Files.readString(firstArchive).replace("\"old\"", "\"olD\""));
        AuditProblem problem = catchThrowableOfType(() -> new AuditVerifier(null).verify(List.of(folder), null),
                AuditProblem.class);
        assertThat(problem).isNotNull();
    }
}
