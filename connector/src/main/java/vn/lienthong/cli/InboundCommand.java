package vn.lienthong.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.lienthong.config.ConnectorProperties;

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

    static final int DONE = 0;
    static final int REFUSED = 1;
    static final int UNREACHABLE = 2;

    /** What every subcommand shares: the configuration of the connector to ask, and how to print. */
    abstract static class OpsCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE",
                description = "The configuration the connector runs with (its data directory and management port).")
        Path configFile;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                Properties properties = ConnectorProperties.load(configFile);
                return run(OpsClient.from(properties), out, err);
            } catch (IOException e) {
                err.println("Cấu hình không dùng được / Unusable configuration: " + e.getMessage());
                return UNREACHABLE;
            } catch (OpsClient.Unreachable e) {
                err.println(e.getMessage());
                return UNREACHABLE;
            } finally {
                out.flush();
                err.flush();
            }
        }

        abstract int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable;

        /** Prints the API's errors (bilingual already) and returns the exit code their status means. */
        static int failed(OpsClient.Reply reply, PrintWriter err) {
            for (JsonNode error : reply.body().path("errors")) {
                err.println(error.path("code").asText() + ": " + error.path("vi").asText());
                err.println("  " + error.path("en").asText());
            }
            return reply.status() == 404 || reply.status() == 409 || reply.status() == 400 ? REFUSED : UNREACHABLE;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Liệt kê các gói tin đang bị giữ lại, mới nhất trước.", "Lists the held packages, newest first."})
    static final class ListHeld extends OpsCommand {

        @Option(names = "--json", description = "The operations API's JSON, as it is.")
        boolean json;

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            OpsClient.Reply reply = ops.get("inbound");
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            if (json) {
                out.println(reply.body().toString());
                return DONE;
            }
            JsonNode held = reply.body().path("held");
            out.println("Gói tin đang bị giữ lại / Held inbound packages: " + held.size());
            for (JsonNode document : held) {
                HeldPackageText.summary(document, out);
            }
            return DONE;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Mọi lý do giữ lại một gói tin, báo cáo chữ ký và nhật ký truyền nhận của nó.",
                    "Every reason a package is held, its signature report and its transmission log entries."})
    static final class Show extends OpsCommand {

        @Parameters(paramLabel = "KEY", description = "The package's key (64 hex digits), as inbound list shows it.")
        String key;

        @Option(names = "--json", description = "The operations API's JSON, as it is.")
        boolean json;

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            OpsClient.Reply reply = ops.get("inbound/" + key);
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            if (json) {
                out.println(reply.body().toString());
            } else {
                HeldPackageText.details(reply.body(), out);
            }
            return DONE;
        }
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = {"Chuyển tiếp gói tin đang bị giữ lại tới DMS dù có lý do giữ lại.",
                    "Delivers a held package to the DMS despite the reasons it was held."})
    static final class Release extends OpsCommand {

        @Parameters(paramLabel = "KEY", description = "The package's key (64 hex digits).")
        String key;

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            OpsClient.Reply reply = ops.post("inbound/" + key + "/release", Map.of("operator", operator()));
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            out.println("Đã chuyển tiếp gói tin " + key + " tới DMS / Released package " + key + " for delivery to the DMS");
            return DONE;
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true,
            description = {"Loại bỏ gói tin đang bị giữ lại, kèm lý do; gói tin vẫn được lưu, không bị xóa.",
                    "Discards a held package, with a reason; the package stays in the store, it is not deleted."})
    static final class Discard extends OpsCommand {

        @Parameters(paramLabel = "KEY", description = "The package's key (64 hex digits).")
        String key;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why it is discarded (kept in the log).")
        String reason;

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            OpsClient.Reply reply = ops.post("inbound/" + key + "/discard", Map.of("operator", operator(), "reason", reason));
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            out.println("Đã loại bỏ gói tin " + key + " / Discarded package " + key);
            return DONE;
        }
    }

    /** Who acts, as the transmission log records it: the operating-system user running the command. */
    static String operator() {
        return System.getProperty("user.name", "");
    }

    private InboundCommand() {
    }
}
