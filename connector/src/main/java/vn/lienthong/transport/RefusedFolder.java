package vn.lienthong.transport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;
import vn.lienthong.validation.JsonReportPrinter;
import vn.lienthong.validation.TextReportPrinter;
import vn.lienthong.validation.ValidationReport;

/**
 * A folder where documents that go no further are parked for a person or the DMS: the file itself, with its
 * reports beside it, e.g. {@code NAME.findings.txt} (bilingual, for people) and {@code NAME.findings.json} (for
 * software). Each file is written under a temporary name and renamed, so nobody reads a half-written one; the
 * reports are in place before the document, so whoever sees the document also finds the reasons.
 */
public final class RefusedFolder {

    /** One report written beside a parked document: its file-name suffix and how to write it. */
    public record Report(String suffix, Consumer<PrintWriter> content) {
    }

    private final Path directory;

    public RefusedFolder(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** Parks a document refused by validation, with its findings. Returns where the document was put. */
    public Path refuse(String originalName, Path document, ValidationReport report) throws IOException {
        Path shownAs = Path.of(FileNames.safe(originalName));
        return park(originalName, document, List.of(
                new Report(".findings.txt", writer -> new TextReportPrinter(writer).print(shownAs, report)),
                new Report(".findings.json", writer -> new JsonReportPrinter(writer).print(shownAs, report))));
    }

    /** Parks a document with the given reports beside it. Returns where the document was put. */
    public Path park(String originalName, Path document, List<Report> reports) throws IOException {
        String name = FileNames.safe(originalName);
        for (Report report : reports) {
            writeReport(name, report);
        }
        Path target = directory.resolve(name);
        Path temporary = directory.resolve("." + name + ".part");
        Files.copy(document, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Writes {@code NAME + suffix} in this folder under a temporary name, then renames it. */
    public void writeReport(String name, Report report) throws IOException {
        Path target = directory.resolve(name + report.suffix());
        Path temporary = target.resolveSibling("." + target.getFileName() + ".part");
        try (Writer file = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
             PrintWriter writer = new PrintWriter(file)) {
            report.content().accept(writer);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
