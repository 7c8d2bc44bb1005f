package vn.lienthong.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where an export goes: standard output, or a file that appears only once complete. The text is written to a temporary
 * file beside the target and renamed over it at the end, so an interrupted export never leaves a half-written file.
 */
final class AuditOutput implements AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final Writer writer;
    private boolean committed;

    private AuditOutput(Path target, Path temporary, Writer writer) {
        this.target = target;
        this.temporary = temporary;
        this.writer = writer;
    }

    static AuditOutput of(Path file, PrintWriter stdout) throws IOException {
        if (file == null) {
            return new AuditOutput(null, null, stdout);
        }
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".part");
        return new AuditOutput(absolute, temporary, new BufferedWriter(new OutputStreamWriter(
                Files.newOutputStream(temporary), StandardCharsets.UTF_8), 64 * 1024));
    }

    Writer writer() {
        return writer;
    }

    /** The export is complete: the file takes its name. */
    void commit() throws IOException {
        writer.flush();
        if (target != null) {
            writer.close();
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (target != null && !committed) {
            writer.close();
            Files.deleteIfExists(temporary);
        }
    }
}
