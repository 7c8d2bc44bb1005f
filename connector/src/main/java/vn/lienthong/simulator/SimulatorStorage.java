package vn.lienthong.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's own files: a fresh directory (inside the configured one, or a temporary one) holding the
 * accepted packages. Closing removes exactly this directory, never anything else of the caller's.
 */
final class SimulatorStorage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorStorage.class);

    private final Path root;

    private SimulatorStorage(Path root) {
        this.root = root;
    }

    static SimulatorStorage create(Path configured) throws IOException {
        Path root = configured == null
                ? Files.createTempDirectory("axis-simulator-")
                : Files.createTempDirectory(Files.createDirectories(configured), "axis-simulator-");
        Files.createDirectories(root.resolve("packages"));
        return new SimulatorStorage(root);
    }

    Path root() {
        return root;
    }

    Path packages() {
        return root.resolve("packages");
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("could not remove the simulator's storage {}: {}", root, e.toString());
        }
    }
}
