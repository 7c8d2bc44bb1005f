package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.StatusCode;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.TrackedDocument;

class DocumentFlowTest {

    @TempDir
    Path root;

    private DemoNetwork network;
    private DemoDocuments documents;

    @BeforeEach
    void start() throws Exception {
        network = TestNetworks.start(root, TestNetworks.fast());
        documents = new DemoDocuments(root.resolve("work"));
    }

    @AfterEach
    void stop() {
        network.close();
    }

    private static List<Path> envelopesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".edxml")).toList();
        }
    }

    @Test
    void should_deliver_a_document_to_the_recipient_and_bring_its_statuses_back() throws Exception {
        ConnectorRuntime sender = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
        ConnectorRuntime recipient = network.connector(TestNetworks.HANOI.organId());
        DemoDocuments.Written written = documents.writeEdoc(sender.settings().outbox().resolve("cv-1.edxml"),
                TestNetworks.GOVERNMENT_OFFICE, List.of(TestNetworks.HANOI), 1, "Về việc thử nghiệm liên thông");

        // The file is renamed into the inbox before DELIVERED is written, so the file alone says nothing about the
        // state: wait for the state the tracker actually records, then check that the file it speaks for is there.
        TrackedDocument received = await().atMost(Duration.ofSeconds(20))
                .until(() -> recipient.tracker().findInboundByDocumentId(TestNetworks.GOVERNMENT_OFFICE.organId(),
                        written.documentId()), found -> found.filter(document -> document.state() == DocumentState.DELIVERED)
                        .isPresent())
                .orElseThrow();
        assertThat(recipient.tracker().list(Direction.INBOUND, 10)).extracting(TrackedDocument::key)
                .containsExactly(received.key());
        assertThat(envelopesIn(recipient.settings().inbox())).as("a DELIVERED document is in the DMS inbox, once")
                .hasSize(1);

        documents.writeStatus(recipient.settings().outbox().resolve("status-03.edxml"), TestNetworks.HANOI,
                TestNetworks.GOVERNMENT_OFFICE.organId(), written.documentId(), StatusCode.ACCEPTED);

        TrackedDocument sent = sender.tracker().list(Direction.OUTBOUND, 10).get(0);
        await().atMost(Duration.ofSeconds(20)).until(() -> sender.tracker().timeline(sent.key()).stream()
                .map(RecipientStatus::statusCode).toList().containsAll(List.of("sent", "03")));
        // Statuses carry the recipient's own timestamp, to the second, so within one second the order is not defined.
        assertThat(sender.tracker().timeline(sent.key())).extracting(RecipientStatus::statusCode)
                .containsExactlyInAnyOrder("sent", "03");
        await().atMost(Duration.ofSeconds(20)).until(() -> envelopesIn(sender.settings().statusInbox()).size() == 1);
        assertThat(sender.transmissionLog().verify().intact()).isTrue();
        assertThat(recipient.transmissionLog().verify().intact()).isTrue();
    }
}
