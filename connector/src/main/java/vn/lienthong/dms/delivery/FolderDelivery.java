package vn.lienthong.dms.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
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

    /** What a document key looks like (its SHA-256 in hex): a temporary name with anything else is not ours. */
    private static final Pattern DOCUMENT_KEY = Pattern.compile("[0-9a-f]{64}");

    private final ProcessedMarks marks;

    FolderDelivery(ProcessedMarks marks) {
        this.marks = marks;
    }

    /**
     * Returns the final file name the document has (or already had) in {@code folder}. The folder is listed only on a
     * redelivery that finds the mark already there, to remove what earlier attempts left: a first delivery lists
     * nothing (an inbox the DMS has not emptied is not read once per document), since an attempt that fails or loses the
     * mark removes its own temporary file, and what a killed process left is removed by {@link #sweep} at the next
     * start.
     */
    String deliver(Path source, DmsFolder folder, DocumentKey key, String markStep, String finalName) throws IOException {
        boolean earlierAttempt = marks.detail(key, markStep).isPresent();
        if (!earlierAttempt) {
            String temporary = temporaryName(key);
            try (InputStream in = Files.newInputStream(source);
                 OutputStream out = folder.createNew(temporary, FilePermissions.FOR_DMS)) {
                in.transferTo(out);
            } catch (IOException | RuntimeException failed) {
                removeQuietly(folder, temporary, failed);
                throw failed;
            }
            if (!marks.mark(key, markStep, finalName + "/" + temporary)) {
                folder.deleteIfExists(temporary);
            }
        }
        String[] marked = marks.detail(key, markStep).orElseThrow().split("/", 2);
        if (folder.exists(marked[1])) {
            folder.move(marked[1], folder, marked[0]);
        }
        if (earlierAttempt) {
            removeLeftovers(folder, key.value(), marked[1]);
        }
        return marked[0];
    }

    /**
     * At start, before any delivery runs: removes from {@code folder} the temporary files of attempts a killed process
     * left, except an attempt's file that won the mark and still waits to be renamed by the redelivery.
     */
    void sweep(DmsFolder folder, String markStep) throws IOException {
        for (String name : folder.names(".*.part")) {
            int keyEnd = name.indexOf('.', 1);
            String key = keyEnd < 0 ? "" : name.substring(1, keyEnd);
            if (!DOCUMENT_KEY.matcher(key).matches()) {
                continue; // not one of ours
            }
            boolean marked = marks.detail(new DocumentKey(key), markStep)
                    .map(detail -> detail.endsWith("/" + name)).orElse(false);
            if (!marked) {
                folder.deleteIfExists(name);
            }
        }
    }

    private static String temporaryName(DocumentKey key) {
        return "." + key.value() + "." + UUID.randomUUID() + ".part";
    }

    private static void removeQuietly(DmsFolder folder, String temporary, Exception failed) {
        try {
            folder.deleteIfExists(temporary);
        } catch (IOException | RuntimeException again) {
            failed.addSuppressed(again);
        }
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
