package vn.lienthong.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.lienthong.config.ConnectorProperties;

/**
 * What every operator command shares ({@code inbound}, {@code held}, {@code dead-letters}, {@code documents}): the
 * configuration of the running connector to ask, through its operations API, and the exit codes. Exit 0 done, 1 not
 * found, no longer there or refused as asked, 2 the connector cannot be reached or the command line is wrong.
 */
abstract class OpsCommand implements Callable<Integer> {

    static final int DONE = 0;
    static final int REFUSED = 1;
    static final int UNREACHABLE = 2;

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

    /** A usage mistake the command itself catches, said in both languages. */
    static int usage(PrintWriter err, String code, String vietnamese, String english) {
        err.println(code + ": " + vietnamese);
        err.println("  " + english);
        return UNREACHABLE;
    }

    /** Who acts, as the transmission log records it: the operating-system user running the command. */
    static String operator() {
        return System.getProperty("user.name", "");
    }

    /** One path segment of the API (a key or a message id), whatever characters it holds. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A field shown to a person: "-" when absent. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "-" : value.asText();
    }
}
