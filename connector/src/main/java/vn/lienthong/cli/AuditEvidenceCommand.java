package vn.lienthong.cli;

import java.io.BufferedOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.lienthong.audit.AnchorVerdict;
import vn.lienthong.audit.AuditProblem;
import vn.lienthong.audit.EvidenceVerdict;
import vn.lienthong.audit.EvidenceVerifier;
import vn.lienthong.audit.OfflineEvidence;
import vn.lienthong.audit.UnusableInput;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.transport.FilePermissions;

/**
 * {@code audit evidence KEY -o FILE.zip}: one document's evidence bundle, from the running connector (its operations
 * API, with the operations token of {@code --config}, or as an auditor with {@code --url --user}) or offline from a stopped connector's data directory ({@code --data}). The bundle
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

    @Option(names = "--url", paramLabel = "URL", description = "The running connector's management address, with --user.")
    URI url;

    @Option(names = "--user", paramLabel = "NAME",
            description = "An auditor of the users file, with --url; the password from LIENTHONG_AUDIT_PASSWORD or asked.")
    String user;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Offline: a stopped connector's data directory, or a copy of it (its database is opened read-only).")
    Path data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            int sources = (data != null ? 1 : 0) + (configFile != null ? 1 : 0) + (url != null ? 1 : 0);
            if (sources > 1 || (url != null) != (user != null)) {
                return OpsCommand.usage(err, "USAGE", "Chọn nhiều nhất một nguồn: --config FILE (bộ kết nối đang chạy, mã"
                        + " vận hành), --url URL --user NAME (bộ kết nối đang chạy, kiểm toán viên) hoặc --data DIR (thư"
                        + " mục dữ liệu của bộ kết nối đã dừng).", "Choose at most one source: --config FILE (the running"
                        + " connector, operations token), --url URL --user NAME (the running connector, an auditor) or"
                        + " --data DIR (a stopped connector's data directory).");
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
        OpsClient client;
        try {
            if (url != null) {
                char[] password = password();
                if (password == null) {
                    return OpsCommand.usage(err, "USAGE", "Không có mật khẩu: đặt biến môi trường "
                            + AuditExportCommand.PASSWORD_VARIABLE + " hoặc chạy lệnh trong một cửa sổ dòng lệnh để nhập"
                            + " mật khẩu.", "No password: set " + AuditExportCommand.PASSWORD_VARIABLE + " or run the"
                            + " command in a terminal to type it.");
                }
                client = OpsClient.basic(url, user, password);
            } else {
                client = OpsClient.from(ConnectorProperties.load(configFile));
            }
        } catch (IOException e) {
            err.println("Cấu hình không dùng được / Unusable configuration: " + e.getMessage());
            return OpsCommand.UNREACHABLE;
        } catch (OpsClient.Unreachable e) {
            err.println(e.getMessage());
            return OpsCommand.UNREACHABLE;
        }
        try {
            OpsClient.Reply reply;
            try (OutputStream file = new BufferedOutputStream(FilePermissions.newOwnerOnlyFile(temporary), 64 * 1024)) {
                reply = client.downloadFile("audit/evidence/" + OpsCommand.segment(key), file);
            }
            return reply.status() == 200 ? OpsCommand.DONE : OpsCommand.failed(reply, err);
        } catch (OpsClient.Unreachable e) {
            err.println(e.getMessage());
            return OpsCommand.UNREACHABLE;
        }
    }

    /** As {@code audit export} reads it (the same variable), so an auditor sets it once. */
    private static char[] password() {
        String given = AuditCommand.environment.apply(AuditExportCommand.PASSWORD_VARIABLE);
        if (given != null && !given.isEmpty()) {
            return given.toCharArray();
        }
        Console console = System.console();
        return console == null ? null : console.readPassword("Mật khẩu / Password: ");
    }

    /** {@code audit verify FILE.zip}: one evidence bundle, alone. Exit 0 verified, 1 failed, 2 not a bundle at all. */
    static int verify(List<Path> paths, X509Certificate pinnedTsa, String expectHead, PrintWriter out, PrintWriter err) {
        if (paths.size() != 1) {
            return OpsCommand.usage(err, "USAGE", "Hãy kiểm tra từng gói bằng chứng (.zip) một, không kèm tệp nào khác.",
                    "Verify one evidence bundle (.zip) at a time, with no other file.");
        }
        try {
            EvidenceVerdict verdict = EvidenceVerifier.verify(paths.get(0), pinnedTsa, expectHead);
            AnchorVerdict anchor = verdict.anchor();
            out.println("ĐẠT / VERIFIED: gói bằng chứng của văn bản / evidence bundle of document " + verdict.documentKey());
            out.println("  Gói tin / Envelope SHA-256 " + verdict.envelopeSha256() + " = mục / entry "
                    + verdict.intakeSequence());
            out.println("  " + verdict.sequences().size() + " mục nhật ký / log entries " + verdict.sequences()
                    + " trong cây / in the tree of " + anchor.size() + ", gốc / root " + anchor.root());
            out.println("  Ký bởi / Signed by " + anchor.signerSubject() + "; dấu thời gian / stamped " + anchor.stampTime()
                    + " (" + anchor.tsaSubject() + (anchor.tsaPinned() ? ", đã ghim / pinned" : "") + ")");
            out.println("  Bản kê / Manifest: " + (verdict.manifestSigner() == null ? "không ký / unsigned"
                    : "ký bởi / signed by " + verdict.manifestSigner()));
            return AuditCommand.DONE;
        } catch (AuditProblem problem) {
            boolean unusable = problem.code().equals(EvidenceVerifier.UNREADABLE);
            PrintWriter to = unusable ? err : out;
            to.println((unusable ? "Không dùng được / Not usable: " : "KHÔNG ĐẠT / FAILED: ") + problem.code()
                    + (problem.sequence() >= 0 ? " (mục / entry " + problem.sequence() + ")" : ""));
            to.println("  " + problem.vietnamese());
            to.println("  " + problem.english());
            return unusable ? AuditCommand.UNUSABLE : AuditCommand.FAILED;
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
