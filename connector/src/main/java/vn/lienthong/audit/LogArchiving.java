package vn.lienthong.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.tracking.AnchorStore;
import vn.lienthong.tracking.LogArchives;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;

/**
 * Retention of the transmission log ({@code lienthong.audit.retention}): entries older than the period are written to
 * an archive, a {@code lienthong-audit/1} export of a contiguous run of entries, then deleted from the database.
 *
 * <p>Each archive ends at or before an entry covered by a time-stamped anchor, so it carries its own signed proof;
 * its header names the SHA-256 of the archive before it and the chain goes on from the previous one's last hash, so
 * the archives and the database verify as one log ({@code audit verify DATA-DIR}). The file is written under a
 * temporary name, forced to disk and renamed, and recorded before anything is deleted: a crash at any point leaves
 * either no archive (and every entry) or the archive (and pruning resumes at the next check).
 */
public final class LogArchiving implements AutoCloseable {

    public static final String ARCHIVED = "log-archived";
    private static final Logger LOG = LoggerFactory.getLogger(LogArchiving.class);
    private static final HexFormat HEX = HexFormat.of();

    private final Duration retention;
    private final Path folder;
    private final AuditExport export;
    private final LogQueries queries;
    private final LogArchives archives;
    private final AnchorStore anchors;
    private final TransmissionLog log;
    private final Clock clock;
    private final ScheduledExecutorService thread;

    public LogArchiving(Duration retention, Path folder, TrackingDatabase database, AuditExport export,
            TransmissionLog log, Clock clock) {
        this.retention = retention;
        this.folder = folder;
        this.export = export;
        this.queries = new LogQueries(database);
        this.archives = new LogArchives(database);
        this.anchors = new AnchorStore(database);
        this.log = log;
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "log-archiving");
            t.setDaemon(true);
            return t;
        });
    }

    /** Archives and prunes at every {@code check}, the first soon after start. */
    public void start(Duration check) {
        thread.scheduleWithFixedDelay(() -> {
            try {
                archiveAndPrune();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Archiving the transmission log failed, will try again: {}", e.getMessage());
            }
        }, Math.min(60_000, check.toMillis()), check.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * One round: finishes the pruning of an archive a crash interrupted, then archives the entries older than the
     * retention period up to the last time-stamped anchor, and prunes them. Returns the new archive, if any.
     */
    public synchronized Optional<LogArchives.Archive> archiveAndPrune() throws IOException {
        Optional<LogArchives.Archive> last = archives.last();
        if (last.isPresent() && last.get().prunedAt() == null) {
            prune(last.get());
        }
        Optional<Anchor> anchored = anchors.standing().latestStamped();
        if (anchored.isEmpty()) {
            return Optional.empty();
        }
        try {
            long first = last.map(archive -> archive.lastSequence() + 1).orElse(1L);
            long end = queries.lastBefore(clock.instant().minus(retention), anchored.get().head().size());
            if (end < first) {
                return Optional.empty();
            }
            String previous = last.map(LogArchives.Archive::fileSha256).orElse(null);
            LogArchives.Archive archive = write(first, end, previous);
            archives.record(archive);
            prune(archive);
            return Optional.of(archive);
        } catch (SQLException e) {
            throw new IOException("could not read the transmission log: " + e.getMessage(), e);
        }
    }

    private LogArchives.Archive write(long first, long end, String previous) throws IOException {
        Files.createDirectories(folder);
        String name = String.format("log-%012d-%012d.jsonl", first, end);
        Path target = folder.resolve(name);
        Path temporary = folder.resolve("." + name + ".part");
        Files.deleteIfExists(temporary);
        AuditExport.Summary summary;
        try (OutputStream file = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW);
                Writer out = new OutputStreamWriter(file, StandardCharsets.UTF_8)) {
            summary = export.writeArchive(first, end, previous, out);
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        if (summary.closingAnchor() < 0) {
            Files.delete(temporary);
            throw new IOException("no time-stamped anchor covers entry " + end + ", so it is not archived yet");
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        }
        return new LogArchives.Archive(first, end, summary.lastHash(), name, sha256(target), clock.instant(), null);
    }

    private void prune(LogArchives.Archive archive) {
        long deleted = archives.prune(archive, clock.instant());
        log.append(null, ARCHIVED, "ok", 1, archive.fileSha256(), "entries " + archive.firstSequence() + " to "
                + archive.lastSequence() + " archived in " + archive.fileName() + "; " + deleted
                + " pruned from the database");
        LOG.info("Entries {} to {} of the transmission log archived in {} and pruned", archive.firstSequence(),
                archive.lastSequence(), archive.fileName());
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            DigestInputStream digesting = (DigestInputStream) in;
            digesting.transferTo(OutputStream.nullOutputStream());
            return HEX.formatHex(digesting.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
