package vn.lienthong.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import vn.lienthong.demo.Demo;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.runtime.ConnectorRuntime;

/**
 * CPU per document of warm connectors, and how much of it is the JIT compiler. Unlike TransportThroughput, which
 * starts a new network for every run (so each run compiles the start-up code again), this starts the demo network
 * once and sends batches through it: later batches show whether compilation settles. Per batch it prints the
 * process CPU per document and the C1 and C2 compiler threads' CPU (from /proc, Linux only).
 * Usage: {@code WarmConnectorCpu N [N...]}, N documents each way per batch.
 */
public final class WarmConnectorCpu {

    private WarmConnectorCpu() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("lienthong-warm-cpu-");
        Properties properties = Demo.demoProperties();
        properties.setProperty("lienthong.http.enabled", "false");
        int sent = 0;
        try (DemoNetwork network = DemoNetwork.start(root, Demo.AGENCIES, properties)) {
            DemoNetwork.Agency first = Demo.AGENCIES.get(0);
            DemoNetwork.Agency second = Demo.AGENCIES.get(1);
            ConnectorRuntime a = network.connector(first.organId());
            ConnectorRuntime b = network.connector(second.organId());
            DemoDocuments documents = new DemoDocuments(root.resolve("work"));
            for (String arg : args) {
                int n = Integer.parseInt(arg);
                Path stagingA = Files.createDirectories(root.resolve("staging-a-" + sent));
                Path stagingB = Files.createDirectories(root.resolve("staging-b-" + sent));
                for (int i = sent; i < sent + n; i++) {
                    documents.writeEdoc(stagingA.resolve("cv-" + (1 + i) + ".edxml"), first.organization(),
                            List.of(second.organization()), 1 + i, "Đo CPU số " + i);
                    documents.writeEdoc(stagingB.resolve("cv-" + (500_001 + i) + ".edxml"), second.organization(),
                            List.of(first.organization()), 500_001 + i, "Đo CPU số " + i);
                }
                long[] compilerStart = compilerThreadsCpuMillis();
                long cpuStart = processCpuNanos();
                long start = System.nanoTime();
                TransportThroughput.moveAll(stagingA, a.settings().outbox());
                TransportThroughput.moveAll(stagingB, b.settings().outbox());
                sent += n;
                while (TransportThroughput.count(b.settings().inbox()) < sent || TransportThroughput.count(a.settings().inbox()) < sent) {
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuMillis = (processCpuNanos() - cpuStart) / 1e6;
                long[] compilerEnd = compilerThreadsCpuMillis();
                long c1 = compilerEnd[0] - compilerStart[0];
                long c2 = compilerEnd[1] - compilerStart[1];
                double documentsInBatch = 2.0 * n;
                System.out.printf("batch up to %d documents: %.0f in %.1f s, %.1f ms CPU a document, "
                                + "compiler threads C1 %d ms + C2 %d ms = %.1f ms a document (%.0f%% of the CPU)%n",
                        2 * sent, documentsInBatch, seconds, cpuMillis / documentsInBatch, c1, c2,
                        (c1 + c2) / documentsInBatch, 100 * (c1 + c2) / cpuMillis);
            }
        } finally {
            TransportThroughput.deleteTree(root);
        }
        // The embedded broker leaves non-daemon threads behind after close; the measurement is done.
        System.exit(0);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** User and system CPU of the C1 and C2 compiler threads; the JVM hides them from ThreadMXBean. */
    private static long[] compilerThreadsCpuMillis() throws Exception {
        long[] millis = new long[2];
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (java.io.IOException threadEnded) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                if (name.startsWith("C1 Compiler")) {
                    millis[0] += ticks * 10;
                } else if (name.startsWith("C2 Compiler")) {
                    millis[1] += ticks * 10;
                }
            }
        }
        return millis;
    }

}
