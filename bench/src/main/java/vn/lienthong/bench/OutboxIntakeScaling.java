package vn.lienthong.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
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
 * sending connector runs. Each round runs every consumer count given, in turn, so that noise falls on all of them
 * alike. Usage: {@code OutboxIntakeScaling N ROUNDS CONSUMERS...} (a consumer count of 0: the default, one per
 * processor).
 */
public final class OutboxIntakeScaling {

    private static final String SENDER = LoadNetwork.SENDER_AGENCY;
    private static final String RECIPIENT = "000.00.00.H41";
    private static final long TIMEOUT_NANOS = 900_000_000_000L;

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
            for (int round = 1; round <= rounds; round++) {
                for (int consumers : consumerCounts) {
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
        String senderSecret = newSecret();
        SimulatorSettings axisSettings = SimulatorSettings.local(
                Map.of("sys-sender", senderSecret, "sys-recipient", newSecret()),
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
                    900 + consumers))) {
                // Copied beside the outbox first, then moved in: the clock measures the connector, not the copying.
                Path staging = Files.createDirectories(root.resolve("staging"));
                for (LoadMix.Envelope envelope : envelopes) {
                    Files.copy(envelope.file(), staging.resolve(envelope.file().getFileName()));
                }
                long start = System.nanoTime();
                TransportThroughput.moveAll(staging, sender.settings().outbox());
                while (sent(sender) < envelopes.size()) {
                    if (System.nanoTime() - start > TIMEOUT_NANOS) {
                        throw new IllegalStateException("not all SENT in 15 minutes: "
                                + sender.tracker().countByState(Direction.OUTBOUND));
                    }
                    Thread.sleep(50);
                }
                return (System.nanoTime() - start) / 1e9;
            }
        }
    }

    private static long sent(ConnectorRuntime sender) {
        return sender.tracker().countByState(Direction.OUTBOUND).getOrDefault(DocumentState.SENT, 0L);
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
