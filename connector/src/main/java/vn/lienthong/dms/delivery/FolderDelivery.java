package vn.lienthong.dms.delivery;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.ProcessedMarks;

/**
 * Writes a document into a folder a DMS reads, exactly once as the DMS sees it: the file is written under a
 * hidden temporary name, the delivery is marked in the database (naming that attempt's temporary file), and only
 * then renamed to its final name. A redelivery after a crash finds the mark and finishes the rename if it had not
 * happened; two attempts at once cannot both reach the DMS, since only the marked one is ever renamed.
 */
final class FolderDelivery {

    private final ProcessedMarks marks;

    FolderDelivery(ProcessedMarks marks) {
        this.marks = marks;
    }

    /** Returns the final file name the document has (or already had) in {@code folder}. */
    String deliver(Path source, Path folder, DocumentKey key, String markStep, String finalName) throws IOException {
        Files.createDirectories(folder);
        if (marks.detail(key, markStep).isEmpty()) {
            Path temporary = folder.resolve("." + key.value() + "." + UUID.randomUUID() + ".part");
            Files.copy(source, temporary);
            if (!marks.mark(key, markStep, finalName + "/" + temporary.getFileName())) {
                Files.deleteIfExists(temporary);
            }
        }
        String[] marked = marks.detail(key, markStep).orElseThrow().split("/", 2);
        Path temporary = folder.resolve(marked[1]);
        if (Files.exists(temporary)) {
            Files.move(temporary, folder.resolve(marked[0]), StandardCopyOption.ATOMIC_MOVE);
        }
        removeLeftovers(folder, key.value(), temporary);
        return marked[0];
    }

    /**
     * Temporary files of attempts that lost the mark (or died before removing theirs). The marked one is never
     * touched here: only its own attempt, or a redelivery, renames it.
     */
    private static void removeLeftovers(Path folder, String key, Path marked) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, "." + key + ".*.part")) {
            for (Path leftover : leftovers) {
                if (!leftover.equals(marked)) {
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }
}
