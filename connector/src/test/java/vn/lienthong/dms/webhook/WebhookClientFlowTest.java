package vn.lienthong.dms.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.dms.folder.ClientNetwork;
import vn.lienthong.dms.folder.ClientsFile;
import vn.lienthong.dms.folder.DroppedFiles;

/**
 * Webhook clients end to end: G22's DMS drops a document into its folder; H26's DMS receives it as a signed POST,
 * and a webhook that fails first gets it again through the broker's redelivery, exactly once successfully.
 */
class WebhookClientFlowTest {

    private static final String SECRET = "hanoi-webhook-secret";

    @TempDir
    Path root;

    private WireMockServer hanoiDms;
    private ClientNetwork network;
    private DemoDocuments documents;
    private Path g22In;

    @BeforeEach
    void start() throws Exception {
        hanoiDms = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        hanoiDms.start();
        documents = new DemoDocuments(root.resolve("work"));
        Path g22Root = root.resolve("dms-g22");
        g22In = g22Root.resolve("in");
        Path secretFile = Files.writeString(root.resolve("hanoi-webhook.secret"), SECRET, StandardCharsets.UTF_8);
        network = ClientNetwork.start(root,
                ClientNetwork.withClients(new ClientsFile().folder("g22-folder", ClientNetwork.G22.organId(), g22Root)
                        .writeTo(root.resolve("g22-clients.json"))),
                ClientNetwork.withClients(new ClientsFile().webhook("h26-hook", ClientNetwork.H26.organId(),
                        "http://127.0.0.1:" + hanoiDms.port() + "/lienthong/inbox", secretFile)
                        .writeTo(root.resolve("h26-clients.json"))));
    }

    @AfterEach
    void stop() {
        if (network != null) {
            network.close();
        }
        hanoiDms.stop();
    }

    private String dropForHanoi(int number) throws Exception {
        DemoDocuments.Written written = documents.writeEdoc(root.resolve("work/cv-" + number + ".edxml"),
                ClientNetwork.G22, List.of(ClientNetwork.H26), number, "Về việc thử nghiệm webhook số " + number);
        DroppedFiles.drop(written.file(), Files.createDirectories(g22In), "cv-" + number + ".edxml");
        return written.documentId();
    }

    private List<LoggedRequest> posts() {
        return hanoiDms.findAll(postRequestedFor(urlEqualTo("/lienthong/inbox")));
    }

    @Test
    void a_document_for_the_clients_agency_arrives_at_its_webhook_signed() throws Exception {
        hanoiDms.stubFor(post("/lienthong/inbox").willReturn(ok()));

        String documentId = dropForHanoi(301);

        await().atMost(Duration.ofSeconds(30)).until(() -> posts().size() == 1);
        LoggedRequest request = posts().get(0);
        assertThat(DroppedFiles.documentIdOf(new ByteArrayInputStream(request.getBody()))).isEqualTo(documentId);
        assertThat(request.getHeader("X-LienThong-Key")).matches("[0-9a-f]{64}");
        assertThat(WebhookReceiver.signatureHolds(request, SECRET)).isTrue();
    }

    @Test
    void a_webhook_that_fails_first_gets_the_document_again_through_the_queue_and_once_successfully() throws Exception {
        hanoiDms.stubFor(post("/lienthong/inbox").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        hanoiDms.stubFor(post("/lienthong/inbox").inScenario("flaky").whenScenarioStateIs("recovered").willReturn(ok()));

        dropForHanoi(302);

        await().atMost(Duration.ofSeconds(30)).until(() -> posts().size() == 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> posts().size() == 2);
        assertThat(hanoiDms.getAllServeEvents()).filteredOn(event -> event.getResponse().getStatus() == 200).hasSize(1);
    }
}
