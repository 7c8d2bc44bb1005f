package vn.lienthong.dms.folder;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.runtime.ConnectorRuntime;

/**
 * What a DMS that can write into its own folders must not be able to do to the connector, tried against two running
 * connectors: read a file it cannot read itself (a symbolic link), send another file as its own, make deliveries
 * land elsewhere (out/ replaced by a link), stall or hide files from intake (a FIFO, an empty file, a long name),
 * or make the connector copy a huge file before its size is judged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FolderClientAttackTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);
    private static final long SIZE_LIMIT = 1024 * 1024;

    private ClientNetwork network;
    private DemoDocuments documents;
    private ClientFolders g22;
    private ClientFolders h26;
    private Path h26Root;
    private Path work;
    private Path outside;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        work = Files.createDirectories(root.resolve("work"));
        outside = Files.createDirectories(root.resolve("outside"));
        documents = new DemoDocuments(work);
        Path g22Root = root.resolve("dms-g22");
        h26Root = root.resolve("dms-h26");
        var g22Settings = ClientNetwork.withClients(new ClientsFile().folder("g22-folder", ClientNetwork.G22.organId(), g22Root)
                .writeTo(root.resolve("g22-clients.json")));
        g22Settings.setProperty("lienthong.limits.max-envelope-bytes", Long.toString(SIZE_LIMIT));
        network = ClientNetwork.start(root, g22Settings,
                ClientNetwork.withClients(new ClientsFile().folder("h26-folder", ClientNetwork.H26.organId(), h26Root)
                        .writeTo(root.resolve("h26-clients.json"))));
        g22 = foldersUnder(g22Root);
        h26 = foldersUnder(h26Root);
    }

    private static ClientFolders foldersUnder(Path root) {
        return new ClientFolders(root.resolve("in"), root.resolve("done"), root.resolve("error"), root.resolve("out"),
                root.resolve("status"));
    }

    @AfterAll
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    private DemoDocuments.Written edoc(int number) throws Exception {
        return documents.writeEdoc(work.resolve("cv-" + number + ".edxml"), ClientNetwork.G22, List.of(ClientNetwork.H26),
                number, "Về việc thử nghiệm an toàn thư mục số " + number);
    }

    /** Whether {@code name} was filed in done/ or error/ (the link itself, when it is one). */
    private static boolean filed(ClientFolders folders, String name) {
        return Files.exists(folders.done().resolve(name), NOFOLLOW_LINKS) || Files.exists(folders.error().resolve(name), NOFOLLOW_LINKS);
    }

    private static String errorsText(ClientFolders folders, String name) throws Exception {
        return Files.readString(folders.error().resolve(name + ".errors.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void a_symbolic_link_dropped_into_in_is_refused_without_reading_what_it_points_to() throws Exception {
        Path secret = Files.writeString(outside.resolve("mat-khau.xml"), "<MatKhauQuanTri-7f3a9c/>", StandardCharsets.UTF_8);
        Files.createSymbolicLink(g22.in().resolve("passwd.xml"), secret);

        await().atMost(ARRIVAL).until(() -> filed(g22, "passwd.xml"));
        assertThat(errorsText(g22, "passwd.xml")).contains("FILE_NOT_REGULAR").doesNotContain("MatKhauQuanTri");
        assertThat(g22.error().resolve("passwd.xml")).isSymbolicLink();
    }

    @Test
    void a_symbolic_link_to_another_valid_envelope_is_not_sent_as_the_clients_own() throws Exception {
        Path anotherDmsFile = Files.copy(edoc(301).file(), outside.resolve("cv-301.edxml"));
        Files.createSymbolicLink(g22.in().resolve("borrowed.edxml"), anotherDmsFile);

        await().atMost(ARRIVAL).until(() -> filed(g22, "borrowed.edxml"));
        assertThat(g22.done().resolve("borrowed.edxml")).doesNotExist();
        assertThat(errorsText(g22, "borrowed.edxml")).contains("FILE_NOT_REGULAR");
    }

    @Test
    void a_fifo_dropped_into_in_is_reported_as_not_a_regular_file() throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", g22.in().resolve("pipe.edxml").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        await().atMost(ARRIVAL).until(() -> Files.exists(g22.error().resolve("pipe.edxml.errors.txt")));
        assertThat(errorsText(g22, "pipe.edxml")).contains("FILE_NOT_REGULAR");
    }

    @Test
    void an_empty_file_dropped_into_in_is_reported_as_empty() throws Exception {
        Files.createFile(g22.in().resolve("empty.edxml"));

        await().atMost(ARRIVAL).until(() -> Files.exists(g22.error().resolve("empty.edxml.errors.txt")));
        assertThat(errorsText(g22, "empty.edxml")).contains("XML_EMPTY_FILE");
    }

    @Test
    void a_file_whose_name_has_250_characters_is_taken_and_reported_under_a_name_that_fits() throws Exception {
        String longName = "v".repeat(244) + ".edxml";
        Path broken = Files.writeString(work.resolve("broken-long.xml"), "<edXML><unfinished>", StandardCharsets.UTF_8);
        DroppedFiles.drop(broken, g22.in(), longName);

        JsonNode report = await().atMost(ARRIVAL).until(() -> errorsJsonStartingWith(g22.error(), "vvvvvvvvvv"), json -> json != null);
        assertThat(report.path("file").asText()).isEqualTo(longName);
        assertThat(report.path("errors")).isNotEmpty();
        assertThat(g22.in().resolve(longName)).doesNotExist();
    }

    private static JsonNode errorsJsonStartingWith(Path folder, String prefix) throws Exception {
        try (var files = Files.list(folder)) {
            Path json = files.filter(file -> file.getFileName().toString().startsWith(prefix)
                    && file.getFileName().toString().endsWith(".errors.json")).findFirst().orElse(null);
            return json == null ? null : new ObjectMapper().readTree(json.toFile());
        }
    }

    @Test
    void a_file_over_the_size_limit_is_refused_for_its_size_before_it_is_copied() throws Exception {
        Path hidden = g22.in().resolve(".huge.edxml.part");
        try (RandomAccessFile sparse = new RandomAccessFile(hidden.toFile(), "rw")) {
            sparse.setLength(256 * SIZE_LIMIT); // 256 MiB of zeros that take no disk until someone copies them
        }
        long writtenBefore = ProcessIo.bytesWritten();

        Files.move(hidden, g22.in().resolve("huge.edxml"));

        await().atMost(ARRIVAL).until(() -> Files.exists(g22.error().resolve("huge.edxml.errors.json")));
        assertThat(ProcessIo.bytesWritten() - writtenBefore).as("bytes the connector wrote while refusing it")
                .isLessThan(32 * SIZE_LIMIT);
        JsonNode report = new ObjectMapper().readTree(g22.error().resolve("huge.edxml.errors.json").toFile());
        assertThat(report.path("errors").get(0).path("code").asText()).isEqualTo("LIMIT_ENVELOPE_SIZE");
    }

    @Test
    void a_symbolically_linked_out_folder_receives_no_delivery_until_it_is_a_real_folder_again() throws Exception {
        Path elsewhere = Files.createDirectories(outside.resolve("elsewhere"));
        Path realOut = Files.move(h26.out(), h26Root.resolve("out-real"));
        Files.createSymbolicLink(h26.out(), elsewhere);
        DemoDocuments.Written written = edoc(302);
        ConnectorRuntime hanoi = network.connector(ClientNetwork.H26.organId());
        try {
            DroppedFiles.drop(written.file(), g22.in(), "cv-302.edxml");

            await().atMost(ARRIVAL).until(() -> hanoi.tracker()
                    .findInboundByDocumentId(ClientNetwork.G22.organId(), written.documentId()).isPresent());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> DroppedFiles.envelopesIn(elsewhere).isEmpty());
        } finally {
            Files.delete(h26.out());
            Files.move(realOut, h26.out());
        }
        await().atMost(ARRIVAL).until(() -> DroppedFiles.documentIdsIn(h26.out()).contains(written.documentId()));
        assertThat(DroppedFiles.envelopesIn(elsewhere)).isEmpty();
    }

    @Test
    void a_document_delivered_into_out_is_readable_by_the_owner_and_the_group_only() throws Exception {
        DemoDocuments.Written written = edoc(303);
        DroppedFiles.drop(written.file(), g22.in(), "cv-303.edxml");

        await().atMost(ARRIVAL).until(() -> DroppedFiles.documentIdsIn(h26.out()).contains(written.documentId()));
        for (Path delivered : DroppedFiles.envelopesIn(h26.out())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(delivered))).isEqualTo("rw-r-----");
        }
    }

    @Test
    void the_reports_of_a_refused_file_are_readable_by_the_owner_and_the_group_only() throws Exception {
        Path broken = Files.writeString(work.resolve("broken-304.xml"), "<edXML><unfinished>", StandardCharsets.UTF_8);
        DroppedFiles.drop(broken, g22.in(), "broken-304.xml");

        await().atMost(ARRIVAL).until(() -> Files.exists(g22.error().resolve("broken-304.xml")));
        for (String report : List.of("broken-304.xml.errors.txt", "broken-304.xml.errors.json")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(g22.error().resolve(report))))
                    .as(report).isEqualTo("rw-r-----");
        }
    }

    @Test
    void a_symbolic_link_in_the_connectors_own_outbox_is_refused_without_reading_what_it_points_to() throws Exception {
        ConnectorRuntime office = network.connector(ClientNetwork.G22.organId());
        Path secret = Files.writeString(outside.resolve("khoa-bi-mat.xml"), "<KhoaBiMat-51c2e8/>", StandardCharsets.UTF_8);
        Files.createSymbolicLink(office.settings().outbox().resolve("shadow.xml"), secret);

        Path report = office.settings().errorFolder().resolve("shadow.xml.findings.txt");
        await().atMost(ARRIVAL).until(() -> Files.exists(report));
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("FILE_NOT_REGULAR").doesNotContain("KhoaBiMat");
    }
}
