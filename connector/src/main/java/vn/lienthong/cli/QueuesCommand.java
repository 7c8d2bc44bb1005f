package vn.lienthong.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code queues}: the running connector's queues as its broker sees them now: messages waiting, dead letters, and the
 * age of the oldest message of each, asked through the operations API of the connector started with the same
 * {@code --config}.
 */
@Command(
        name = "queues",
        mixinStandardHelpOptions = true,
        description = {
                "Các hàng đợi của bộ kết nối đang chạy: số thư đang chờ, thư không chuyển được và tuổi của thư cũ nhất.",
                "The running connector's queues: messages waiting, dead letters, and the age of the oldest message.",
                "Exit / Mã thoát: 0 shown, 2 the connector or its broker cannot be reached or usage error."})
final class QueuesCommand extends OpsCommand {

    @Option(names = "--json", description = "The operations API's JSON, as it is.")
    boolean json;

    @Override
    int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
        OpsClient.Reply reply = ops.get("queues");
        if (reply.status() != 200) {
            failed(reply, err);
            return UNREACHABLE;
        }
        if (json) {
            out.println(reply.body().toString());
            return DONE;
        }
        JsonNode queues = reply.body().path("queues");
        int width = 34;
        for (JsonNode queue : queues) {
            width = Math.max(width, queue.path("name").asText().length() + 2);
        }
        out.println(pad("Hàng đợi / Queue", width) + pad("Số thư / Messages", 20) + "Thư cũ nhất / Oldest");
        for (JsonNode queue : queues) {
            String name = queue.path("name").asText() + (queue.path("deadLetter").asBoolean() ? " *" : "");
            out.println(pad(name, width) + pad(Long.toString(queue.path("messages").asLong()), 20)
                    + age(queue.path("oldestAgeSeconds")));
        }
        long deadLetters = reply.body().path("deadLetters").asLong();
        out.println("* hàng đợi thư không chuyển được / dead-letter queue");
        out.println("Thư không chuyển được, chờ người vận hành / Dead letters waiting for an operator: " + deadLetters);
        return DONE;
    }

    /** 3d04h, 2h05m, 4m07s or 12s: short enough for a column, the same in both languages. */
    static String age(JsonNode seconds) {
        if (seconds.isNull() || seconds.isMissingNode()) {
            return "-";
        }
        long s = seconds.asLong();
        if (s >= 86_400) {
            return String.format("%dd%02dh", s / 86_400, s % 86_400 / 3600);
        }
        if (s >= 3600) {
            return String.format("%dh%02dm", s / 3600, s % 3600 / 60);
        }
        if (s >= 60) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return s + "s";
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
