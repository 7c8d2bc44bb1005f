package vn.lienthong.transport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.lienthong.cli.Main;
import vn.lienthong.ops.http.OpsToken;
import vn.lienthong.runtime.ConnectorRuntime;

/** What an operator has at hand in tests: the command line, the --config naming a connector, its operations API. */
public final class OperatorConsole {

    /** What a command said and how it ended. */
    public record Output(int exit, String out, String err) {
    }

    private OperatorConsole() {
    }

    public static Output run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Output(exit, out.toString(), err.toString());
    }

    /** The --config an operator runs commands with: the connector's data directory and management port. */
    public static Path config(ConnectorRuntime connector, int httpPort, Path folder) throws IOException {
        return Files.writeString(folder.resolve("operator-" + httpPort + ".properties"), "lienthong.data.directory="
                + connector.settings().dataDirectory() + "\nlienthong.http.port=" + httpPort + "\n", StandardCharsets.UTF_8);
    }

    /** GET {@code /ops/v1/PATH} with the connector's operations token. */
    public static HttpResponse<String> get(ConnectorRuntime connector, int httpPort, String path) throws Exception {
        return HttpClient.newHttpClient().send(request(connector, httpPort, path).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** POST {@code /ops/v1/PATH} with a JSON body and the connector's operations token. */
    public static HttpResponse<String> post(ConnectorRuntime connector, int httpPort, String path, String json)
            throws Exception {
        return HttpClient.newHttpClient().send(request(connector, httpPort, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(ConnectorRuntime connector, int httpPort, String path) throws IOException {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/ops/v1/" + path))
                .header("Authorization", "Bearer " + OpsToken.read(connector.settings().opsTokenFile()).bearer());
    }
}
