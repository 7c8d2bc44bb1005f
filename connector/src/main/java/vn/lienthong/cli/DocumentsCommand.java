package vn.lienthong.cli;

import static vn.lienthong.cli.OpsCommand.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code documents list [filters] | show KEY}: every document the running connector tracks, streamed with no row cap
 * (each line printed as it arrives), and one document's whole history.
 */
@Command(
        name = "documents",
        mixinStandardHelpOptions = true,
        description = {
                "Văn bản bộ kết nối theo dõi: liệt kê theo bộ lọc, không giới hạn số dòng; xem lịch sử một văn bản.",
                "Documents the connector tracks: list them by filter, with no row cap; show one document's history.",
                "Exit / Mã thoát: 0 done, 1 not found or a filter not usable, 2 the connector cannot be reached."},
        subcommands = {DocumentsCommand.ListDocuments.class, DocumentsCommand.Show.class})
final class DocumentsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Mọi văn bản khớp bộ lọc, mới nhất trước, in ra ngay khi nhận được.",
                    "Every document matching the filters, newest first, printed as it arrives."})
    static final class ListDocuments extends OpsCommand {

        @Option(names = "--direction", paramLabel = "INBOUND|OUTBOUND", description = "Received or sent.")
        String direction;

        @Option(names = "--state", paramLabel = "STATE",
                description = "RECEIVED, QUEUED, SENT, DELIVERED, REFUSED, QUARANTINED, DEAD_LETTERED or DISCARDED.")
        String state;

        @Option(names = "--agency", paramLabel = "ORGANID", description = "Sent by or addressed to this agency.")
        String agency;

        @Option(names = "--from", paramLabel = "DAY|INSTANT",
                description = "Registered from this day (2026-12-04, Vietnam time) or instant (2026-12-04T02:00:00Z).")
        String from;

        @Option(names = "--to", paramLabel = "DAY|INSTANT", description = "Registered up to this day (included) or instant.")
        String to;

        @Option(names = "--code", paramLabel = "TEXT", description = "Part of the số/ký hiệu, e.g. VPCP.")
        String code;

        @Option(names = "--json", description = "One JSON object per line, as the operations API streams them.")
        boolean json;

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            long[] count = {0};
            OpsClient.Reply reply = ops.lines("documents" + query(), document -> {
                count[0]++;
                out.println(json ? document.toString() : line(document));
                if (count[0] % 100 == 0) {
                    out.flush();
                }
            });
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            if (!json) {
                out.println("Số văn bản / Documents: " + count[0]);
            }
            return DONE;
        }

        private String query() {
            List<String> parameters = new ArrayList<>();
            add(parameters, "direction", direction);
            add(parameters, "state", state);
            add(parameters, "agency", agency);
            add(parameters, "from", from);
            add(parameters, "to", to);
            add(parameters, "code", code);
            return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
        }

        private static void add(List<String> parameters, String name, String value) {
            if (value != null) {
                parameters.add(name + "=" + segment(value));
            }
        }

        private static String line(JsonNode document) {
            StringBuilder recipients = new StringBuilder();
            for (JsonNode recipient : document.path("recipients")) {
                recipients.append(recipients.length() == 0 ? "" : ",").append(recipient.asText());
            }
            return text(document, "received") + "  " + text(document, "direction") + "  " + text(document, "messageType")
                    + "  " + text(document, "state") + "  " + text(document, "key") + "  " + text(document, "code") + "  "
                    + text(document, "sender") + " → " + (recipients.length() == 0 ? "-" : recipients);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Lịch sử một văn bản: trạng thái của từng nơi nhận, nhật ký, kết quả kiểm tra, chữ ký số.",
                    "One document's history: each recipient's statuses, its log, validation findings, signatures."})
    static final class Show extends OpsCommand {

        @Parameters(paramLabel = "KEY", description = "The document's key (64 hex digits).")
        String key;

        @Option(names = "--json", description = "The operations API's JSON, as it is.")
        boolean json;

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            OpsClient.Reply reply = ops.get("documents/" + segment(key));
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            if (json) {
                out.println(reply.body().toString());
                return DONE;
            }
            HeldPackageText.details(reply.body(), out);
            HeldPackageText.timeline(reply.body(), out);
            return DONE;
        }
    }

    private DocumentsCommand() {
    }
}
