package vn.lienthong.bench;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import vn.lienthong.demo.Demo;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.runtime.ConnectorRuntime;

/**
 * What serving GET /metrics costs on the management port, over loopback: the demo's two connectors exchange D documents
 * each way (so every flow, axis and queue series exists), then one client asks the first connector, in turn, for
 * /metrics and for a path the same server answers 404 without any work (the price of any request there). Their
 * difference is what a scrape adds. Usage: {@code ScrapeCost [REQUESTS] [DOCUMENTS_EACH_WAY]}.
 */
public final class ScrapeCost {

    private ScrapeCost() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path root = Files.createTempDirectory("lienthong-scrape-");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // the second connector takes port + 1
        }
        Properties properties = Demo.demoProperties();
        properties.setProperty("lienthong.http.enabled", "true");
        properties.setProperty("lienthong.http.port", Integer.toString(port));
        properties.setProperty("lienthong.api.enabled", "false");
        properties.setProperty("lienthong.soap.enabled", "false");
        try (DemoNetwork network = DemoNetwork.start(root, Demo.AGENCIES, properties)) {
            exchange(network, root, documents);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
            HttpRequest nothing = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/no-such-path")).build();
            String body = http.send(metrics, HttpResponse.BodyHandlers.ofString()).body();
            long series = body.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).count();
            for (int i = 0; i < requests / 4; i++) { // warm-up: JIT, connection
                http.send(metrics, HttpResponse.BodyHandlers.ofString());
                http.send(nothing, HttpResponse.BodyHandlers.ofString());
            }
            long[] scrape = new long[requests];
            long[] plain = new long[requests];
            for (int i = 0; i < requests; i++) {
                scrape[i] = timed(http, metrics);
                plain[i] = timed(http, nothing);
            }
            Arrays.sort(scrape);
            Arrays.sort(plain);
            System.out.printf("GET /metrics (%d bytes, %d samples): median %.3f ms, p99 %.3f ms%n", body.length(), series,
                    ms(scrape, 0.5), ms(scrape, 0.99));
            System.out.printf("GET of a 404 path on the same server: median %.3f ms, p99 %.3f ms%n", ms(plain, 0.5),
                    ms(plain, 0.99));
            System.out.printf("a scrape adds: median %.3f ms, p99 %.3f ms (%d requests of each, loopback)%n",
                    ms(scrape, 0.5) - ms(plain, 0.5), ms(scrape, 0.99) - ms(plain, 0.99), requests);
        } finally {
            deleteTree(root);
        }
    }

    private static long timed(HttpClient http, HttpRequest request) throws Exception {
        long start = System.nanoTime();
        http.send(request, HttpResponse.BodyHandlers.ofString());
        return System.nanoTime() - start;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (quantile * sorted.length))] / 1e6;
    }

    private static void exchange(DemoNetwork network, Path root, int documents) throws Exception {
        DemoNetwork.Agency first = Demo.AGENCIES.get(0);
        DemoNetwork.Agency second = Demo.AGENCIES.get(1);
        ConnectorRuntime a = network.connector(first.organId());
        ConnectorRuntime b = network.connector(second.organId());
        DemoDocuments writer = new DemoDocuments(root.resolve("work"));
        Path staging = Files.createDirectories(root.resolve("staging"));
        for (int i = 0; i < documents; i++) {
            // Written beside the outboxes, then moved in whole.
            Path toB = staging.resolve("cv-" + (1 + i) + ".edxml");
            writer.writeEdoc(toB, first.organization(), List.of(second.organization()), 1 + i, "Đo chi phí thu thập số liệu " + i);
            Files.move(toB, a.settings().outbox().resolve(toB.getFileName()));
            Path toA = staging.resolve("cv-" + (50_001 + i) + ".edxml");
            writer.writeEdoc(toA, second.organization(), List.of(first.organization()), 50_001 + i,
                    "Đo chi phí thu thập số liệu " + i);
            Files.move(toA, b.settings().outbox().resolve(toA.getFileName()));
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (count(b.settings().inbox()) < documents || count(a.settings().inbox()) < documents) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the documents were not delivered within 2 minutes");
            }
            Thread.sleep(100);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static long count(Path inbox) throws Exception {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".edxml")).count();
        }
    }
}
