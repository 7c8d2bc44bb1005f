package vn.lienthong.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inbound list | show KEY | release KEY | discard KEY --reason TEXT}: what an operator does with packages
 * from the axis the running connector holds (refused or quarantined). Each command asks the connector started with
 * the same {@code --config}; every release and discard is in its transmission log, with who did it.
 */
@Command(
        name = "inbound",
        mixinStandardHelpOptions = true,
        description = {
                "Gói tin nhận từ trục đang bị giữ lại (bị từ chối hoặc cách ly): xem, chuyển tiếp tới DMS hoặc loại bỏ.",
                "Packages from the axis the connector holds (refused or quarantined): list, show, release to the DMS or "
                        + "discard.",
                "Exit / Mã thoát: 0 done, 1 not found or no longer held, 2 the connector cannot be reached or usage error."},
        subcommands = {InboundCommand.ListHeld.class, InboundCommand.Show.class, InboundCommand.Release.class,
                InboundCommand.Discard.class})
final class InboundCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Liệt kê các gói tin đang bị giữ lại, mới nhất trước.", "Lists the held packages, newest first."})
    static class ListHeld extends OpsCommand {

        String resource() {
            return "inbound";
        }

        String heading() {
            return "Gói tin đang bị giữ lại / Held inbound packages: ";
        }

        @Option(names = "--json", description = "The operations API's JSON, as it is.")
        boolean json;

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            OpsClient.Reply reply = ops.get(resource());
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            if (json) {
                out.println(reply.body().toString());
                return OpsCommand.DONE;
            }
            JsonNode held = reply.body().path("held");
            out.println(heading() + held.size());
            for (JsonNode document : held) {
                HeldPackageText.summary(document, out);
            }
            return OpsCommand.DONE;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Mọi lý do giữ lại một gói tin, báo cáo chữ ký và nhật ký truyền nhận của nó.",
                    "Every reason a package is held, its signature report and its transmission log entries."})
    static class Show extends OpsCommand {

        String resource() {
            return "inbound";
        }

        @Parameters(paramLabel = "KEY", description = "The package's key (64 hex digits), as inbound list shows it.")
        String key;

        @Option(names = "--json", description = "The operations API's JSON, as it is.")
        boolean json;

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            OpsClient.Reply reply = ops.get(resource() + "/" + segment(key));
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            if (json) {
                out.println(reply.body().toString());
            } else {
                HeldPackageText.details(reply.body(), out);
            }
            return OpsCommand.DONE;
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = {"Chuyển tiếp gói tin đang bị giữ lại tới DMS dù có lý do giữ lại.",
                    "Delivers a held package to the DMS despite the reasons it was held."})
    static class Release extends OpsCommand {

        String resource() {
            return "inbound";
        }

        String released(String key) {
            return "Đã chuyển tiếp gói tin " + key + " tới DMS / Released package " + key + " for delivery to the DMS";
        }

        @Parameters(paramLabel = "KEY", description = "The package's key (64 hex digits).")
        String key;

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            OpsClient.Reply reply = ops.post(resource() + "/" + segment(key) + "/release", Map.of("operator", OpsCommand.operator()));
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            out.println(released(key));
            return OpsCommand.DONE;
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true,
            description = {"Loại bỏ gói tin đang bị giữ lại, kèm lý do; gói tin vẫn được lưu, không bị xóa.",
                    "Discards a held package, with a reason; the package stays in the store, it is not deleted."})
    static class Discard extends OpsCommand {

        String resource() {
            return "inbound";
        }

        String discarded(String key) {
            return "Đã loại bỏ gói tin " + key + " / Discarded package " + key;
        }

        @Parameters(paramLabel = "KEY", description = "The package's key (64 hex digits).")
        String key;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is discarded (kept in the log).")
        String reason;

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            OpsClient.Reply reply = ops.post(resource() + "/" + segment(key) + "/discard", Map.of("operator", OpsCommand.operator(), "reason", reason));
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            out.println(discarded(key));
            return OpsCommand.DONE;
        }
    }

    private InboundCommand() {
    }
}
