package vn.lienthong.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Who may read what the connector writes, set explicitly so that the umask of whoever started it does not decide.
 * Documents, the transmission log and the operations token are the connector's alone; what it hands to a DMS is
 * also readable by the group, through which a DMS running as another user reads it; others get nothing.
 */
public final class FilePermissions {

    /** A file of the connector's own (store, database, journal, spool, quarantine, token): its user alone. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** A folder of the connector's own, the data directory first. */
    public static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    /** A file written for a DMS (a delivered document, a report): the connector's user writes, the group reads. */
    public static final Set<PosixFilePermission> FOR_DMS = PosixFilePermissions.fromString("rw-r-----");
    /** A folder the connector makes for a DMS: the DMS works in it through the group (drops, takes, deletes). */
    public static final Set<PosixFilePermission> DMS_FOLDER = PosixFilePermissions.fromString("rwxrwx---");

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private FilePermissions() {
    }

    /** Whether this file system has POSIX permissions at all (elsewhere, as on Windows, nothing here applies). */
    public static boolean posix() {
        return POSIX;
    }

    /** The permissions for creating a file or folder; none where the file system has no POSIX permissions. */
    public static FileAttribute<?>[] atCreation(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    /**
     * Sets {@code permissions} on {@code path} itself, a link not followed. Only for places no one else can write
     * into (the data directory): in a folder a DMS writes, a name could be swapped for a link between two calls.
     */
    public static void set(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX && !Files.isSymbolicLink(path) && !permissions.equals(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS))) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    /** Creates {@code folder} and its missing parents, each its user's alone, and makes {@code folder} so if it existed. */
    public static Path ownerOnlyFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            Path parent = absolute.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                ownerOnlyFolder(parent);
            }
            try {
                Files.createDirectory(absolute, atCreation(OWNER_ONLY_FOLDER));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made meanwhile by another thread or process: checked below
            }
        }
        set(absolute.toRealPath(), OWNER_ONLY_FOLDER); // the administrator may have made it a link to elsewhere
        return absolute;
    }

    /** Creates {@code file} (which must not exist) for writing, its user's alone from the first byte. */
    public static OutputStream newOwnerOnlyFile(Path file) throws IOException {
        OutputStream out = Channels.newOutputStream(Files.newByteChannel(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), atCreation(OWNER_ONLY)));
        try {
            set(file, OWNER_ONLY);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
        return out;
    }
}
