package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.audit.stamp.HeadSignature;
import vn.lienthong.audit.stamp.LoopbackTsa;
import vn.lienthong.audit.stamp.TsaClient;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.audit.tree.TreeHead;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.dms.folder.ClientNetwork;
import vn.lienthong.dms.folder.ClientsFile;
import vn.lienthong.dms.folder.DroppedFiles;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.signature.xml.TestCredentials;
import vn.lienthong.tracking.AnchorStore;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.LogTree;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.transport.OperatorConsole;

/**
 * End to end: a document sent by one running connector and delivered by another; once the receiver's log is anchored,
 * an operator gets its evidence bundle from the running receiver with the command line, and it verifies alone.
 */
class EvidenceOfADeliveredDocumentTest {

    @TempDir
    Path root;

    @Test
    void the_bundle_of_a_document_received_and_delivered_by_a_running_connector_verifies() throws Exception {
        Path g22Root = root.resolve("dms-g22");
        Path h26Root = root.resolve("dms-h26");
        Properties h26 = ClientNetwork.withClients(new ClientsFile().folder("h26-folder", ClientNetwork.H26.organId(),
                h26Root).writeTo(root.resolve("h26-clients.json")));
        h26.setProperty("lienthong.http.enabled", "true");
        try (ClientNetwork network = ClientNetwork.start(root, ClientNetwork.withClients(new ClientsFile()
                .folder("g22-folder", ClientNetwork.G22.organId(), g22Root).writeTo(root.resolve("g22-clients.json"))), h26);
                LoopbackTsa tsa = LoopbackTsa.start(0)) {
            ConnectorRuntime hanoi = network.connector(ClientNetwork.H26.organId());
            DemoDocuments.Written written = new DemoDocuments(Files.createDirectories(root.resolve("work")))
                    .writeEdoc(root.resolve("work/cv-512.edxml"), ClientNetwork.G22, List.of(ClientNetwork.H26), 512,
                            "Về việc lập gói bằng chứng số 512");
            DroppedFiles.drop(written.file(), g22Root.resolve("in"), "cv-512.edxml");
            TrackedDocument delivered = await().atMost(Duration.ofSeconds(60)).until(() -> hanoi.tracker()
                    .findInboundByDocumentId(ClientNetwork.G22.organId(), written.documentId())
                    .filter(found -> found.state() == DocumentState.DELIVERED), Optional::isPresent).orElseThrow();
            Path config = OperatorConsole.config(hanoi, hanoi.settings().httpPort(), root);
            String key = delivered.key().value();
            Path zip = root.resolve("evidence-512.zip");

            OperatorConsole.Output early = OperatorConsole.run("audit", "evidence", key, "-o", zip.toString(), "--config",
                    config.toString());
            assertThat(early.exit()).as(early.err()).isEqualTo(1);
            assertThat(early.err()).contains("NOT_YET_ANCHORED");

            anchorNow(hanoi.settings().dataDirectory().resolve("db"), tsa);
            OperatorConsole.Output made = OperatorConsole.run("audit", "evidence", key, "-o", zip.toString(), "--config",
                    config.toString());
            assertThat(made.exit()).as(made.err()).isZero();

            Path tsaPem = Files.writeString(root.resolve("tsa.pem"), tsa.authority().certificatePem());
            OperatorConsole.Output verified = OperatorConsole.run("audit", "verify", "--tsa-cert", tsaPem.toString(),
                    zip.toString());
            assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
            assertThat(verified.out()).contains("ĐẠT / VERIFIED").contains(key).contains(delivered.envelopeSha256());
            assertThat(EvidenceFixture.files(zip).get("log.jsonl")).asString()
                    .contains("\"step\":\"inbound-accepted\"").contains("\"step\":\"delivered-to-dms\"");
        }
    }

    /** What the anchoring job does, on the running connector's own database (one H2 per JVM and file). */
    private static void anchorNow(Path databaseFolder, LoopbackTsa tsa) throws Exception {
        try (TrackingDatabase database = TrackingDatabase.openH2(databaseFolder)) {
            LogTree tree = new LogTree(database);
            long size = tree.extend(Long.MAX_VALUE);
            var log = new vn.lienthong.tracking.TransmissionLog(database, java.time.Clock.systemUTC());
            TreeHead head = new TreeHead(AuditLogFixture.AGENCY, size, HexFormat.of().formatHex(tree.root(size)),
                    log.all(size, 1).get(0).entryHash(), Instant.now());
            HeadSignature signed = HeadSignature.sign(TestCredentials.RSA_SIGNER.signingKey(), head.bytes());
            byte[] token = new TsaClient(tsa.url(), Duration.ofSeconds(10)).timestamp(signed.signature());
            new AnchorStore(database).save(new Anchor(head, signed.algorithm(), signed.signature(), signed.certificates(),
                    token, Instant.now()), Instant.now());
        }
    }
}
