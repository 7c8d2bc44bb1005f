package vn.lienthong.runtime;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.transport.FilePermissions;

/**
 * The connector's data directory: the document store, the broker journal, the tracking database, spool and work
 * files, the quarantine and the operations token. It and everything in it are the connector's user's alone (folders
 * 0700, files 0600), set explicitly at every start whatever the umask. The connector writes its own files so from the
 * first byte; what the broker and the database create under the umask is brought to that once they are open, and
 * whatever they add later is still inside folders no one else may enter. The DMS's folders, when they are inside it
 * (the defaults dms/outbox, dms/inbox …, or a folder client's root), are left as the DMS needs them.
 */
final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);

    private DataDirectory() {
    }

    /** Creates the data directory, or takes an existing one back, for the connector's user alone. */
    static Path prepare(Path directory) throws IOException {
        return FilePermissions.ownerOnlyFolder(directory);
    }

    /** A folder of the connector's own inside the data directory. */
    static Path folder(Path data, String name) throws IOException {
        return FilePermissions.ownerOnlyFolder(data.resolve(name));
    }

    /**
     * Makes every folder under {@code data} 0700 and every file 0600, links left as they are (they are not
     * followed), the DMS's folders in {@code leaveAlone} not entered. Returns how many entries were changed.
     */
    static int tighten(Path data, Collection<Path> leaveAlone) throws IOException {
        if (!FilePermissions.posix()) {
            return 0;
        }
        AtomicInteger changed = new AtomicInteger();
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                if (!folder.equals(data) && leaveAlone.stream().anyMatch(folder::equals)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                restrict(folder, attributes, changed);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                restrict(file, attributes, changed);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // gone meanwhile (a spool file), or not ours to read
            }
        });
        if (changed.get() > 0) {
            LOG.info("Data directory {}: {} file(s) and folder(s) made readable by the connector's user only", data,
                    changed.get());
        }
        return changed.get();
    }

    private static void restrict(Path path, BasicFileAttributes attributes, AtomicInteger changed) {
        if (attributes.isSymbolicLink() || !(attributes.isDirectory() || attributes.isRegularFile())) {
            return;
        }
        var wanted = attributes.isDirectory() ? FilePermissions.OWNER_ONLY_FOLDER : FilePermissions.OWNER_ONLY;
        try {
            if (!wanted.equals(Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS))) {
                FilePermissions.set(path, wanted);
                changed.incrementAndGet();
            }
        } catch (IOException e) {
            LOG.debug("Could not restrict {}: {}", path, e.getMessage()); // gone meanwhile, or another user's file
        }
    }
}
