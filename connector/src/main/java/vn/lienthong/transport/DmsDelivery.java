package vn.lienthong.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
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
        Path temporary = folder.resolve("." + key + ".part");
        Optional<String> marked = marks.detail(documentKey, DELIVERED_MARK);
        String finalName = marked.orElseGet(() -> finalName(document));
        if (marked.isEmpty()) {
            Files.copy(store.pathOf(key), temporary, StandardCopyOption.REPLACE_EXISTING);
            marks.mark(documentKey, DELIVERED_MARK, finalName);
        }
        // After a crash the mark may exist with the rename still to do, or with everything done but the state.
        finishRename(temporary, folder.resolve(finalName));
        if (tracker.advance(documentKey, DocumentState.DELIVERED, null)) {
            log.append(key, Steps.DELIVERED_TO_DMS, Steps.OK, 1, document.envelopeSha256(), finalName);
            LOG.info("Delivered {} {} from {} to the DMS as {}", document.messageType(), key, document.senderOrganId(), finalName);
        }
    }

    private static void finishRename(Path temporary, Path target) throws IOException {
        if (Files.exists(temporary)) {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Readable and unique: the sender, the document's code or id, and the start of the key. */
    private static String finalName(TrackedDocument document) {
        String what = document.code() != null && !document.code().isBlank() ? document.code() : document.documentId();
        return FileNames.safe(document.senderOrganId() + "_" + what) + "_" + document.key().value().substring(0, 12) + ".edxml";
    }
}
