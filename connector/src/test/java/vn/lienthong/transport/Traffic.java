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
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.EnvelopeReader;
import vn.lienthong.edxml.Organization;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.edxml.ReadOutcome;

/** Documents dropped into an outbox, and what a DMS finds in its inbox: the check of "exactly once". */
final class Traffic {

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
