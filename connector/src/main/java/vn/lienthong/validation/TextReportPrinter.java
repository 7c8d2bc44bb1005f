package vn.lienthong.validation;

import java.io.PrintWriter;
import java.nio.file.Path;
import vn.lienthong.findings.Direction;
import vn.lienthong.findings.Finding;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Location;

/** A report a clerk or an agency's IT staff can read: one block per file, Vietnamese first, then English. */
public final class TextReportPrinter implements ReportPrinter {

    private final PrintWriter out;

    public TextReportPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void print(Path file, ValidationReport report) {
        boolean unreadable = report.findings().stream().anyMatch(finding -> finding.code() == FindingCode.FILE_UNREADABLE);
        String verdict = unreadable ? "KHÔNG ĐỌC ĐƯỢC / UNREADABLE"
                : report.valid() ? "HỢP LỆ / VALID" : "KHÔNG HỢP LỆ / INVALID";
        StringBuilder line = new StringBuilder("[").append(verdict).append("] ").append(file);
        line.append("  (").append(report.messageType().map(type -> type.wireName() + ", ").orElse(""))
                .append(report.direction() == Direction.OUTBOUND ? "để gửi/outbound" : "khi nhận/inbound").append(')');
        if (!report.findings().isEmpty() && !unreadable) {
            line.append("  — ").append(report.errorCount()).append(" lỗi/errors, ")
                    .append(report.warningCount()).append(" cảnh báo/warnings");
        }
        out.println(line);
        for (Finding finding : report.findings()) {
            out.println("  " + finding.severity().label() + "  " + finding.code() + "  [" + finding.blocks().label() + "]"
                    + where(finding.location()));
            out.println("    " + finding.vietnamese());
            out.println("    " + finding.english());
        }
    }

    private static String where(Location location) {
        StringBuilder where = new StringBuilder();
        if (location.hasPosition()) {
            where.append("  dòng/line ").append(location.line()).append(", cột/column ").append(location.column());
        }
        if (!location.path().isEmpty()) {
            where.append("  ").append(location.path());
        }
        return where.toString();
    }

    @Override
    public void summary(int valid, int invalid, int unreadable) {
        out.println();
        out.printf("Tổng cộng / Total: %d tệp/files — %d hợp lệ/valid, %d không hợp lệ/invalid, %d không đọc được/unreadable%n",
                valid + invalid + unreadable, valid, invalid, unreadable);
    }
}
