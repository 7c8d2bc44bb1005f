package vn.lienthong.cli;

import static vn.lienthong.cli.OpsCommand.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dead-letters list | show ID | retry ID|--all [--reason TEXT] | discard ID|--all --reason TEXT}: the messages
 * every flow gave up on, in the running connector's dead-letter queues. ID is a dead letter's message id or its
 * document's key. Every retry and discard is in the transmission log with who did it and why.
 */
@Command(
        name = "dead-letters",
        mixinStandardHelpOptions = true,
        description = {
                "Thư chết (tin nhắn các luồng đã bỏ cuộc sau mọi lần thử): xem, gửi lại hoặc loại bỏ, từng thư hoặc tất cả.",
                "Dead letters (messages the flows gave up on after every attempt): list, show, retry or discard, one or"
                        + " all.",
                "Exit / Mã thoát: 0 done, 1 not found or refused, 2 the connector cannot be reached or usage error."},
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Show.class, DeadLettersCommand.Retry.class,
                DeadLettersCommand.Discard.class})
final class DeadLettersCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Liệt kê mọi thư chết của mọi hàng đợi thư chết.", "Lists every dead letter of every dead-letter queue."})
    static final class ListLetters extends OpsCommand {

        @Option(names = "--json", description = "The operations API's JSON, as it is.")
        boolean json;

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            OpsClient.Reply reply = ops.get("dead-letters");
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            if (json) {
                out.println(reply.body().toString());
                return DONE;
            }
            JsonNode letters = reply.body().path("deadLetters");
            out.println("Thư chết / Dead letters: " + letters.size());
            for (JsonNode letter : letters) {
                summary(letter, out);
            }
            return DONE;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Một thư chết, với dòng thời gian trạng thái và nhật ký truyền nhận của văn bản.",
                    "One dead letter, with its document's status timeline and transmission log entries."})
    static final class Show extends OpsCommand {

        @Parameters(paramLabel = "ID", description = "The dead letter's id, or its document's key, as list shows them.")
        String id;

        @Option(names = "--json", description = "The operations API's JSON, as it is.")
        boolean json;

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            OpsClient.Reply reply = ops.get("dead-letters/" + segment(id));
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            if (json) {
                out.println(reply.body().toString());
                return DONE;
            }
            summary(reply.body().path("deadLetter"), out);
            HeldPackageText.timeline(reply.body(), out);
            HeldPackageText.events(reply.body(), out);
            return DONE;
        }
    }

    /** Retry and discard: one dead letter by ID, or every one with --all. */
    abstract static class Action extends OpsCommand {

        @Parameters(paramLabel = "ID", arity = "0..1", description = "The dead letter's id, or its document's key.")
        String id;

        @Option(names = "--all", description = "Every dead letter listed now, one by one.")
        boolean all;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why (kept in the transmission log).")
        String reason;

        abstract String verb();

        abstract String doneVi();

        abstract String doneEn();

        @Override
        int run(OpsClient ops, PrintWriter out, PrintWriter err) throws OpsClient.Unreachable {
            if (all == (id != null)) {
                return usage(err, "ID_OR_ALL", "Hãy nêu đúng một trong hai: mã của một thư chết, hoặc --all.",
                        "Give exactly one of: a dead letter's id, or --all.");
            }
            Map<String, String> body = new LinkedHashMap<>();
            body.put("operator", operator());
            body.put("reason", reason == null ? "" : reason);
            OpsClient.Reply reply = ops.post(all ? "dead-letters/" + verb() + "-all"
                    : "dead-letters/" + segment(id) + "/" + verb(), body);
            if (reply.status() != 200) {
                return failed(reply, err);
            }
            if (!all) {
                out.println(doneVi() + " " + id + " / " + doneEn() + " " + id);
                return DONE;
            }
            JsonNode results = reply.body().path("results");
            for (JsonNode result : results) {
                out.println("  " + text(result, "result") + "  " + text(result, "id") + "  " + text(result, "key"));
            }
            int done = reply.body().path("done").asInt();
            out.println(doneVi() + " " + done + "/" + results.size() + " thư chết / " + doneEn() + " " + done + " of "
                    + results.size() + " dead letters");
            return done == results.size() ? DONE : REFUSED;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Gửi lại thư chết vào đúng hàng đợi nó đến từ; văn bản đi lại từ đầu chặng đó.",
                    "Puts a dead letter back on the queue it came from; its document travels that hop again."})
    static final class Retry extends Action {
        @Override
        String verb() {
            return "retry";
        }

        @Override
        String doneVi() {
            return "Đã gửi lại";
        }

        @Override
        String doneEn() {
            return "Retried";
        }
    }

    @Command(name = "discard", mixinStandardHelpOptions = true,
            description = {"Loại bỏ thư chết kèm lý do (bắt buộc); văn bản chuyển sang trạng thái DISCARDED.",
                    "Discards a dead letter, with a reason (required); its document becomes DISCARDED."})
    static final class Discard extends Action {
        @Override
        String verb() {
            return "discard";
        }

        @Override
        String doneVi() {
            return "Đã loại bỏ";
        }

        @Override
        String doneEn() {
            return "Discarded";
        }
    }

    static void summary(JsonNode letter, PrintWriter out) {
        JsonNode document = letter.path("document");
        out.println("  " + text(letter, "queue") + " ← " + text(letter, "origin") + "  " + text(letter, "key"));
        out.println("    mã thư/id " + text(letter, "id") + "  lúc/at " + text(letter, "time") + "  số lần thử/attempts "
                + text(letter, "attempts") + "  trạng thái/state " + text(document, "state"));
        if (!document.isMissingNode() && !document.isNull()) {
            out.println("    từ/from " + text(document, "sender") + "  đến/to " + recipients(document) + "  số, ký hiệu/code "
                    + text(document, "code"));
        }
        out.println("    lý do/reason: " + text(letter, "reason"));
    }

    private static String recipients(JsonNode document) {
        StringBuilder joined = new StringBuilder();
        for (JsonNode recipient : document.path("recipients")) {
            joined.append(joined.length() == 0 ? "" : ", ").append(recipient.asText());
        }
        return joined.toString();
    }

    private DeadLettersCommand() {
    }
}
