package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.dms.folder.ClientNetwork;
import vn.lienthong.dms.folder.ClientsFile;
import vn.lienthong.dms.folder.DroppedFiles;
import vn.lienthong.runtime.ConnectorRuntime;

/**
 * Documents the signature policy holds on the way out wait in {@code <data>/quarantine/outbound} for a person. The
 * name a client gives a document (a file name, a JMS correlation id, the constant of a REST upload) is no identity:
 * documents held under the same name must each be kept.
 */
class OutboundQuarantineTest {

    @TempDir
    Path root;

    @Test
    void four_documents_held_under_the_same_name_are_each_kept() throws Exception {
        Path g22Root = root.resolve("dms-g22");
        Properties g22 = ClientNetwork.withClients(new ClientsFile().folder("g22-folder", ClientNetwork.G22.organId(), g22Root)
                .writeTo(root.resolve("g22-clients.json")));
        g22.setProperty("lienthong.signature.policy.unsigned", "quarantine");
        try (ClientNetwork network = ClientNetwork.start(root, g22, new Properties())) {
            ConnectorRuntime office = network.connector(ClientNetwork.G22.organId());
            DemoDocuments documents = new DemoDocuments(Files.createDirectories(root.resolve("work")));
            for (int number = 501; number <= 504; number++) {
                Path file = documents.writeEdoc(root.resolve("work/cv-" + number + ".edxml"), ClientNetwork.G22,
                        List.of(ClientNetwork.H26), number, "Văn bản chưa ký số " + number).file();
                DroppedFiles.drop(file, g22Root.resolve("in"), "same.edxml");
                await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(g22Root.resolve("in/same.edxml")));
            }

            Path quarantine = office.settings().dataDirectory().resolve("quarantine/outbound");
            assertThat(DroppedFiles.envelopesIn(quarantine)).hasSize(4);
            assertThat(signatureReportsIn(quarantine)).hasSize(4)
                    .allSatisfy(report -> assertThat(report).contains("same.edxml"));
        }
    }

    private static List<String> signatureReportsIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".signatures.txt")).map(file -> {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
