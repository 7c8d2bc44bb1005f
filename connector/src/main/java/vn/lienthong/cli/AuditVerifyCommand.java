package vn.lienthong.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.lienthong.audit.AnchorVerdict;
import vn.lienthong.audit.AuditProblem;
import vn.lienthong.audit.AuditVerifier;
import vn.lienthong.audit.UnusableInput;
import vn.lienthong.audit.Verification;

/** {@code audit verify}: exports, archives or a data directory, offline; the first broken entry, or what holds. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Kiểm tra tệp xuất, tệp lưu trữ hoặc bản sao thư mục dữ liệu: mọi mã băm, liên kết, mốc neo và dấu"
                + " thời gian; báo mục hỏng đầu tiên.",
                "Verify exports, archives or a copy of a data directory: every hash, link, anchor and time stamp;"
                        + " reports the first broken entry.",
                "Exit / Mã thoát: 0 verified, 1 verification failed, 2 unusable input."})
final class AuditVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--expect-head", paramLabel = "HASH",
            description = "A hash you kept (an entry's hash or an anchor's root): the log must pass through it.")
    String expectHead;

    @Option(names = "--tsa-cert", paramLabel = "FILE", description = "The time-stamping authority's certificate (PEM) to insist on.")
    Path tsaCertificate;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Export files (.jsonl), a directory of archives, a data directory, or one evidence bundle (.zip).")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            X509Certificate pinned = tsaCertificate == null ? null : certificate(tsaCertificate);
            if (paths.stream().anyMatch(path -> path.getFileName().toString().endsWith(".zip"))) {
                return AuditEvidenceCommand.verify(paths, pinned, expectHead, out, err);
            }
            Verification verification = new AuditVerifier(pinned).verify(paths, expectHead);
            summary(verification, out);
            return AuditCommand.DONE;
        } catch (AuditProblem problem) {
            out.println("KHÔNG ĐẠT / FAILED: " + problem.code()
                    + (problem.sequence() >= 0 ? " (mục / entry " + problem.sequence() + ")" : ""));
            out.println("  " + problem.vietnamese());
            out.println("  " + problem.english());
            return AuditCommand.FAILED;
        } catch (UnusableInput unusable) {
            err.println("Không dùng được / Not usable:");
            err.println("  " + unusable.vietnamese());
            err.println("  " + unusable.english());
            return AuditCommand.UNUSABLE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static X509Certificate certificate(Path file) throws UnusableInput {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new UnusableInput("Không đọc được chứng thư số của máy chủ cấp dấu thời gian " + file + ".",
                    "Cannot read the time-stamping authority's certificate " + file + ".", e);
        }
    }

    private static void summary(Verification verification, PrintWriter out) {
        out.println("ĐẠT / VERIFIED: " + verification.entries() + " mục / entries " + verification.firstSequence() + "–"
                + verification.lastSequence());
        out.println("Mốc neo đã kiểm tra / Anchors checked: " + verification.anchors().size());
        for (AnchorVerdict anchor : verification.anchors()) {
            out.println("  cây / tree size " + anchor.size() + ": ký lúc / signed " + anchor.headTime()
                    + (anchor.stamped() ? ", dấu thời gian / stamped " + anchor.stampTime() + " (" + anchor.tsaSubject()
                    + (anchor.tsaPinned() ? ", đã ghim / pinned" : "") + ")" : ", chưa có dấu thời gian / not stamped"));
        }
        for (Verification.Note note : verification.notes()) {
            out.println("Lưu ý / Note: " + note.vietnamese());
            out.println("  " + note.english());
        }
        if (verification.expectedHead() != null) {
            out.println("Nhật ký đi qua mã băm đã giữ / The log passes through the kept hash " + verification.expectedHead());
        }
        out.println("Mã băm cuối (giữ lại cho lần sau) / Last hash (keep it for next time): " + verification.lastHash());
    }
}
