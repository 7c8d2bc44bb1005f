package vn.lienthong.dms.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.dms.folder.ClientNetwork;
import vn.lienthong.dms.folder.ClientsFile;
import vn.lienthong.dms.folder.DroppedFiles;
import vn.lienthong.edxml.Organization;

/**
 * H26's connector serves two agencies, each with a DMS client of its own: Hà Nội's takes documents by webhook,
 * H41's from a folder. Hà Nội's webhook never finishes answering; H41's documents arrive all the same.
 */
class StalledWebhookTest {

    private static final Organization H41 = Organization.withId("000.00.00.H41", "Cơ quan thử nghiệm H41");
    /** lienthong.inbound.consumers: as many stalled documents as there are delivery consumers. */
    private static final int CONSUMERS = 2;

    @TempDir
    Path root;

    private TricklingReceiver hanoiDms;
    private ClientNetwork network;
    private DemoDocuments documents;
    private Path g22In;
    private Path h41Out;

    @BeforeEach
    void start() throws Exception {
        hanoiDms = TricklingReceiver.start();
        documents = new DemoDocuments(root.resolve("work"));
        Path g22Root = root.resolve("dms-g22");
        g22In = g22Root.resolve("in");
        Path h41Root = root.resolve("dms-h41");
        h41Out = h41Root.resolve("out");
        Path secretFile = Files.writeString(root.resolve("hanoi-webhook.secret"), "hanoi-secret", StandardCharsets.UTF_8);
        Properties h26 = ClientNetwork.withClients(new ClientsFile()
                .webhook("h26-hook", ClientNetwork.H26.organId(), hanoiDms.url().toString(), secretFile)
                .folder("h41-folder", H41.organId(), h41Root)
                .writeTo(root.resolve("h26-clients.json")));
        h26.setProperty("lienthong.inbound.consumers", Integer.toString(CONSUMERS));
        // Longer than the test: the webhook stays stalled throughout, whatever the deadline of an exchange does.
        h26.setProperty("lienthong.dms.webhook.timeout-ms", "120000");
        network = ClientNetwork.start(root,
                ClientNetwork.withClients(new ClientsFile().folder("g22-folder", ClientNetwork.G22.organId(), g22Root)
                        .writeTo(root.resolve("g22-clients.json"))),
                h26, List.of(H41));
    }

    @AfterEach
    void stop() throws Exception {
        hanoiDms.close(); // first: it lets go of the connector's stalled exchanges
        if (network != null) {
            network.close();
        }
    }

    private String send(Organization to, int number) throws Exception {
        DemoDocuments.Written written = documents.writeEdoc(root.resolve("work/cv-" + number + ".edxml"),
                ClientNetwork.G22, List.of(to), number, "Về việc thử nghiệm giao văn bản số " + number);
        DroppedFiles.drop(written.file(), Files.createDirectories(g22In), "cv-" + number + ".edxml");
        return written.documentId();
    }

    @Test
    void a_stalled_webhook_holds_up_no_other_clients_documents() throws Exception {
        for (int number = 401; number < 401 + CONSUMERS; number++) {
            send(ClientNetwork.H26, number);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> hanoiDms.stalled() == CONSUMERS);

        String forH41 = send(H41, 409);

        await().atMost(Duration.ofSeconds(20)).until(() -> DroppedFiles.documentIdsIn(h41Out).contains(forH41));
        assertThat(hanoiDms.stalled()).as("Hà Nội's webhook is still stalled").isEqualTo(CONSUMERS);
    }
}
