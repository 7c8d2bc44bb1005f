package vn.lienthong.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.lienthong.audit.AuditProblem;
import vn.lienthong.audit.OfflineEvidence;
import vn.lienthong.audit.UnusableInput;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.transport.FilePermissions;

/**
 * {@code audit evidence KEY -o FILE.zip}: one document's evidence bundle, from the running connector (its operations
 * API, with the operations token) or offline from a stopped connector's data directory ({@code --data}). The bundle
 * is written beside FILE under a temporary name and renamed into place once whole, so FILE is never half a bundle;
 * it holds the document itself, so it is made readable by its owner alone.
 */
@Command(
        name = "evidence",
        mixinStandardHelpOptions = true,
        description = {
                "Gói bằng chứng của một văn bản: gói tin, kết quả kiểm tra, dòng thời gian, các mục nhật ký và bằng"
                        + " chứng Merkle tới một đầu cây có chữ ký và dấu thời gian.",
                "A document's evidence bundle: the envelope, its verdicts, timeline, log entries and Merkle proofs up to"
                        + " a signed, time-stamped tree head. Check it with: audit verify FILE.zip",
                "Exit / Mã thoát: 0 written, 1 unknown document or not yet anchored, 2 unreachable or unusable input."})
final class AuditEvidenceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KEY", description = "The document key (64 hex digits).")
    String key;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.zip", description = "Where to write the bundle.")
    Path output;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration the running connector uses (its management port and operations token).")
    Path configFile;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Offline: a stopped connector's data directory, or a copy of it (its database is opened read-only).")
    Path data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (data != null && configFile != null) {
                return OpsCommand.usage(err, "CONFLICTING_OPTIONS", "Chỉ dùng một trong hai: --config (bộ kết nối đang"
                        + " chạy) hoặc --data (thư mục dữ liệu khi bộ kết nối đã dừng).", "Use one of --config (a running"
                        + " connector) or --data (the data directory of a stopped one), not both.");
            }
            Path absolute = output.toAbsolutePath();
            Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
            int code;
            try {
                code = data != null ? offline(temporary, err) : online(temporary, err);
                if (code == OpsCommand.DONE) {
                    Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    out.println("Đã ghi gói bằng chứng của văn bản " + key + " vào " + absolute + ".");
                    out.println("  Wrote the evidence bundle of document " + key + " to " + absolute + ".");
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            return code;
        } catch (IOException e) {
            err.println("OUTPUT_UNWRITABLE: Không ghi được " + output + ".");
            err.println("  Cannot write " + output + " (" + e.getMessage() + ").");
            return OpsCommand.UNREACHABLE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int online(Path temporary, PrintWriter err) throws IOException {
        Properties properties;
        try {
            properties = ConnectorProperties.load(configFile);
        } catch (IOException e) {
            err.println("Cấu hình không dùng được / Unusable configuration: " + e.getMessage());
            return OpsCommand.UNREACHABLE;
        }
        try {
            OpsClient.Reply reply;
            try (OutputStream file = new BufferedOutputStream(FilePermissions.newOwnerOnlyFile(temporary), 64 * 1024)) {
                reply = OpsClient.from(properties).downloadFile("audit/evidence/" + OpsCommand.segment(key), file);
            }
            return reply.status() == 200 ? OpsCommand.DONE : OpsCommand.failed(reply, err);
        } catch (OpsClient.Unreachable e) {
            err.println(e.getMessage());
            return OpsCommand.UNREACHABLE;
        }
    }

    private int offline(Path temporary, PrintWriter err) throws IOException {
        try (OutputStream file = new BufferedOutputStream(FilePermissions.newOwnerOnlyFile(temporary), 64 * 1024)) {
            OfflineEvidence.write(data, key, file);
            return OpsCommand.DONE;
        } catch (AuditProblem problem) {
            err.println(problem.code() + ": " + problem.vietnamese());
            err.println("  " + problem.english());
            return problem.code().equals("UNKNOWN_DOCUMENT") || problem.code().equals("NOT_YET_ANCHORED")
                    || problem.code().equals("ENVELOPE_NOT_STORED") ? OpsCommand.REFUSED : OpsCommand.UNREACHABLE;
        } catch (UnusableInput unusable) {
            err.println("UNUSABLE_INPUT: " + unusable.vietnamese());
            err.println("  " + unusable.english());
            return OpsCommand.UNREACHABLE;
        }
    }
}
