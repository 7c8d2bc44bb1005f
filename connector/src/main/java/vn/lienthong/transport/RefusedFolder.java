package vn.lienthong.transport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import vn.lienthong.validation.JsonReportPrinter;
import vn.lienthong.validation.TextReportPrinter;
import vn.lienthong.validation.ValidationReport;

/**
 * Where a refused document goes back to the DMS: the file itself, with its findings beside it as
 * {@code NAME.findings.txt} (bilingual, for people) and {@code NAME.findings.json} (for software). Each file is
 * written under a temporary name and renamed, so the DMS never reads a half-written one; the findings are in
 * place before the document, so whoever sees the document also finds the reasons.
 */
public final class RefusedFolder {

    private final Path directory;

    public RefusedFolder(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** Returns where the document was put. */
    public Path refuse(String originalName, Path document, ValidationReport report) throws IOException {
        String name = FileNames.safe(originalName);
        Path shownAs = Path.of(name);
        writeAtomically(directory.resolve(name + ".findings.txt"),
                writer -> new TextReportPrinter(new PrintWriter(writer)).print(shownAs, report));
        writeAtomically(directory.resolve(name + ".findings.json"),
                writer -> new JsonReportPrinter(new PrintWriter(writer)).print(shownAs, report));
        Path target = directory.resolve(name);
        Path temporary = directory.resolve("." + name + ".part");
        Files.copy(document, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static void writeAtomically(Path target, Consumer<Writer> content) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".part");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            content.accept(writer);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
