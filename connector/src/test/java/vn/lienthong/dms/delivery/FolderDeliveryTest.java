package vn.lienthong.dms.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.transport.DmsFolder;

/**
 * A delivery into a DMS folder does not read the folder (an inbox the DMS has not emptied would make every delivery
 * slower than the last); what attempts of a killed process left is removed at the next start instead, except the
 * marked attempt's file, which the redelivery still renames.
 */
class FolderDeliveryTest {

    private static final String MARK = "delivered-to-folder";
    private static final DocumentKey FIRST = new DocumentKey("a".repeat(64));
    private static final DocumentKey SECOND = new DocumentKey("b".repeat(64));

    @TempDir
    Path root;

    private TrackingDatabase database;
    private ProcessedMarks marks;
    private FolderDelivery delivery;
    private Path inbox;
    private Path source;

    @BeforeEach
    void open() throws Exception {
        database = TrackingDatabase.openH2(root.resolve("db"));
        marks = new ProcessedMarks(database, Clock.systemUTC());
        delivery = new FolderDelivery(marks);
        inbox = Files.createDirectories(root.resolve("inbox"));
        source = Files.writeString(root.resolve("envelope.edxml"), "<edXML/>", StandardCharsets.UTF_8);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void should_deliver_without_touching_what_else_lies_in_the_folder() throws Exception {
        // Even a leftover of the same key (a killed attempt's) stays for the sweep at the next start: nothing is listed.
        Path othersLeftover = Files.writeString(inbox.resolve("." + FIRST.value() + ".0000.part"), "half");

        try (DmsFolder folder = DmsFolder.open(inbox)) {
            assertThat(delivery.deliver(source, folder, FIRST, MARK, "first.edxml")).isEqualTo("first.edxml");
        }

        assertThat(inbox.resolve("first.edxml")).hasContent("<edXML/>");
        assertThat(othersLeftover).as("a first delivery lists nothing, so removes nothing").exists();
        assertThat(partFiles()).containsExactly(othersLeftover.getFileName().toString());
    }

    @Test
    void should_sweep_what_killed_attempts_left_but_keep_the_marked_file_for_its_redelivery() throws Exception {
        Path unmarked = Files.writeString(inbox.resolve("." + FIRST.value() + ".1111.part"), "half");
        Path markedButNotRenamed = Files.writeString(inbox.resolve("." + SECOND.value() + ".2222.part"), "<edXML/>");
        Path losingAttempt = Files.writeString(inbox.resolve("." + SECOND.value() + ".3333.part"), "<edXML/>");
        Path notOurs = Files.writeString(inbox.resolve(".someone-elses.part"), "x");
        marks.mark(SECOND, MARK, "second.edxml/" + markedButNotRenamed.getFileName());

        try (DmsFolder folder = DmsFolder.open(inbox)) {
            delivery.sweep(folder, MARK);
        }

        assertThat(unmarked).doesNotExist();
        assertThat(losingAttempt).doesNotExist();
        assertThat(markedButNotRenamed).exists();
        assertThat(notOurs).exists();

        try (DmsFolder folder = DmsFolder.open(inbox)) {
            assertThat(delivery.deliver(source, folder, SECOND, MARK, "second.edxml")).isEqualTo("second.edxml");
        }
        assertThat(inbox.resolve("second.edxml")).hasContent("<edXML/>");
        assertThat(partFiles()).containsExactly(".someone-elses.part");
    }

    @Test
    void should_remove_leftovers_of_its_own_key_on_a_redelivery_that_finds_the_mark() throws Exception {
        Path marked = Files.writeString(inbox.resolve("." + FIRST.value() + ".4444.part"), "<edXML/>");
        Path lost = Files.writeString(inbox.resolve("." + FIRST.value() + ".5555.part"), "half");
        marks.mark(FIRST, MARK, "first.edxml/" + marked.getFileName());

        try (DmsFolder folder = DmsFolder.open(inbox)) {
            assertThat(delivery.deliver(source, folder, FIRST, MARK, "first.edxml")).isEqualTo("first.edxml");
        }

        assertThat(inbox.resolve("first.edxml")).hasContent("<edXML/>");
        assertThat(lost).doesNotExist();
        assertThat(partFiles()).isEmpty();
    }

    private List<String> partFiles() throws Exception {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".part")).toList();
        }
    }
}
