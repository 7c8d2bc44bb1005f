package vn.lienthong.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The connector's own copy of every document it handles, one file per document key under the data directory.
 * Queue messages carry only the key (claim check), so no queue and no step holds a document in memory.
 * Files arrive under a temporary name and are renamed into place, so a crash never leaves a partial document
 * under a key. The store and every file in it are the connector's user's alone.
 */
public final class DocumentStore {

    /** A filed intake item: the SHA-256 of its bytes, then a digest of the name it was handed over under. */
    private static final Pattern INTAKE_ID = Pattern.compile("[0-9a-f]{64}-[0-9a-f]{16}");

    private final Path directory;

    public DocumentStore(Path directory) throws IOException {
        this.directory = FilePermissions.ownerOnlyFolder(directory);
        removeUnfinishedCopies();
    }

    /**
     * Copies that were being written when the process died ({@code *.part}) are garbage: their source (the DMS
     * outbox file, or the package still listed on the axis) is still there and will be taken again.
     */
    private void removeUnfinishedCopies() throws IOException {
        try (var files = Files.newDirectoryStream(directory, "*.part")) {
            for (Path unfinished : files) {
                Files.deleteIfExists(unfinished);
            }
        }
    }

    /** A file copied in, with the SHA-256 of its bytes taken while copying. */
    public record Imported(Path file, String sha256, long size) {
    }

    /**
     * Copies a stream in under a temporary name ({@link #keep} gives it its key), at most {@code maxBytes} of it: a
     * stream that goes on is cut there, what was copied is removed, and {@link TooLarge} is thrown. Whatever a sender
     * hands over, the store never takes more than that of it.
     */
    public Imported importStream(InputStream in, long maxBytes) throws IOException {
        Path temporary = newTemporaryFile();
        MessageDigest digest = sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(FilePermissions.newOwnerOnlyFile(temporary), digest)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return new Imported(temporary, HexFormat.of().formatHex(digest.digest()), size);
    }

    /** What was handed over is larger than allowed; nothing of it is kept. */
    public static final class TooLarge extends IOException {

        private final long limit;

        TooLarge(long limit) {
            super("larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /**
     * Files what a DMS handed over as an intake item, durably (its bytes and its name are on disk when this returns),
     * at most {@code maxBytes} of it, for intake to check later from its queue. The item's id is made of the bytes'
     * SHA-256 and the name: the same file taken again (a crash before its source was removed) is the same item, and
     * is filed once. What is filed stays until {@link #discard} removes it, whatever happens meanwhile.
     */
    public Filed fileIntake(InputStream in, String name, long maxBytes) throws IOException {
        Imported imported = importStream(in, maxBytes);
        Path target;
        String id = imported.sha256() + "-" + HexFormat.of().formatHex(sha256().digest(
                name.getBytes(StandardCharsets.UTF_8)), 0, 8);
        try {
            force(imported.file());
            target = intakeFile(id);
            if (Files.exists(target)) {
                Files.delete(imported.file()); // the same bytes under the same name: filed before
            } else {
                Files.move(imported.file(), target, StandardCopyOption.ATOMIC_MOVE);
                force(directory);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(imported.file());
            throw e;
        }
        return new Filed(id, target, imported.sha256(), imported.size());
    }

    /** An intake item filed by {@link #fileIntake}; {@code id} names it on the intake queue. */
    public record Filed(String id, Path file, String sha256, long size) {
    }

    /** Where the intake item {@code id} is (or was) filed. */
    public Path intakeFile(String id) {
        if (!INTAKE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not an intake item: " + id);
        }
        return directory.resolve("intake-" + id + ".edxml");
    }

    /** The SHA-256 of the bytes of the intake item {@code id}, as its id says. */
    public static String intakeSha256(String id) {
        return id.substring(0, 64);
    }

    /**
     * A temporary name for the bytes of {@code file} (a hard link; a copy where the file system has none), which
     * whoever takes it may move or discard while {@code file} itself stays.
     */
    public Path temporaryLinkTo(Path file) throws IOException {
        Path temporary = newTemporaryFile();
        try {
            Files.createLink(temporary, file);
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
            Files.deleteIfExists(temporary);
            Files.copy(file, temporary);
        }
        return temporary;
    }

    private static void force(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** A fresh temporary name in the store (same file system, so the final rename is atomic). */
    public Path newTemporaryFile() {
        return directory.resolve("incoming-" + UUID.randomUUID() + ".part");
    }

    /**
     * A fresh name for a package fetched from the axis. It outlives a restart (a queued message refers to it
     * until intake files it under its key), so it is not a {@code .part} file.
     */
    public Path newFetchedFile() {
        return directory.resolve("fetched-" + UUID.randomUUID() + ".edxml");
    }

    /**
     * Moves a temporary file to its key. If the key is already stored (a replay), the existing file wins and the
     * temporary one is removed: same key means same bytes.
     */
    public Path keep(Path temporary, String key) throws IOException {
        Path target = pathOf(key);
        if (Files.exists(target)) {
            Files.deleteIfExists(temporary);
        } else {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    public Path pathOf(String key) {
        if (!key.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a document key: " + key);
        }
        return directory.resolve(key + ".edxml");
    }

    public void discard(Path temporary) throws IOException {
        Files.deleteIfExists(temporary);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
