package vn.lienthong.transport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;

/**
 * Hands a received document (or status notice) to the DMS by folder, exactly once as the DMS sees it:
 * the file is written under a hidden temporary name, the delivery is marked in the database, and only then
 * renamed to its final name. A redelivery after a crash finds the mark and finishes the rename if it had not
 * happened, so the DMS never sees a half-written file and never sees the same document twice.
 */
public final class DmsDelivery {

    static final String DELIVERED_MARK = "delivered-to-dms";
    private static final Logger LOG = LoggerFactory.getLogger(DmsDelivery.class);

    private final DocumentStore store;
    private final DocumentTracker tracker;
    private final ProcessedMarks marks;
    private final TransmissionLog log;
    private final Path documentsFolder;
    private final Path statusFolder;

    public DmsDelivery(DocumentStore store, DocumentTracker tracker, ProcessedMarks marks, TransmissionLog log,
                       Path documentsFolder, Path statusFolder) throws IOException {
        this.store = store;
        this.tracker = tracker;
        this.marks = marks;
        this.log = log;
        this.documentsFolder = Files.createDirectories(documentsFolder);
        this.statusFolder = Files.createDirectories(statusFolder);
    }

    public void deliver(String key) throws IOException {
        DocumentKey documentKey = new DocumentKey(key);
        TrackedDocument document = tracker.find(documentKey)
                .orElseThrow(() -> new IllegalStateException("key " + key + " on the delivery queue is not tracked"));
        Path folder = "status".equals(document.messageType()) ? statusFolder : documentsFolder;
        if (marks.detail(documentKey, DELIVERED_MARK).isEmpty()) {
            // Each attempt writes its own temporary file and names it in the mark; only the attempt that wins the
            // mark is ever renamed, so two copies of the same key delivered at once cannot both reach the DMS.
            Path temporary = folder.resolve("." + key + "." + UUID.randomUUID() + ".part");
            Files.copy(store.pathOf(key), temporary);
            if (!marks.mark(documentKey, DELIVERED_MARK, finalName(document) + "/" + temporary.getFileName())) {
                Files.deleteIfExists(temporary);
            }
        }
        // After a crash the mark may exist with the rename still to do, or with everything done but the state.
        String[] marked = marks.detail(documentKey, DELIVERED_MARK).orElseThrow().split("/", 2);
        Path temporary = folder.resolve(marked[1]);
        if (Files.exists(temporary)) {
            Files.move(temporary, folder.resolve(marked[0]), StandardCopyOption.ATOMIC_MOVE);
        }
        removeLeftovers(folder, key, temporary);
        if (tracker.advance(documentKey, DocumentState.DELIVERED, null)) {
            log.append(key, Steps.DELIVERED_TO_DMS, Steps.OK, 1, document.envelopeSha256(), marked[0]);
            LOG.info("Delivered {} {} from {} to the DMS as {}", document.messageType(), key, document.senderOrganId(), marked[0]);
        }
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

    /** Readable and unique: the sender, the document's code or id, and the start of the key. */
    private static String finalName(TrackedDocument document) {
        String what = document.code() != null && !document.code().isBlank() ? document.code() : document.documentId();
        return FileNames.safe(document.senderOrganId() + "_" + what) + "_" + document.key().value().substring(0, 12) + ".edxml";
    }
}
