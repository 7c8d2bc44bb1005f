package vn.lienthong.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.findings.Direction;
import vn.lienthong.fixtures.pki.RevocationServer;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.runtime.ConnectorSettings;
import vn.lienthong.simulator.AxisSimulator;
import vn.lienthong.simulator.SimulatorSettings;
import vn.lienthong.tracking.DocumentState;

/**
 * How the outbox intake scales with the intake queue's consumers: N signed100k envelopes (XML-DSig envelope
 * signature, a signed PDF, checked against the test PKI with revocation online on loopback) are moved into the
 * sending connector's outbox at once, and the clock runs until all N are SENT to the simulated axis. Only the
 * sending connector runs. Two unreported runs warm the JIT up; then each round runs every consumer count given,
 * in turn, in the given order in odd rounds and reversed in even ones, so that noise and drift fall on all of them
 * alike. Usage: {@code OutboxIntakeScaling N ROUNDS CONSUMERS...} (a consumer count of 0: the default, one per
 * processor).
 */
public final class OutboxIntakeScaling {

    private static final String SENDER = LoadNetwork.SENDER_AGENCY;
    private static final String RECIPIENT = "000.00.00.H41";
    private static final long TIMEOUT_NANOS = 900_000_000_000L;
    private static int nextVmId = 900;

    private OutboxIntakeScaling() {
    }

    public static void main(String[] args) throws Exception {
        int documents = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        List<Integer> consumerCounts = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            consumerCounts.add(Integer.parseInt(args[i]));
        }
        Path work = Files.createTempDirectory("lienthong-outbox-intake-");
        try (RevocationServer revocation = RevocationServer.start()) {
            TestPki pki = TestPki.generate(work.resolve("pki"), revocation.base());
            revocation.serve(pki);
            List<LoadMix.Envelope> envelopes = LoadMix.write("signed100k", documents, 1, pki, work.resolve("envelopes"));
            for (int warmUp = 1; warmUp <= 2; warmUp++) {
                double seconds = oneRun(Files.createDirectories(work.resolve("warm-up-" + warmUp)), envelopes, pki, 0);
                System.out.printf("warm-up %d (not counted): %.2f s%n", warmUp, seconds);
            }
            for (int round = 1; round <= rounds; round++) {
                List<Integer> order = new ArrayList<>(consumerCounts);
                if (round % 2 == 0) {
                    java.util.Collections.reverse(order);
                }
                for (int consumers : order) {
                    Path root = Files.createDirectories(work.resolve("round-" + round + "-" + consumers));
                    double seconds = oneRun(root, envelopes, pki, consumers);
                    System.out.printf("round %d, intake consumers %s: %d signed100k envelopes all SENT in %.2f s"
                                    + " = %.1f documents/s%n", round,
                            consumers == 0 ? "default (" + Runtime.getRuntime().availableProcessors() + ")" : consumers,
                            documents, seconds, documents / seconds);
                    TransportThroughput.deleteTree(root);
                }
            }
        } finally {
            TransportThroughput.deleteTree(work);
        }
    }

    private static double oneRun(Path root, List<LoadMix.Envelope> envelopes, TestPki pki, int consumers)
            throws Exception {
        String senderSecret = LoadNetwork.newSecret();
        SimulatorSettings axisSettings = SimulatorSettings.local(
                Map.of("sys-sender", senderSecret, "sys-recipient", LoadNetwork.newSecret()),
                Map.of(SENDER, "sys-sender", RECIPIENT, "sys-recipient"), Files.createDirectories(root.resolve("axis")));
        Properties properties = ConnectorProperties.load(null);
        properties.setProperty("lienthong.data.directory", root.resolve("sender").toString());
        properties.setProperty("lienthong.axis.system-id", "sys-sender");
        properties.setProperty("lienthong.agencies", SENDER);
        properties.setProperty("lienthong.http.enabled", "false");
        properties.setProperty("lienthong.api.enabled", "false");
        properties.setProperty("lienthong.soap.enabled", "false");
        properties.setProperty("lienthong.audit.enabled", "false");
        properties.setProperty("lienthong.dms.outbox-min-age-ms", "100");
        properties.setProperty("lienthong.dms.outbox-poll-ms", "100");
        properties.setProperty("lienthong.signature.trust-store", pki.trustStoreDirectory().toString());
        properties.setProperty("lienthong.intake.consumers", consumers == 0 ? "" : Integer.toString(consumers));
        try (AxisSimulator axis = AxisSimulator.start(axisSettings)) {
            properties.setProperty("lienthong.axis.endpoint", axis.endpoint().toString());
            try (ConnectorRuntime sender = ConnectorRuntime.start(ConnectorSettings.from(properties, senderSecret,
                    nextVmId++))) {
                // Copied beside the outbox first, then moved in: the clock measures the connector, not the copying.
                Path staging = Files.createDirectories(root.resolve("staging"));
                for (LoadMix.Envelope envelope : envelopes) {
                    Files.copy(envelope.file(), staging.resolve(envelope.file().getFileName()));
                }
                long start = System.nanoTime();
                TransportThroughput.moveAll(staging, sender.settings().outbox());
                double outboxEmpty = -1;
                while (sent(sender) < envelopes.size()) {
                    if (outboxEmpty < 0 && TransportThroughput.count(sender.settings().outbox()) == 0) {
                        outboxEmpty = (System.nanoTime() - start) / 1e9;
                    }
                    if (System.nanoTime() - start > TIMEOUT_NANOS) {
                        throw new IllegalStateException("not all SENT in 15 minutes: "
                                + sender.tracker().countByState(Direction.OUTBOUND));
                    }
                    Thread.sleep(50);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("  outbox empty (all filed and queued for checking) after %.2f s%n",
                        outboxEmpty < 0 ? seconds : outboxEmpty);
                return seconds;
            }
        }
    }

    private static long sent(ConnectorRuntime sender) {
        return sender.tracker().countByState(Direction.OUTBOUND).getOrDefault(DocumentState.SENT, 0L);
    }
}
