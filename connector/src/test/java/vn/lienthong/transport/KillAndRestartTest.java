package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.ops.http.OpsToken;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.runtime.ConnectorSettings;
import vn.lienthong.simulator.AxisSimulator;
import vn.lienthong.simulator.SimulatorSettings;
import vn.lienthong.tracking.ChainVerdict;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;

/**
 * The Government Office's connector runs in a child JVM that is killed with SIGKILL at random moments while
 * documents flow both ways, and restarted each time. Afterwards every document has reached each DMS exactly
 * once, nothing is lost, and the transmission log's hash chain is intact.
 */
class KillAndRestartTest {

    private static final int DOCUMENTS_EACH_WAY = 150;
    private static final int KILLS = 5;
    private static final String OFFICE_SECRET = "office-secret-for-the-kill-test";
    private static final String HANOI_SECRET = "hanoi-secret-for-the-kill-test";

    @TempDir
    Path root;

    @Test
    void should_deliver_every_document_exactly_once_when_the_connector_is_killed_mid_stream() throws Exception {
        SimulatorSettings axisSettings = SimulatorSettings.local(
                Map.of("vpcp.test", OFFICE_SECRET, "hanoi.test", HANOI_SECRET),
                Map.of(TestNetworks.GOVERNMENT_OFFICE.organId(), "vpcp.test", TestNetworks.HANOI.organId(), "hanoi.test"),
                Files.createDirectories(root.resolve("axis")));
        try (AxisSimulator axis = AxisSimulator.start(axisSettings);
             ConnectorRuntime hanoi = ConnectorRuntime.start(ConnectorSettings.from(
                     connectorProperties(axis, "hanoi.test", root.resolve("hanoi")), HANOI_SECRET, 900))) {
            Path officeData = root.resolve("office");
            Path officeConfig = writeConfig(connectorProperties(axis, "vpcp.test", officeData));
            Traffic traffic = new Traffic(root.resolve("work"));
            List<String> toHanoi = traffic.send(Files.createDirectories(officeData.resolve("dms/outbox")),
                    TestNetworks.GOVERNMENT_OFFICE, TestNetworks.HANOI, 1, DOCUMENTS_EACH_WAY);
            List<String> toOffice = traffic.send(hanoi.settings().outbox(), TestNetworks.HANOI,
                    TestNetworks.GOVERNMENT_OFFICE, 5001, DOCUMENTS_EACH_WAY);

            Path officeOutbox = officeData.resolve("dms/outbox");
            Random moments = new Random(20261125L);
            for (int kill = 0; kill < KILLS; kill++) {
                // Killed after a random amount of real progress, never after a fixed time: on a loaded machine the
                // child JVM may need longer to start, and a kill before it did anything would prove nothing.
                long progressBefore = progress(officeOutbox, hanoi.settings().inbox());
                int steps = 1 + moments.nextInt(10);
                Process office = startOffice(officeConfig);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50)).until(() ->
                        progress(officeOutbox, hanoi.settings().inbox()) >= progressBefore + steps);
                office.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            // The killed runs did real work: the kills landed mid-stream, not before anything started.
            assertThat(Traffic.envelopeCount(hanoi.settings().inbox())).isPositive();
            // The last run opens its management port, so the test can see when the office has settled too.
            int managementPort = TestNetworks.twoFreePorts();
            Properties lastRun = connectorProperties(axis, "vpcp.test", officeData);
            lastRun.setProperty("lienthong.http.enabled", "true");
            lastRun.setProperty("lienthong.http.port", Integer.toString(managementPort));
            lastRun.setProperty("lienthong.api.enabled", "false");
            lastRun.setProperty("lienthong.soap.enabled", "false");
            Process office = startOffice(writeConfig(lastRun));
            OfficeOps officeOps = new OfficeOps(managementPort, officeData.resolve("ops-token"));
            try {
                // Not "N files arrived": a duplicate can only come after that, from a message still in a queue or a
                // package still on the axis. Wait until there is none left anywhere, then count.
                await().alias(Traffic.SETTLED).atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                        Traffic.settled(hanoi, DOCUMENTS_EACH_WAY, DOCUMENTS_EACH_WAY)
                                && Traffic.axisDrained(axis)
                                && officeOps.settled(DOCUMENTS_EACH_WAY, DOCUMENTS_EACH_WAY));
            } catch (AssertionError | RuntimeException stuck) {
                explain(hanoi, officeData);
                throw stuck;
            } finally {
                office.destroy();
                office.waitFor(60, TimeUnit.SECONDS);
            }

            Traffic.assertDeliveredExactlyOnce(hanoi.settings().inbox(), toHanoi);
            Traffic.assertDeliveredExactlyOnce(officeData.resolve("dms/inbox"), toOffice);
            assertThat(Traffic.envelopeCount(officeData.resolve("dms/outbox"))).as("nothing left behind").isZero();
            try (TrackingDatabase database = TrackingDatabase.openH2(officeData.resolve("db"))) {
                ChainVerdict chain = new TransmissionLog(database, java.time.Clock.systemUTC()).verify();
                assertThat(chain.intact()).as(chain.reason()).isTrue();
                assertThat(chain.checkedEntries()).isGreaterThan(4L * DOCUMENTS_EACH_WAY);
            }
        }
    }

    /** Files the office took from its outbox plus documents Hanoi's DMS received: grows with the office's work. */
    private static long progress(Path officeOutbox, Path hanoiInbox) throws IOException {
        return (DOCUMENTS_EACH_WAY - Traffic.envelopeCount(officeOutbox)) + Traffic.envelopeCount(hanoiInbox);
    }

    /** What a failure needs to be understood: where each side stands and what the child JVM said. */
    private void explain(ConnectorRuntime hanoi, Path officeData) throws IOException {
        System.out.println("Hanoi inbox " + Traffic.envelopeCount(hanoi.settings().inbox()) + ", outbound "
                + hanoi.tracker().countByState(vn.lienthong.findings.Direction.OUTBOUND) + ", inbound "
                + hanoi.tracker().countByState(vn.lienthong.findings.Direction.INBOUND));
        Path inbox = officeData.resolve("dms/inbox");
        System.out.println("Office inbox " + (Files.isDirectory(inbox) ? Traffic.envelopeCount(inbox) : 0)
                + ", outbox " + Traffic.envelopeCount(officeData.resolve("dms/outbox")));
        Files.readAllLines(root.resolve("office-console.log"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Connector started"))
                .forEach(System.out::println);
    }

    private static Properties connectorProperties(AxisSimulator axis, String systemId, Path data) throws IOException {
        Properties properties = ConnectorProperties.load(null);
        properties.putAll(TestNetworks.fast());
        properties.setProperty("lienthong.data.directory", data.toString());
        properties.setProperty("lienthong.axis.endpoint", axis.endpoint().toString());
        properties.setProperty("lienthong.axis.system-id", systemId);
        // Both connectors use folders: no DMS API, whose default port the two would both claim.
        properties.setProperty("lienthong.api.enabled", "false");
        return properties;
    }

    /**
     * The office connector in its child JVM, seen through its operations API (the token its data directory holds):
     * settled when every document is SENT or DELIVERED and every flow queue is empty, as for {@link Traffic#settled}.
     */
    private record OfficeOps(int port, Path tokenFile) {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private static final ObjectMapper JSON = new ObjectMapper();

        boolean settled(int sent, int received) throws IOException, InterruptedException {
            if (!Files.isReadable(tokenFile)) {
                return false;
            }
            JsonNode overview = get("overview");
            JsonNode queues = get("queues");
            if (overview == null || queues == null) {
                return false; // not listening yet
            }
            JsonNode documents = overview.path("documents");
            boolean tracked = documents.path("outbound").path("SENT").asLong() == sent
                    && documents.path("inbound").path("DELIVERED").asLong() == received;
            long emptyFlowQueues = 0;
            for (JsonNode queue : queues.path("queues")) {
                if (Traffic.FLOW_QUEUES.contains(queue.path("name").asText()) && queue.path("messages").asLong() == 0) {
                    emptyFlowQueues++;
                }
            }
            return tracked && emptyFlowQueues == Traffic.FLOW_QUEUES.size();
        }

        private JsonNode get(String path) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ops/v1/" + path))
                    .header("Authorization", "Bearer " + OpsToken.read(tokenFile).bearer())
                    .timeout(Duration.ofSeconds(5)).GET().build();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
            } catch (java.net.ConnectException notYet) {
                return null;
            }
        }
    }

    private Path writeConfig(Properties properties) throws IOException {
        Path config = root.resolve(properties.getProperty("lienthong.http.enabled", "").equals("true")
                ? "office-last-run.properties" : "office.properties");
        try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            properties.store(writer, "the Government Office's connector, run in a child JVM");
        }
        return config;
    }

    private Process startOffice(Path config) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dfile.encoding=UTF-8", "-cp", classpath, "vn.lienthong.cli.Main", "run", "--config", config.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("office-console.log").toFile()));
        builder.environment().put(ConnectorSettings.SECRET_ENVIRONMENT_VARIABLE, OFFICE_SECRET);
        return builder.start();
    }
}
