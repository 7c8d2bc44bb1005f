package vn.lienthong.transport;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.lienthong.findings.Bilingual;

/**
 * A folder a DMS can write into (its outbox, in/, out/, error/ …), used through an open handle on the folder itself:
 * every name is looked up inside that folder and never through a symbolic link, so neither a link the DMS drops into
 * it nor the folder swapped for a link afterwards can send a read or a write elsewhere. Files are created new, under
 * a name nobody had (a link planted under a temporary name is never written through), with their permissions given
 * at creation. Needs a POSIX system (Linux).
 */
public final class DmsFolder implements AutoCloseable {

    /** NAME_MAX of Linux file systems: a name is at most this many bytes of UTF-8. */
    public static final int MAX_NAME_BYTES = 255;

    /** Where a real folder must be, there is something else: a symbolic link, a file, a FIFO. */
    public static final class NotARealFolder extends IOException {

        private final Path folder;

        NotARealFolder(Path folder, Bilingual what) {
            super(folder + " is " + what.english() + ", not a real folder: nothing is read from it or written into it");
            this.folder = folder;
        }

        public Path folder() {
            return folder;
        }
    }

    /** Writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path path;
    private final SecureDirectoryStream<Path> handle;

    private DmsFolder(Path path, SecureDirectoryStream<Path> handle) {
        this.path = path;
        this.handle = handle;
    }

    /** Opens {@code folder}, which the administrator configured (it may be reached through links they set up). */
    public static DmsFolder open(Path folder) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(folder);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return new DmsFolder(folder.toAbsolutePath(), secure);
        }
        stream.close();
        throw new IOException("a folder a DMS writes into can only be used safely on a POSIX system such as Linux: " + folder);
    }

    /** Creates the configured {@code folder} if it is missing (user and group only), then opens it. */
    public static DmsFolder create(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            try (DmsFolder above = open(parent)) {
                above.sub(absolute.getFileName().toString(), true).close();
            }
        }
        return open(absolute);
    }

    /** The folder {@code name} in this one, which must be a real folder: a link or anything else is refused. */
    public DmsFolder sub(String name) throws IOException {
        return sub(name, false);
    }

    /**
     * As {@link #sub(String)}; when {@code create} and it is missing, it is made first, for the DMS and its group
     * (permissions set on the open folder, so they land on the folder just made and nowhere else).
     */
    public DmsFolder sub(String name, boolean create) throws IOException {
        Optional<BasicFileAttributes> found = attributes(name);
        boolean made = false;
        if (found.isEmpty() && create) {
            try {
                Files.createDirectory(path.resolve(name), FilePermissions.atCreation(FilePermissions.DMS_FOLDER));
                made = true;
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                found = attributes(name);
            }
        }
        if (found.isPresent() && !found.get().isDirectory()) {
            throw new NotARealFolder(path.resolve(name), kind(found.get()));
        }
        DmsFolder folder;
        try {
            folder = new DmsFolder(path.resolve(name), handle.newDirectoryStream(Path.of(name), NOFOLLOW_LINKS));
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw e;
        } catch (FileSystemException swappedForALink) {
            throw new NotARealFolder(path.resolve(name), new Bilingual("một liên kết tượng trưng", "a symbolic link"));
        }
        if (made && FilePermissions.posix()) {
            folder.handle.getFileAttributeView(PosixFileAttributeView.class).setPermissions(FilePermissions.DMS_FOLDER);
        }
        return folder;
    }

    public Path path() {
        return path;
    }

    /** What is at {@code name} itself (a link is a link, not what it points to); empty when nothing is. */
    public Optional<BasicFileAttributes> attributes(String name) throws IOException {
        try {
            return Optional.of(handle.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, NOFOLLOW_LINKS)
                    .readAttributes());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    public boolean exists(String name) throws IOException {
        return attributes(name).isPresent();
    }

    /** Reads the file {@code name}; if it is (or has become) a symbolic link, opening fails instead of following it. */
    public InputStream read(String name) throws IOException {
        return Channels.newInputStream(handle.newByteChannel(Path.of(name),
                Set.of(StandardOpenOption.READ, NOFOLLOW_LINKS)));
    }

    /**
     * Creates {@code name}, which must not exist (not even as a link), with {@code permissions} given at creation:
     * the umask can only take from them, never add.
     */
    public OutputStream createNew(String name, Set<PosixFilePermission> permissions) throws IOException {
        return Channels.newOutputStream(handle.newByteChannel(Path.of(name),
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW_LINKS),
                FilePermissions.atCreation(permissions)));
    }

    /** Writes {@code name}, replacing what was there, so that no one ever reads it half-written. */
    public void write(String name, Set<PosixFilePermission> permissions, Content content) throws IOException {
        String temporary = temporaryName();
        try (OutputStream out = createNew(temporary, permissions)) {
            content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            deleteIfExists(temporary);
            throw e;
        }
        move(temporary, this, name);
    }

    /** A hidden name no one has used, for a file being written here. */
    public static String temporaryName() {
        return ".lienthong-" + UUID.randomUUID() + ".part";
    }

    /** Renames {@code name} to {@code newName} in {@code target} (same file system), replacing what is there. */
    public void move(String name, DmsFolder target, String newName) throws IOException {
        handle.move(Path.of(name), target.handle, Path.of(newName));
    }

    /** Removes the entry {@code name} itself (a link is removed, not what it points to). */
    public void deleteIfExists(String name) throws IOException {
        try {
            handle.deleteFile(Path.of(name));
        } catch (NoSuchFileException gone) {
            // nothing to remove
        }
    }

    /** The names in this folder matching {@code glob}, for clean-ups: what each is must be checked before use. */
    public List<String> names(String glob) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, glob)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        }
        return names;
    }

    /**
     * {@code wanted} if neither it nor any {@code name + suffix} is taken, else {@code stem-2.ext}, {@code stem-3.ext},
     * …: an earlier file of the same name is never replaced. The stem is shortened when needed so that the name and
     * each companion name fit in {@link #MAX_NAME_BYTES}.
     */
    public String freeName(String wanted, List<String> companionSuffixes) throws IOException {
        int longestSuffix = companionSuffixes.stream().mapToInt(DmsFolder::bytes).max().orElse(0);
        int limit = MAX_NAME_BYTES - longestSuffix;
        int dot = wanted.lastIndexOf('.');
        boolean hasExtension = dot > 0 && wanted.length() - dot <= 16;
        String stem = hasExtension ? wanted.substring(0, dot) : wanted;
        String extension = hasExtension ? wanted.substring(dot) : "";
        String candidate = FileNames.fit(stem, limit - bytes(extension)) + extension;
        for (int n = 2; taken(candidate, companionSuffixes); n++) {
            String tag = "-" + n;
            candidate = FileNames.fit(stem, limit - bytes(extension) - bytes(tag)) + tag + extension;
        }
        return candidate;
    }

    private boolean taken(String name, List<String> companionSuffixes) throws IOException {
        if (exists(name)) {
            return true;
        }
        for (String suffix : companionSuffixes) {
            if (exists(name + suffix)) {
                return true;
            }
        }
        return false;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** What an entry that is not a regular file is, in both languages. */
    public static Bilingual kind(BasicFileAttributes entry) {
        if (entry.isSymbolicLink()) {
            return new Bilingual("một liên kết tượng trưng", "a symbolic link");
        }
        if (entry.isDirectory()) {
            return new Bilingual("một thư mục", "a folder");
        }
        if (entry.isRegularFile()) {
            return new Bilingual("một tệp thông thường", "a regular file");
        }
        return new Bilingual("một tệp đặc biệt (ống có tên, ổ cắm hoặc thiết bị)", "a special file (a named pipe, a socket or a device)");
    }

    @Override
    public void close() throws IOException {
        handle.close();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
