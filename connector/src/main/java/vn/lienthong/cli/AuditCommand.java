package vn.lienthong.cli;

import java.util.function.Function;
import picocli.CommandLine.Command;

/**
 * {@code audit export | verify | evidence}: the transmission log for auditors. Export a period (online from the running
 * connector, or offline from a stopped connector's data directory or a copy) and verify exports, archives or a data
 * directory offline, down to the signed and time-stamped anchors; one document's evidence bundle, which verify checks
 * alone. See docs/auditing.md.
 */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
                "Kiểm toán nhật ký truyền nhận: xuất một khoảng thời gian, kiểm tra tệp xuất, tệp lưu trữ hoặc thư mục dữ liệu;"
                        + " gói bằng chứng của một văn bản (evidence), được kiểm tra riêng bằng verify.",
                "Audit the transmission log: export a period; verify exports, archives or a data directory; a document's"
                        + " evidence bundle (evidence), which verify checks alone.",
                "Exit / Mã thoát: 0 verified or done, 1 verification failed or refused, 2 unusable input or unreachable."},
        subcommands = {AuditExportCommand.class, AuditVerifyCommand.class, AuditEvidenceCommand.class})
final class AuditCommand {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int UNUSABLE = 2;

    /** Where the password of {@code --user} is read; tests replace it. */
    static Function<String, String> environment = System::getenv;

    private AuditCommand() {
    }
}
