package vn.lienthong.dms.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Run in a JVM whose heap is far smaller than the bodies: one connector's REST API takes two hostile envelopes at
 * once, each an element name of {@code args[1]} bytes. Prints, per answer, its status, its first error code and its
 * length. A name held in memory anywhere (parser, paths, findings, answer) ends the JVM with OutOfMemoryError.
 */
public final class HostileBodyProbe {

    private HostileBodyProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long nameBytes = Long.parseLong(args[1]);
        try (RestNetwork network = new RestNetwork(root)) {
            ApiClient client = network.office();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(client.http().sendAsync(client.request("/documents").header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> HostileBodies.elementNameOf(nameBytes))).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> pending : answers) {
                HttpResponse<String> answer = pending.get();
                JsonNode errors = ApiClient.json(answer).path("errors");
                System.out.println("answer " + answer.statusCode() + " " + (errors.isEmpty() ? "-" : errors.get(0).path("code").asText())
                        + " " + answer.body().length() + " chars");
            }
        }
        System.exit(0); // the embedded brokers' in-VM threads would keep the JVM alive for another minute
    }
}
