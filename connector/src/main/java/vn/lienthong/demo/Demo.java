package vn.lienthong.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
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
    private static final List<String> QUEUES = List.of("lienthong.outbound", "lienthong.inbound", "lienthong.delivery",
            "lienthong.status.out", "lienthong.status.in");

    private final DemoNetwork network;
    private final List<DemoDms> standInDmss = new ArrayList<>();
    private final DemoDocuments documents;

    private Demo(DemoNetwork network, DemoDocuments documents) {
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
        return properties;
    }

    public static Demo start(Path root, Properties overrides) throws Exception {
        Properties properties = demoProperties();
        properties.putAll(overrides);
        DemoNetwork network = DemoNetwork.start(root, AGENCIES, properties);
        Demo demo = new Demo(network, new DemoDocuments(Files.createDirectories(root.resolve("work"))));
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
