package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.findings.Direction;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.simulator.AxisSimulator;
import vn.lienthong.simulator.SimulatorStats;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.EnvelopeReader;
import vn.lienthong.edxml.Organization;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.edxml.ReadOutcome;

/** Documents dropped into an outbox, and what a DMS finds in its inbox: the check of "exactly once". */
final class Traffic {

    /** The queues a document or status notice waits in on its way; dead-letter queues are not among them. */
    static final List<String> FLOW_QUEUES = List.of("lienthong.outbound.intake", "lienthong.outbound",
            "lienthong.status.out", "lienthong.inbound", "lienthong.status.in", "lienthong.delivery");
    /** What a test waits for before it counts deliveries, as a timeout names it. */
    static final String SETTLED = "every document SENT and DELIVERED, every flow queue empty, every axis package taken";

    private final DemoDocuments documents;

    Traffic(Path workDirectory) throws IOException {
        this.documents = new DemoDocuments(workDirectory);
    }

    /** Drops {@code count} documents numbered from {@code firstNumber}; returns their DocumentIds. */
    List<String> send(Path outbox, Organization from, Organization to, int firstNumber, int count) throws IOException {
        List<String> documentIds = new ArrayList<>();
        for (int number = firstNumber; number < firstNumber + count; number++) {
            documentIds.add(documents.writeEdoc(outbox.resolve("cv-" + number + ".edxml"), from, List.of(to), number,
                    "Về việc kiểm thử tải số " + number).documentId());
        }
        return documentIds;
    }

    static long envelopeCount(Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".edxml")).count();
        }
    }

    /** How many times each DocumentId was delivered into {@code inbox}, read from the delivered files. */
    static Map<String, Integer> deliveriesByDocumentId(Path inbox) throws IOException {
        Map<String, Integer> deliveries = new HashMap<>();
        Path spool = Files.createTempDirectory("traffic-check-");
        EnvelopeReader reader = new EnvelopeReader(ReadLimits.DEFAULTS, spool);
        try (Stream<Path> files = Files.list(inbox)) {
            for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".edxml")).toList()) {
                try (ReadOutcome outcome = reader.read(file)) {
                    EdocHeader header = (EdocHeader) outcome.envelope().orElseThrow().header();
                    deliveries.merge(header.documentId(), 1, Integer::sum);
                }
            }
        } finally {
            Files.deleteIfExists(spool);
        }
        return deliveries;
    }

    /**
     * Whether {@code connector} has finished its part: the tracker says SENT for {@code sent} outbound documents and
     * DELIVERED for {@code received} inbound ones, and none of its flow queues holds a message (a message being
     * delivered or waiting for redelivery counts), so nothing it holds can still deliver a document, once or again.
     */
    static boolean settled(ConnectorRuntime connector, int sent, int received) {
        return connector.tracker().countByState(Direction.OUTBOUND).get(DocumentState.SENT) == sent
                && connector.tracker().countByState(Direction.INBOUND).get(DocumentState.DELIVERED) == received
                && FLOW_QUEUES.stream().allMatch(queue -> connector.queueDepth(queue) == 0);
    }

    /**
     * Whether the axis holds no package a connector's poll could still fetch (again): every package it accepted has
     * been taken off its mailbox. Each package of this traffic has one recipient, so one acknowledgement each.
     */
    static boolean axisDrained(AxisSimulator axis) {
        SimulatorStats stats = axis.stats();
        return stats.packagesAcknowledged() == stats.acceptedSends();
    }

    /** The connector tracks exactly the documents of this traffic, each in its final state, and nothing else. */
    static void assertTrackedOnce(ConnectorRuntime connector, int sent, int received) {
        Map<DocumentState, Long> outbound = connector.tracker().countByState(Direction.OUTBOUND);
        Map<DocumentState, Long> inbound = connector.tracker().countByState(Direction.INBOUND);
        assertThat(outbound).as("outbound documents by state").containsEntry(DocumentState.SENT, (long) sent);
        assertThat(outbound.values().stream().mapToLong(Long::longValue).sum()).as("outbound documents").isEqualTo(sent);
        assertThat(inbound).as("inbound documents by state").containsEntry(DocumentState.DELIVERED, (long) received);
        assertThat(inbound.values().stream().mapToLong(Long::longValue).sum()).as("inbound documents").isEqualTo(received);
    }

    /** Every expected document is in the inbox exactly once, and nothing else is. */
    static void assertDeliveredExactlyOnce(Path inbox, List<String> expectedDocumentIds) throws IOException {
        Map<String, Integer> deliveries = deliveriesByDocumentId(inbox);
        assertThat(deliveries.keySet()).containsExactlyInAnyOrderElementsOf(expectedDocumentIds);
        assertThat(deliveries.values()).allMatch(times -> times == 1);
        assertThat(envelopeCount(inbox)).isEqualTo(expectedDocumentIds.size());
        try (Stream<Path> leftovers = Files.list(inbox)) {
            assertThat(leftovers.filter(file -> file.getFileName().toString().endsWith(".part")).toList())
                    .as("no half-written file left where the DMS reads").isEmpty();
        }
    }
}
