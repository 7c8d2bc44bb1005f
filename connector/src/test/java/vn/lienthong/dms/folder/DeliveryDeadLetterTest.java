package vn.lienthong.dms.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.transport.OperatorConsole;

/**
 * Issue 12: a delivery to a DMS client that keeps failing is dead-lettered by the broker without a word; the
 * document's state now says so, and an operator's retry delivers it once the client's folder is usable again.
 */
class DeliveryDeadLetterTest {

    @TempDir
    Path root;

    @Test
    void a_delivery_the_broker_gave_up_on_is_dead_lettered_in_tracking_and_delivered_when_an_operator_retries_it()
            throws Exception {
        Path g22Root = root.resolve("dms-g22");
        Path h26Root = root.resolve("dms-h26");
        Properties h26 = ClientNetwork.withClients(new ClientsFile().folder("h26-folder", ClientNetwork.H26.organId(), h26Root)
                .writeTo(root.resolve("h26-clients.json")));
        h26.setProperty("lienthong.queue.max-delivery-attempts", "3");
        h26.setProperty("lienthong.http.enabled", "true");
        try (ClientNetwork network = ClientNetwork.start(root, ClientNetwork.withClients(new ClientsFile()
                .folder("g22-folder", ClientNetwork.G22.organId(), g22Root).writeTo(root.resolve("g22-clients.json"))), h26)) {
            ConnectorRuntime hanoi = network.connector(ClientNetwork.H26.organId());
            Path out = h26Root.resolve("out");
            Path realOut = Files.move(out, h26Root.resolve("out-real"));
            Files.createSymbolicLink(out, Files.createDirectories(root.resolve("elsewhere")));
            DemoDocuments.Written written = new DemoDocuments(Files.createDirectories(root.resolve("work")))
                    .writeEdoc(root.resolve("work/cv-401.edxml"), ClientNetwork.G22, List.of(ClientNetwork.H26), 401,
                            "Về việc thử gửi lại thư chết số 401");
            DroppedFiles.drop(written.file(), g22Root.resolve("in"), "cv-401.edxml");

            TrackedDocument dead = await().atMost(Duration.ofSeconds(60)).until(() -> hanoi.tracker()
                    .findInboundByDocumentId(ClientNetwork.G22.organId(), written.documentId())
                    .filter(found -> found.state() == DocumentState.DEAD_LETTERED), Optional::isPresent).orElseThrow();
            assertThat(dead.stateReason()).contains("delivery to DMS client h26-folder gave up after 3 attempts");
            await().atMost(Duration.ofSeconds(10)).until(() -> hanoi.queueDepth("DLQ.lienthong.delivery") == 1);

            Files.delete(out);
            Files.move(realOut, out);
            OperatorConsole.Output retried = OperatorConsole.run("dead-letters", "retry", "--all", "--reason",
                    "thư mục out đã sửa", "--config",
                    OperatorConsole.config(hanoi, hanoi.settings().httpPort(), root).toString());
            assertThat(retried.exit()).as(retried.err()).isZero();
            assertThat(retried.out()).contains("DONE").contains(dead.key().value()).contains("Retried 1 of 1 dead letters");

            await().atMost(Duration.ofSeconds(30)).until(() -> DroppedFiles.documentIdsIn(out).contains(written.documentId()));
            assertThat(DroppedFiles.documentIdsIn(out)).containsOnlyOnce(written.documentId());
            await().atMost(Duration.ofSeconds(10)).until(() -> hanoi.tracker().find(dead.key()).orElseThrow().state()
                    == DocumentState.DELIVERED);
            assertThat(hanoi.transmissionLog().events(dead.key().value())).extracting(LogEvent::step)
                    .containsSubsequence("dead-lettered", "dead-letter-retried", "delivered-to-dms");
        }
    }
}
