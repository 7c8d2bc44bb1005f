package vn.lienthong.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import vn.lienthong.validation.JsonReportPrinter;
import vn.lienthong.validation.TextReportPrinter;
import vn.lienthong.validation.ValidationReport;

/**
 * A folder where documents that go no further are parked for a person or the DMS: the file itself, with its
 * reports beside it, e.g. {@code NAME.findings.txt} (bilingual, for people) and {@code NAME.findings.json} (for
 * software). Each file is written under a temporary name and renamed, so nobody reads a half-written one; the
 * reports are in place before the document, so whoever sees the document also finds the reasons. A document is
 * never parked over an earlier one: a second {@code NAME} becomes {@code NAME-2}. Every write goes through
 * {@link DmsFolder}, so a link a DMS plants in its error folder is never written through.
 */
public final class RefusedFolder {

    /** One report written beside a parked document: its file-name suffix and how to write it. */
    public record Report(String suffix, Consumer<PrintWriter> content) {
    }

    private static final List<String> FINDINGS = List.of(".findings.txt", ".findings.json");

    private final Path directory;
    private final Set<PosixFilePermission> permissions;

    private RefusedFolder(Path directory, Set<PosixFilePermission> permissions) {
        this.directory = directory;
        this.permissions = permissions;
    }

    /** A folder a DMS reads (the error folder): its files readable by the connector's user and group only. */
    public static RefusedFolder forDms(Path directory) throws IOException {
        DmsFolder.create(directory).close();
        return new RefusedFolder(directory.toAbsolutePath(), FilePermissions.FOR_DMS);
    }

    /** A folder of the connector's own (the outbound quarantine, the store): everything in it its user's alone. */
    public static RefusedFolder ownerOnly(Path directory) throws IOException {
        return new RefusedFolder(FilePermissions.ownerOnlyFolder(directory), FilePermissions.OWNER_ONLY);
    }

    public Path directory() {
        return directory;
    }

    /** Parks a document refused by validation, with its findings. Returns where the document was put. */
    public Path refuse(String originalName, Path document, ValidationReport report) throws IOException {
        return park(originalName, document, findingsReports(originalName, report));
    }

    /**
     * Refuses an entry of the folder {@code from} that was not read (not a regular file, or too large to copy): its
     * findings are written here and the entry itself is moved beside them, as it is, when both folders are on one
     * file system (otherwise, or when {@code from} is null, it is not moved: copying is what must not happen to
     * such an entry). Returns where the findings are.
     */
    public Path refuseUnread(String originalName, DmsFolder from, ValidationReport report) throws IOException {
        List<Report> reports = findingsReports(originalName, report);
        try (DmsFolder folder = DmsFolder.open(directory)) {
            String name = folder.freeName(FileNames.safe(originalName), suffixes(reports));
            for (Report each : reports) {
                write(folder, name + each.suffix(), each);
            }
            try {
                if (from != null) {
                    from.move(originalName, folder, name);
                }
            } catch (AtomicMoveNotSupportedException otherFileSystem) {
                // left where it is
            }
            return directory.resolve(name + reports.get(0).suffix());
        }
    }

    private static List<Report> findingsReports(String originalName, ValidationReport report) {
        Path shownAs = Path.of(FileNames.safe(originalName));
        return List.of(
                new Report(FINDINGS.get(0), writer -> new TextReportPrinter(writer).print(shownAs, report)),
                new Report(FINDINGS.get(1), writer -> new JsonReportPrinter(writer).print(shownAs, report)));
    }

    /** Parks a document with the given reports beside it, under a name no earlier one has. Returns where it is. */
    public Path park(String originalName, Path document, List<Report> reports) throws IOException {
        try (DmsFolder folder = DmsFolder.open(directory)) {
            return park(folder, folder.freeName(FileNames.safe(originalName), suffixes(reports)), document, reports);
        }
    }

    /**
     * Parks a document under exactly {@code name}, which identifies it (its key): when that name is already parked
     * here, it is the same document, and the one parked first is kept as it is.
     */
    public Path parkOnce(String name, Path document, List<Report> reports) throws IOException {
        try (DmsFolder folder = DmsFolder.open(directory)) {
            if (folder.exists(name)) {
                return directory.resolve(name);
            }
            return park(folder, name, document, reports);
        }
    }

    private Path park(DmsFolder folder, String name, Path document, List<Report> reports) throws IOException {
        for (Report report : reports) {
            write(folder, name + report.suffix(), report);
        }
        folder.write(name, permissions, out -> {
            try (InputStream in = Files.newInputStream(document)) {
                in.transferTo(out);
            }
        });
        setOwnerOnly(name);
        return directory.resolve(name);
    }

    /** Writes {@code NAME + suffix} in this folder under a temporary name, then renames it. */
    public void writeReport(String name, Report report) throws IOException {
        try (DmsFolder folder = DmsFolder.open(directory)) {
            write(folder, name + report.suffix(), report);
        }
    }

    private void write(DmsFolder folder, String fileName, Report report) throws IOException {
        folder.write(fileName, permissions, out -> {
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            report.content().accept(writer);
            writer.flush();
        });
        setOwnerOnly(fileName);
    }

    /** In a folder of the connector's own no one else can swap a name for a link, so the mode is set exactly. */
    private void setOwnerOnly(String fileName) throws IOException {
        if (permissions.equals(FilePermissions.OWNER_ONLY)) {
            FilePermissions.set(directory.resolve(fileName), FilePermissions.OWNER_ONLY);
        }
    }

    private static List<String> suffixes(List<Report> reports) {
        return reports.stream().map(Report::suffix).toList();
    }
}
