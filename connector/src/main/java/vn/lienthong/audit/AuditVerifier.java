package vn.lienthong.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Verifies what an auditor holds, offline: one {@code lienthong-audit/1} export, several (or a directory of archives)
 * that must follow one another, or a copy of a connector's data directory. It stops at the first broken entry with an
 * {@link AuditProblem}, and otherwise returns what was established ({@link Verification}).
 *
 * <p>An evidence bundle ({@code .zip}) is not handled here: the command line hands it to the evidence verifier.
 */
public final class AuditVerifier {

    private final X509Certificate pinnedTsa;

    /** @param pinnedTsa the TSA certificate the auditor trusts, or null to accept the one each token carries */
    public AuditVerifier(X509Certificate pinnedTsa) {
        this.pinnedTsa = pinnedTsa;
    }

    /**
     * Verifies {@code paths}: a data directory (it holds db/tracking.mv.db, or is that db folder), a directory of exports, or export files.
     *
     * @param expectedHead a hash the auditor kept (an entryHash or an anchor's root), or null
     */
    public Verification verify(List<Path> paths, String expectedHead) throws AuditProblem, UnusableInput {
        Verification verification = new Verification(expectedHead);
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new UnusableInput("Không có tệp hay thư mục " + path + ".", "There is no file or directory " + path
                        + ".", null);
            }
        }
        if (paths.size() == 1 && DataDirectoryCheck.databaseFolder(paths.get(0)).isPresent()) {
            new DataDirectoryCheck(paths.get(0), pinnedTsa, verification).verify();
        } else {
            List<Path> files = new ArrayList<>();
            for (Path path : paths) {
                files.addAll(Files.isDirectory(path) ? exportsIn(path) : List.of(path));
            }
            if (files.isEmpty()) {
                throw new UnusableInput("Không có tệp xuất (.jsonl) nào để kiểm tra trong " + paths + ".",
                        "There is no export (.jsonl) to verify in " + paths + ".", null);
            }
            verifyFiles(files, verification, (sequence, hash) -> { });
        }
        verification.requireExpectedHead();
        return verification;
    }

    /** Verifies files in the order of their first entries, each following the one before; returns the last link. */
    ExportFileCheck.Link verifyFiles(List<Path> files, Verification verification, ExportFileCheck.Leaves leaves)
            throws AuditProblem, UnusableInput {
        List<Path> ordered = ordered(files);
        ExportFileCheck.Link previous = null;
        for (Path file : ordered) {
            try {
                previous = new ExportFileCheck(file, pinnedTsa, verification, leaves).verify(previous);
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        return previous;
    }

    static List<Path> exportsIn(Path directory) throws UnusableInput {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(file -> file.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(file))
                    .sorted().toList();
        } catch (IOException e) {
            throw unreadable(directory, e);
        }
    }

    private static List<Path> ordered(List<Path> files) throws UnusableInput {
        List<Path> withHeaders = new ArrayList<>();
        List<Long> firsts = new ArrayList<>();
        for (Path file : files) {
            try {
                JsonNode header = ExportFileCheck.header(file);
                withHeaders.add(file);
                firsts.add(header == null ? -1 : header.path("firstSequence").asLong(-1));
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < withHeaders.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(firsts::get));
        return order.stream().map(withHeaders::get).toList();
    }

    static UnusableInput unreadable(Path path, IOException e) {
        return new UnusableInput("Không đọc được " + path + " (" + e.getMessage() + ").", "Cannot read " + path + " ("
                + e.getMessage() + ").", e);
    }
}
