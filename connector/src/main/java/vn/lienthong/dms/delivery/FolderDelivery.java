package vn.lienthong.dms.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.transport.DmsFolder;
import vn.lienthong.transport.FilePermissions;

/**
 * Writes a document into a folder a DMS reads, exactly once as the DMS sees it: the file is written under a
 * hidden temporary name, the delivery is marked in the database (naming that attempt's temporary file), and only
 * then renamed to its final name. A redelivery after a crash finds the mark and finishes the rename if it had not
 * happened; two attempts at once cannot both reach the DMS, since only the marked one is ever renamed. The folder is
 * used through {@link DmsFolder}, so nothing is written through a link the DMS put there; the file is readable by
 * the connector's user and group only ({@link FilePermissions#FOR_DMS}).
 */
final class FolderDelivery {

    private final ProcessedMarks marks;

    FolderDelivery(ProcessedMarks marks) {
        this.marks = marks;
    }

    /** Returns the final file name the document has (or already had) in {@code folder}. */
    String deliver(Path source, DmsFolder folder, DocumentKey key, String markStep, String finalName) throws IOException {
        if (marks.detail(key, markStep).isEmpty()) {
            String temporary = "." + key.value() + "." + UUID.randomUUID() + ".part";
            try (InputStream in = Files.newInputStream(source);
                 OutputStream out = folder.createNew(temporary, FilePermissions.FOR_DMS)) {
                in.transferTo(out);
            }
            if (!marks.mark(key, markStep, finalName + "/" + temporary)) {
                folder.deleteIfExists(temporary);
            }
        }
        String[] marked = marks.detail(key, markStep).orElseThrow().split("/", 2);
        if (folder.exists(marked[1])) {
            folder.move(marked[1], folder, marked[0]);
        }
        removeLeftovers(folder, key.value(), marked[1]);
        return marked[0];
    }

    /**
     * Temporary files of attempts that lost the mark (or died before removing theirs). The marked one is never
     * touched here: only its own attempt, or a redelivery, renames it.
     */
    private static void removeLeftovers(DmsFolder folder, String key, String marked) throws IOException {
        for (String leftover : folder.names("." + key + ".*.part")) {
            if (!leftover.equals(marked)) {
                folder.deleteIfExists(leftover);
            }
        }
    }
}
