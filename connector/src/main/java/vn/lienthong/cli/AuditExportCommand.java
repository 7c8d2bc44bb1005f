package vn.lienthong.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.lienthong.audit.AuditDatabase;
import vn.lienthong.audit.AuditExport;
import vn.lienthong.audit.AuditProblem;
import vn.lienthong.audit.ExportFilter;
import vn.lienthong.audit.UnusableInput;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.tracking.TrackingDatabase;

/** {@code audit export}: a period of the transmission log, streamed, from the running connector or a data directory. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Xuất nhật ký truyền nhận của một khoảng thời gian (lienthong-audit/1 hoặc CSV), không giới hạn số dòng.",
                "Export the transmission log of a period (lienthong-audit/1 or CSV), with no row cap.",
                "Online: --config FILE (the operations token) or --url URL --user NAME (an auditor; password from"
                        + " LIENTHONG_AUDIT_PASSWORD or asked). Offline: --data DIR (a stopped connector's data directory"
                        + " or a copy)."})
final class AuditExportCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "LIENTHONG_AUDIT_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "DAY|INSTANT", description = "From this UTC day (2026-12-04) or instant, included.")
    String from;

    @Option(names = "--to", paramLabel = "DAY|INSTANT", description = "Up to this UTC day (included) or instant (excluded).")
    String to;

    @Option(names = "--agency", paramLabel = "ORGANID", description = "Documents sent by or addressed to this agency.")
    String agency;

    @Option(names = "--direction", paramLabel = "INBOUND|OUTBOUND", description = "Documents received or sent.")
    String direction;

    @Option(names = "--state", paramLabel = "STATE", description = "Documents in this state, e.g. DELIVERED.")
    String state;

    @Option(names = "--format", paramLabel = "jsonl|csv", defaultValue = "jsonl",
            description = "jsonl (verifiable, the default) or csv (entries only, for a spreadsheet).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (complete or not at all); else stdout.")
    Path output;

    @Option(names = "--config", paramLabel = "FILE", description = "The running connector's configuration (online, token).")
    Path config;

    @Option(names = "--url", paramLabel = "URL", description = "The running connector's management address (online).")
    URI url;

    @Option(names = "--user", paramLabel = "NAME", description = "An auditor of the users file, with --url.")
    String user;

    @Option(names = "--data", paramLabel = "DIR", description = "A stopped connector's data directory or a copy (offline).")
    Path data;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String chosen = format.toLowerCase(Locale.ROOT);
        int modes = (config != null ? 1 : 0) + (url != null ? 1 : 0) + (data != null ? 1 : 0);
        if (modes != 1 || (url != null) != (user != null) || !(chosen.equals("jsonl") || chosen.equals("csv"))) {
            err.println("USAGE: Hãy chọn đúng một nguồn: --config FILE, --url URL --user NAME, hoặc --data DIR; và"
                    + " --format jsonl hoặc csv.");
            err.println("  Choose exactly one source: --config FILE, --url URL --user NAME, or --data DIR; and --format"
                    + " jsonl or csv.");
            return AuditCommand.UNUSABLE;
        }
        ExportFilter filter = ExportFilter.parse(from, to, agency, direction, state);
        try {
            return data != null ? offline(filter, chosen, out, err) : online(chosen, out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int offline(ExportFilter filter, String chosen, PrintWriter out, PrintWriter err) throws IOException {
        try (TrackingDatabase database = AuditDatabase.openReadOnly(data);
                AuditOutput target = AuditOutput.of(output, out)) {
            AuditExport export = new AuditExport(database, Clock.systemUTC(), null, false, Optional::empty);
            if (chosen.equals("csv")) {
                long rows = export.writeCsv(filter, target.writer());
                target.commit();
                err.println("Đã xuất / Exported: " + rows + " mục / entries (CSV)");
            } else {
                AuditExport.Summary summary = export.writeJsonLines(filter, null, target.writer());
                target.commit();
                err.println("Đã xuất các mục / Exported entries " + summary.firstSequence() + "–" + summary.lastSequence()
                        + " (" + summary.shown() + " đầy đủ / in full); mốc neo đóng / closing anchor: "
                        + (summary.closingAnchor() < 0 ? "không có / none" : summary.closingAnchor()));
                err.println("Mã băm cuối / Last hash: " + summary.lastHash());
            }
            return AuditCommand.DONE;
        } catch (UnusableInput e) {
            err.println(e.vietnamese());
            err.println("  " + e.english());
            return AuditCommand.UNUSABLE;
        } catch (AuditProblem e) {
            err.println(e.code() + ": " + e.vietnamese());
            err.println("  " + e.english());
            return AuditCommand.FAILED;
        }
    }

    private int online(String chosen, PrintWriter out, PrintWriter err) throws IOException {
        OpsClient client;
        try {
            if (config != null) {
                client = OpsClient.from(ConnectorProperties.load(config));
            } else {
                char[] password = password();
                if (password == null) {
                    err.println("USAGE: Không có mật khẩu: đặt biến môi trường " + PASSWORD_VARIABLE + " hoặc chạy lệnh"
                            + " trong một cửa sổ dòng lệnh để nhập mật khẩu.");
                    err.println("  No password: set " + PASSWORD_VARIABLE + " or run the command in a terminal to type"
                            + " it.");
                    return AuditCommand.UNUSABLE;
                }
                client = OpsClient.basic(url, user, password);
            }
        } catch (OpsClient.Unreachable e) {
            err.println(e.getMessage());
            return AuditCommand.UNUSABLE;
        }
        try (AuditOutput target = AuditOutput.of(output, out)) {
            OpsClient.Reply reply = client.download("audit/export" + query(chosen), target.writer());
            if (reply.status() != 200) {
                OpsCommand.failed(reply, err);
                return reply.status() >= 400 && reply.status() < 500 ? AuditCommand.FAILED : AuditCommand.UNUSABLE;
            }
            target.commit();
            err.println("Đã xuất / Exported" + (output == null ? "" : ": " + output));
            return AuditCommand.DONE;
        } catch (OpsClient.Unreachable e) {
            err.println(e.getMessage());
            return AuditCommand.UNUSABLE;
        }
    }

    private static char[] password() {
        String given = AuditCommand.environment.apply(PASSWORD_VARIABLE);
        if (given != null && !given.isEmpty()) {
            return given.toCharArray();
        }
        Console console = System.console();
        return console == null ? null : console.readPassword("Mật khẩu / Password: ");
    }

    private String query(String chosen) {
        List<String> parameters = new ArrayList<>();
        add(parameters, "from", from);
        add(parameters, "to", to);
        add(parameters, "agency", agency);
        add(parameters, "direction", direction);
        add(parameters, "state", state);
        add(parameters, "format", chosen);
        return "?" + String.join("&", parameters);
    }

    private static void add(List<String> parameters, String name, String value) {
        if (value != null) {
            parameters.add(name + "=" + OpsCommand.segment(value));
        }
    }
}
