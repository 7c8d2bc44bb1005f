package vn.lienthong.dms.folder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.EnvelopeReader;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.edxml.ReadOutcome;

/** What a DMS does with folders: drop a file the right way, and read the DocumentIds of what it received. */
public final class DroppedFiles {

    private DroppedFiles() {
    }

    /** Writes under NAME.part first, then renames: the connector never sees a half-written file. */
    public static Path drop(Path prepared, Path in, String name) throws IOException {
        Path part = in.resolve(name + ".part");
        Files.copy(prepared, part, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(part, in.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    public static List<Path> envelopesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".edxml")).sorted().toList();
        }
    }

    /** The DocumentId of every edoc envelope in {@code folder}. */
    public static List<String> documentIdsIn(Path folder) throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path file : envelopesIn(folder)) {
            try (InputStream in = Files.newInputStream(file)) {
                ids.add(documentIdOf(in));
            }
        }
        return ids;
    }

    public static String documentIdOf(InputStream envelope) throws IOException {
        Path spool = Files.createTempDirectory("dropped-files-");
        try (ReadOutcome outcome = new EnvelopeReader(ReadLimits.DEFAULTS, spool).read(envelope)) {
            return ((EdocHeader) outcome.envelope().orElseThrow().header()).documentId();
        } finally {
            try (Stream<Path> left = Files.list(spool)) {
                for (Path file : left.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(spool);
        }
    }
}
