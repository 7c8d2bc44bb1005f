package vn.lienthong.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import vn.lienthong.demo.Demo;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.runtime.ConnectorRuntime;

/**
 * Documents per second through the demo setup: the simulated axis and the two agencies' connectors in one JVM,
 * with the demo's settings. Each agency's outbox receives N documents for the other at once; the clock runs
 * from the first file dropped until both inboxes hold all of them. Usage: {@code TransportThroughput N [RUNS]}.
 */
public final class TransportThroughput {

    private TransportThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int perAgency = Integer.parseInt(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int run = 1; run <= runs; run++) {
            Path root = Files.createTempDirectory("lienthong-throughput-");
            try {
                double seconds = oneRun(root, perAgency, new Properties()).seconds();
                System.out.printf("run %d: %d documents each way (%d in all) delivered in %.1f s = %.1f documents/s%n",
                        run, perAgency, 2 * perAgency, seconds, 2 * perAgency / seconds);
            } finally {
                deleteTree(root);
            }
        }
    }

    /** One run: how long it took, the processor time of the whole process and of the connectors' log anchoring. */
    record Run(double seconds, Duration processCpu, Duration anchoringCpu) {
    }

    static Run oneRun(Path root, int perAgency, Properties extra) throws Exception {
        Properties properties = Demo.demoProperties();
        properties.setProperty("lienthong.http.enabled", "false");
        properties.putAll(extra);
        try (DemoNetwork network = DemoNetwork.start(root, Demo.AGENCIES, properties)) {
            DemoNetwork.Agency first = Demo.AGENCIES.get(0);
            DemoNetwork.Agency second = Demo.AGENCIES.get(1);
            ConnectorRuntime a = network.connector(first.organId());
            ConnectorRuntime b = network.connector(second.organId());
            // Written beside the outboxes first, then moved in: the clock measures the connectors, not the writer.
            Path stagingA = Files.createDirectories(root.resolve("staging-a"));
            Path stagingB = Files.createDirectories(root.resolve("staging-b"));
            DemoDocuments documents = new DemoDocuments(root.resolve("work"));
            for (int i = 0; i < perAgency; i++) {
                documents.writeEdoc(stagingA.resolve("cv-" + (1 + i) + ".edxml"), first.organization(),
                        List.of(second.organization()), 1 + i, "Đo thông lượng số " + i);
                documents.writeEdoc(stagingB.resolve("cv-" + (50_001 + i) + ".edxml"), second.organization(),
                        List.of(first.organization()), 50_001 + i, "Đo thông lượng số " + i);
            }
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            Duration anchoringStart = anchoring(a, b);
            moveAll(stagingA, a.settings().outbox());
            moveAll(stagingB, b.settings().outbox());
            while (count(b.settings().inbox()) < perAgency || count(a.settings().inbox()) < perAgency) {
                Thread.sleep(100);
            }
            return new Run((System.nanoTime() - start) / 1e9, Duration.ofNanos(processCpuNanos() - cpuStart),
                    anchoring(a, b).minus(anchoringStart));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Duration anchoring(ConnectorRuntime... connectors) {
        Duration sum = Duration.ZERO;
        for (ConnectorRuntime connector : connectors) {
            sum = sum.plus(connector.anchoringCpuTime().orElse(Duration.ZERO));
        }
        return sum;
    }

    /** Moves every file of {@code from} into {@code to} (staged files go into an outbox at once). */
    static void moveAll(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.move(file, to.resolve(file.getFileName()));
            }
        }
    }

    /** The envelopes delivered into {@code inbox} so far. */
    static long count(Path inbox) throws Exception {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".edxml")).count();
        }
    }

    static void deleteTree(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
