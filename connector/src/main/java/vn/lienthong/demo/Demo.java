package vn.lienthong.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import vn.lienthong.edxml.Organization;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.TrackedDocument;

/**
 * The demo: a simulated axis with two agencies, each with its own connector and a stand-in DMS. Each agency
 * sends documents to the other; each DMS answers what it receives with statuses 01, 03 and 06, which travel
 * back to the sender's timeline. Everything stays running afterwards, so more files can be dropped into the
 * outboxes, until {@link #close()}.
 */
public final class Demo implements AutoCloseable {

    public static final List<DemoNetwork.Agency> AGENCIES = List.of(
            new DemoNetwork.Agency(Organization.withId("000.00.00.G22", "Văn phòng Chính phủ"), "vpcp.demo"),
            new DemoNetwork.Agency(Organization.withId("000.00.00.H26", "UBND thành phố Hà Nội"), "hanoi.demo"));
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** The flow queues, in the order the summary shows them; each has its dead-letter queue, DLQ.NAME. */
    static final List<String> QUEUES = List.of("lienthong.outbound.intake", "lienthong.outbound",
            "lienthong.inbound", "lienthong.delivery", "lienthong.status.out", "lienthong.status.in");

    /** Documents each agency has ready for a person to drop into its outbox, e.g. while an outage is injected. */
    static final int SPARE_DOCUMENTS = 5;
    private static final int FIRST_SPARE_NUMBER = 7001; // below the sample documents (7801 up), so never the same DocumentId

    private final Path root;
    private final DemoNetwork network;
    private final List<DemoDms> standInDmss = new ArrayList<>();
    private final DemoDocuments documents;

    private Demo(Path root, DemoNetwork network, DemoDocuments documents) {
        this.root = root;
        this.network = network;
        this.documents = documents;
    }

    /** Settings of the demo's connectors: quicker polling than a production default, so a person sees it move. */
    public static Properties demoProperties() {
        Properties properties = new Properties();
        properties.setProperty("lienthong.axis.poll-interval-ms", "1000");
        properties.setProperty("lienthong.axis.poll-first-delay-ms", "500");
        properties.setProperty("lienthong.dms.outbox-min-age-ms", "300");
        properties.setProperty("lienthong.dms.outbox-poll-ms", "250");
        // Anchored every 30 seconds, so an auditor can take a document's evidence soon after it arrives.
        properties.setProperty("lienthong.audit.anchor-interval", "PT30S");
        return properties;
    }

    /**
     * What the demo adds for operators to try an outage: few and quick redeliveries, so that a document the axis
     * keeps failing becomes a dead letter within about ten seconds (five attempts, 0.5 + 1 + 2 + 4 s apart) rather
     * than after 200 attempts over hours; and metrics read every two seconds, so that it shows on /metrics at once.
     * A production connector keeps its defaults: there, patience through an outage is what is wanted.
     */
    public static Properties operatorProperties() {
        Properties properties = new Properties();
        properties.setProperty("lienthong.queue.max-delivery-attempts", "5");
        properties.setProperty("lienthong.queue.redelivery-delay-ms", "500");
        properties.setProperty("lienthong.queue.redelivery-multiplier", "2.0");
        properties.setProperty("lienthong.queue.max-redelivery-delay-ms", "4000");
        properties.setProperty("lienthong.metrics.refresh-ms", "2000");
        return properties;
    }

    public static Demo start(Path root, Properties overrides) throws Exception {
        Path absoluteRoot = root.toAbsolutePath();
        Properties properties = demoProperties();
        properties.putAll(operatorProperties());
        properties.putAll(overrides);
        DemoNetwork network = DemoNetwork.start(absoluteRoot, AGENCIES, properties);
        Demo demo = new Demo(absoluteRoot, network,
                new DemoDocuments(Files.createDirectories(absoluteRoot.resolve("work"))));
        try {
            demo.prepareForOperators();
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
        for (DemoNetwork.Agency agency : network.agencies()) {
            DemoDms dms = new DemoDms(agency, network.connector(agency.organId()), demo.documents);
            dms.start();
            demo.standInDmss.add(dms);
        }
        return demo;
    }

    public DemoNetwork network() {
        return network;
    }

    /** The folder the demo keeps its files in. */
    public Path root() {
        return root;
    }

    /**
     * The configuration an operator's commands ({@code dead-letters}, {@code queues}, {@code users}…) take as
     * {@code --config} for this agency's connector: where its data directory (and so its operations token) is, and
     * its management port.
     */
    public Path operatorConfig(String organId) {
        return root.resolve(network.agency(organId).systemId() + ".properties");
    }

    /** Documents to the other agencies, ready to be moved into this agency's outbox; one is taken each time. */
    public List<Path> spareDocuments(String organId) throws IOException {
        Path folder = sparesFolder(organId);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".edxml")).sorted().toList();
        }
    }

    private Path sparesFolder(String organId) {
        return root.resolve("samples").resolve(network.agency(organId).systemId());
    }

    private void prepareForOperators() throws IOException {
        int number = FIRST_SPARE_NUMBER;
        for (DemoNetwork.Agency agency : network.agencies()) {
            ConnectorRuntime connector = network.connector(agency.organId());
            Files.writeString(operatorConfig(agency.organId()), String.join("\n",
                    "# Bộ kết nối " + agency.organId() + " của bản trình diễn: dùng với --config của các lệnh vận hành.",
                    "# The demo's connector of " + agency.organId() + ": give it as --config to the operator commands.",
                    "lienthong.data.directory=" + portable(connector.settings().dataDirectory()),
                    "lienthong.http.host=" + connector.settings().httpHost(),
                    "lienthong.http.port=" + connector.settings().httpPort(),
                    ""), StandardCharsets.UTF_8);
            Path spares = Files.createDirectories(sparesFolder(agency.organId()));
            List<Organization> others = network.agencies().stream()
                    .filter(other -> !other.organId().equals(agency.organId()))
                    .map(DemoNetwork.Agency::organization)
                    .toList();
            for (int i = 0; i < SPARE_DOCUMENTS; i++, number++) {
                documents.writeEdoc(spares.resolve("cv-" + number + ".edxml"), agency.organization(), others, number,
                        "Văn bản gửi thử trong lúc trục gặp sự cố, số " + (i + 1));
            }
        }
    }

    /** A path as a properties file reads it on every system: forward slashes need no escaping. */
    private static String portable(Path path) {
        return path.toAbsolutePath().toString().replace('\\', '/');
    }

    /** Each agency sends {@code perAgency} documents to every other agency. */
    public void sendSampleDocuments(int perAgency) throws Exception {
        int number = 7800;
        for (DemoNetwork.Agency sender : network.agencies()) {
            List<Organization> others = network.agencies().stream()
                    .filter(other -> !other.organId().equals(sender.organId()))
                    .map(DemoNetwork.Agency::organization)
                    .toList();
            Path outbox = network.connector(sender.organId()).settings().outbox();
            for (int i = 0; i < perAgency; i++) {
                number++;
                documents.writeEdoc(outbox.resolve("cv-" + number + ".edxml"), sender.organization(), others, number,
                        "Về việc triển khai kết nối liên thông văn bản, đợt " + (i + 1));
            }
        }
    }

    /** Waits until every document sent so far has its final status (06) from every recipient, or gives up. */
    public boolean awaitCompletion(int expectedPerAgency) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            if (network.agencies().stream().allMatch(agency -> completed(agency, expectedPerAgency))) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private boolean completed(DemoNetwork.Agency agency, int expected) {
        ConnectorRuntime connector = network.connector(agency.organId());
        List<TrackedDocument> sent = connector.tracker().list(Direction.OUTBOUND, 10_000).stream()
                .filter(document -> "edoc".equals(document.messageType()))
                .toList();
        boolean answered = sent.size() >= expected && sent.stream().allMatch(document ->
                connector.tracker().timeline(document.key()).stream()
                        .filter(status -> "06".equals(status.statusCode()))
                        .count() >= document.recipients().size());
        return answered && QUEUES.stream().allMatch(queue -> connector.queueDepth(queue) == 0);
    }

    public void printSummary(PrintWriter out) {
        DemoSummary.print(network, out);
    }

    @Override
    public void close() {
        standInDmss.forEach(DemoDms::close);
        network.close();
    }
}
