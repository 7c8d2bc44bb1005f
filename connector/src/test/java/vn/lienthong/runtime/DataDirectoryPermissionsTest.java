package vn.lienthong.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.dms.folder.ClientNetwork;
import vn.lienthong.dms.folder.DroppedFiles;

/**
 * The connector's own files hold documents, the transmission log and the operations token: under the usual umask
 * (022) they would be readable by every local user. The data directory must be its user's alone, and every file the
 * connector keeps in it too, even when the directory was made earlier with looser permissions.
 */
class DataDirectoryPermissionsTest {

    @TempDir
    Path root;

    @Test
    void the_data_directory_and_every_file_the_connector_keeps_in_it_are_readable_by_its_own_user_only() throws Exception {
        Path g22Data = Files.createDirectories(root.resolve("vpcp.test"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Properties withOperations = new Properties();
        withOperations.setProperty("lienthong.http.enabled", "true");
        try (ClientNetwork network = ClientNetwork.start(root, withOperations, new Properties())) {
            ConnectorRuntime office = network.connector(ClientNetwork.G22.organId());
            ConnectorRuntime hanoi = network.connector(ClientNetwork.H26.organId());
            DemoDocuments documents = new DemoDocuments(Files.createDirectories(root.resolve("work")));
            DemoDocuments.Written written = documents.writeEdoc(root.resolve("work/cv-401.edxml"), ClientNetwork.G22,
                    List.of(ClientNetwork.H26), 401, "Về việc quyền truy cập tệp dữ liệu");
            DroppedFiles.drop(written.file(), office.settings().outbox(), "cv-401.edxml");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> DroppedFiles.documentIdsIn(hanoi.settings().inbox()).contains(written.documentId()));

            assertThat(permissions(g22Data)).isEqualTo("rwx------");
            assertThat(g22Data.resolve("ops-token")).exists();
            assertThat(notOwnerOnly(office.settings())).as("files and folders others may read").isEmpty();
            assertThat(notOwnerOnly(hanoi.settings())).as("files and folders others may read").isEmpty();
        }
    }

    /** Everything under the data directory, but the DMS's own folders, that its group or others may use. */
    private static List<String> notOwnerOnly(ConnectorSettings settings) throws IOException {
        List<Path> dmsFolders = List.of(settings.outbox(), settings.inbox(), settings.statusInbox(), settings.errorFolder());
        List<String> open = new ArrayList<>();
        try (Stream<Path> all = Files.walk(settings.dataDirectory())) {
            for (Path path : all.toList()) {
                if (dmsFolders.stream().anyMatch(path::startsWith) || Files.isSymbolicLink(path)) {
                    continue;
                }
                String expected = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------";
                if (!permissions(path).equals(expected)) {
                    open.add(settings.dataDirectory().relativize(path) + " " + permissions(path));
                }
            }
        }
        return open;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
