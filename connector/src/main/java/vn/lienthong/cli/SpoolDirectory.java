package vn.lienthong.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a command spools attachments: the configured directory (kept), or a fresh temporary one that is
 * removed with everything in it when the command ends.
 */
final class SpoolDirectory implements AutoCloseable {

    private final Path path;
    private final boolean temporary;

    private SpoolDirectory(Path path, boolean temporary) {
        this.path = path;
        this.temporary = temporary;
    }

    static SpoolDirectory create(String configured) throws IOException {
        if (configured == null || configured.isBlank()) {
            return new SpoolDirectory(Files.createTempDirectory("lienthong-spool-"), true);
        }
        return new SpoolDirectory(Files.createDirectories(Path.of(configured.strip())), false);
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the temporary spool directory " + path, e);
        }
    }
}
