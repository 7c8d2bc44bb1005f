package vn.lienthong.dms.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.edxml.StatusCode;

/**
 * Folder clients end to end: G22's DMS and H26's DMS each exchange documents through their own folders, through
 * two connectors and the axis simulator. Each test sends its own numbered document. H26's connector does not judge
 * control characters in identifiers (IDENTIFIER_CONTROL_CHARACTER off when sending), so that an envelope can still
 * fail after validation there, as any envelope did before that check (issue 11, item 6).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FolderClientFlowTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    private ClientNetwork network;
    private DemoDocuments documents;
    private ClientFolders g22;
    private ClientFolders h26;
    private Path work;
    private Path root;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        work = Files.createDirectories(root.resolve("work"));
        documents = new DemoDocuments(work);
        Path g22Root = root.resolve("dms-g22");
        Path h26Root = root.resolve("dms-h26");
        Properties h26Settings = ClientNetwork.withClients(new ClientsFile().folder("h26-folder", ClientNetwork.H26.organId(),
                h26Root).writeTo(root.resolve("h26-clients.json")));
        h26Settings.setProperty("lienthong.validation.outbound.severity.IDENTIFIER_CONTROL_CHARACTER", "off");
        network = ClientNetwork.start(root,
                ClientNetwork.withClients(new ClientsFile().folder("g22-folder", ClientNetwork.G22.organId(), g22Root)
                        .writeTo(root.resolve("g22-clients.json"))),
                h26Settings);
        this.root = root;
        g22 = new ClientFolders(g22Root.resolve("in"), g22Root.resolve("done"), g22Root.resolve("error"),
                g22Root.resolve("out"), g22Root.resolve("status"));
        h26 = new ClientFolders(h26Root.resolve("in"), h26Root.resolve("done"), h26Root.resolve("error"),
                h26Root.resolve("out"), h26Root.resolve("status"));
    }

    @AfterAll
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    private String dropEdoc(int number, String name) throws Exception {
        DemoDocuments.Written written = documents.writeEdoc(work.resolve(name), ClientNetwork.G22,
                List.of(ClientNetwork.H26), number, "Về việc thử nghiệm thư mục số " + number);
        DroppedFiles.drop(written.file(), g22.in(), name);
        return written.documentId();
    }

    @Test
    void the_connector_creates_the_five_folders_of_a_folder_client() {
        assertThat(List.of(g22.in(), g22.done(), g22.error(), g22.out(), g22.status())).allMatch(Files::isDirectory);
    }

    @Test
    void a_document_dropped_into_in_arrives_in_the_out_folder_of_the_other_agencys_client() throws Exception {
        String documentId = dropEdoc(101, "cv-101.edxml");

        await().atMost(ARRIVAL).until(() -> DroppedFiles.documentIdsIn(h26.out()).contains(documentId));
    }

    @Test
    void an_accepted_document_is_moved_from_in_to_done() throws Exception {
        dropEdoc(102, "cv-102.edxml");

        await().atMost(ARRIVAL).until(() -> Files.exists(g22.done().resolve("cv-102.edxml")));
        assertThat(g22.in().resolve("cv-102.edxml")).doesNotExist();
    }

    @Test
    void a_refused_file_lands_in_error_with_its_reasons_in_text_and_in_json() throws Exception {
        Path broken = Files.writeString(work.resolve("broken.xml"), "<edXML><unfinished>", StandardCharsets.UTF_8);
        DroppedFiles.drop(broken, g22.in(), "broken.xml");

        await().atMost(ARRIVAL).until(() -> Files.exists(g22.error().resolve("broken.xml")));
        String text = Files.readString(g22.error().resolve("broken.xml.errors.txt"), StandardCharsets.UTF_8);
        assertThat(text).contains("VĂN BẢN BỊ TỪ CHỐI / DOCUMENT REFUSED", "broken.xml", "Tiếng Việt:", "English:");
        JsonNode json = new ObjectMapper().readTree(g22.error().resolve("broken.xml.errors.json").toFile());
        assertThat(json.path("status").asText()).isEqualTo("REFUSED");
        assertThat(json.path("errors")).isNotEmpty();
        assertThat(json.path("errors").get(0).fieldNames()).toIterable()
                .containsExactly("code", "severity", "vi", "en", "location");
        assertThat(g22.in().resolve("broken.xml")).doesNotExist();
    }

    @Test
    void a_document_from_another_agency_is_refused_with_SENDER_NOT_BOUND_in_its_errors_file() throws Exception {
        DemoDocuments.Written foreign = documents.writeEdoc(work.resolve("foreign.edxml"), ClientNetwork.H26,
                List.of(ClientNetwork.G22), 103, "Văn bản mạo danh cơ quan khác");
        DroppedFiles.drop(foreign.file(), g22.in(), "foreign.edxml");

        await().atMost(ARRIVAL).until(() -> Files.exists(g22.error().resolve("foreign.edxml")));
        assertThat(Files.readString(g22.error().resolve("foreign.edxml.errors.txt"), StandardCharsets.UTF_8))
                .contains("SENDER_NOT_BOUND", "000.00.00.H26", "/From/OrganId");
    }

    @Test
    void a_status_notice_reported_as_another_agency_is_refused_with_SENDER_NOT_BOUND() throws Exception {
        Path status = work.resolve("status-as-g22.edxml");
        documents.writeStatus(status, ClientNetwork.G22, ClientNetwork.H26.organId(), "000.00.00.H26,2026/11/25,1/H26-LT",
                StatusCode.ACCEPTED);
        DroppedFiles.drop(status, h26.in(), "status-as-g22.edxml");

        await().atMost(ARRIVAL).until(() -> Files.exists(h26.error().resolve("status-as-g22.edxml")));
        assertThat(Files.readString(h26.error().resolve("status-as-g22.edxml.errors.txt"), StandardCharsets.UTF_8))
                .contains("SENDER_NOT_BOUND", "000.00.00.G22");
    }

    @Test
    void a_status_notice_on_a_document_the_agency_never_received_is_refused() throws Exception {
        Path status = work.resolve("status-on-unknown.edxml");
        documents.writeStatus(status, ClientNetwork.H26, ClientNetwork.G22.organId(), "000.00.00.G22,2026/11/25,999/G22-LT",
                StatusCode.ACCEPTED);
        DroppedFiles.drop(status, h26.in(), "status-on-unknown.edxml");

        await().atMost(ARRIVAL).until(() -> Files.exists(h26.error().resolve("status-on-unknown.edxml")));
        assertThat(Files.readString(h26.error().resolve("status-on-unknown.edxml.errors.txt"), StandardCharsets.UTF_8))
                .contains("STATUS_NOT_FOR_RECEIVED_DOCUMENT", "000.00.00.G22,2026/11/25,999/G22-LT", "/ResponseFor/DocumentId");
    }

    @Test
    void a_second_document_under_a_name_already_in_done_does_not_replace_the_first() throws Exception {
        dropEdoc(106, "same-name.edxml");
        await().atMost(ARRIVAL).until(() -> Files.exists(g22.done().resolve("same-name.edxml")));

        dropEdoc(107, "same-name.edxml");

        await().atMost(ARRIVAL).until(() -> Files.exists(g22.done().resolve("same-name-2.edxml")));
        assertThat(g22.done().resolve("same-name.edxml")).exists();
    }

    @Test
    void a_file_still_being_written_under_a_part_name_is_left_alone() throws Exception {
        DemoDocuments.Written written = documents.writeEdoc(work.resolve("cv-104.edxml"), ClientNetwork.G22,
                List.of(ClientNetwork.H26), 104, "Đang ghi dở");
        Path part = Files.copy(written.file(), g22.in().resolve("cv-104.edxml.part"));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> Files.exists(part));
        assertThat(g22.done().resolve("cv-104.edxml.part")).doesNotExist();
        assertThat(g22.error().resolve("cv-104.edxml.part")).doesNotExist();
    }

    @Test
    void a_status_notice_dropped_into_in_reaches_the_status_folder_of_the_senders_client() throws Exception {
        String documentId = dropEdoc(105, "cv-105.edxml");
        await().atMost(ARRIVAL).until(() -> DroppedFiles.documentIdsIn(h26.out()).contains(documentId));

        Path status = work.resolve("status-105.edxml");
        documents.writeStatus(status, ClientNetwork.H26, ClientNetwork.G22.organId(), documentId, StatusCode.ACCEPTED);
        DroppedFiles.drop(status, h26.in(), "status-105.edxml");

        await().atMost(ARRIVAL).until(() -> !DroppedFiles.envelopesIn(g22.status()).isEmpty());
        assertThat(h26.done().resolve("status-105.edxml")).exists();
    }

    @Test
    void a_refused_file_with_twenty_thousand_errors_gets_reports_of_bounded_size() throws Exception {
        DemoDocuments.Written written = documents.writeEdoc(work.resolve("many-errors.edxml"), ClientNetwork.G22,
                List.of(ClientNetwork.H26), 108, "Hai mươi nghìn lỗi");
        String valid = Files.readString(written.file(), StandardCharsets.UTF_8);
        Files.writeString(written.file(), valid.replace("</To>", "</To>" + "<To><OrganId>x</OrganId></To>".repeat(20_000)),
                StandardCharsets.UTF_8);
        DroppedFiles.drop(written.file(), g22.in(), "many-errors.edxml");

        await().atMost(ARRIVAL).until(() -> Files.exists(g22.error().resolve("many-errors.edxml")));
        assertThat(Files.size(g22.error().resolve("many-errors.edxml.errors.txt"))).isLessThan(96 * 1024);
        assertThat(Files.size(g22.error().resolve("many-errors.edxml.errors.json"))).isLessThan(96 * 1024);
        JsonNode errors = new ObjectMapper().readTree(g22.error().resolve("many-errors.edxml.errors.json").toFile()).path("errors");
        assertThat(errors.size()).isLessThanOrEqualTo(100);
        assertThat(errors.get(errors.size() - 1).path("code").asText()).isEqualTo("FINDINGS_OMITTED");
    }

    private long copiesLeftInTheStore(String systemId) throws Exception {
        try (Stream<Path> files = Files.list(root.resolve(systemId).resolve("store"))) {
            return files.filter(file -> file.getFileName().toString().endsWith(".part")).count();
        }
    }

    private long filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void an_envelope_whose_document_id_has_a_line_feed_goes_to_error_once_with_its_finding() throws Exception {
        DemoDocuments.Written written = documents.writeEdoc(work.resolve("line-feed.edxml"), ClientNetwork.G22,
                List.of(ClientNetwork.H26), 109, "Mã văn bản có ký tự xuống dòng");
        String valid = Files.readString(written.file(), StandardCharsets.UTF_8);
        Files.writeString(written.file(), valid.replace(",109/G22-LT</DocumentId>", ",109/G22-LT&#10;</DocumentId>"),
                StandardCharsets.UTF_8);
        DroppedFiles.drop(written.file(), g22.in(), "line-feed.edxml");

        await().atMost(ARRIVAL).until(() -> Files.exists(g22.error().resolve("line-feed.edxml")));
        assertThat(Files.readString(g22.error().resolve("line-feed.edxml.errors.txt"), StandardCharsets.UTF_8))
                .contains("IDENTIFIER_CONTROL_CHARACTER", "U+000A", "/MessageHeader/DocumentId");
        assertThat(g22.in().resolve("line-feed.edxml")).doesNotExist();
        assertThat(copiesLeftInTheStore("vpcp.test")).isZero();
    }

    @Test
    void an_envelope_that_fails_after_validation_goes_to_error_once_and_is_not_taken_again() throws Exception {
        DemoDocuments.Written written = documents.writeEdoc(work.resolve("poison.edxml"), ClientNetwork.H26,
                List.of(ClientNetwork.G22), 110, "Gói tin độc");
        String valid = Files.readString(written.file(), StandardCharsets.UTF_8);
        Files.writeString(written.file(), valid.replace(",110/H26-LT</DocumentId>", ",110/H26&#10;LT</DocumentId>"),
                StandardCharsets.UTF_8);
        DroppedFiles.drop(written.file(), h26.in(), "poison.edxml");

        await().atMost(ARRIVAL).until(() -> Files.exists(h26.error().resolve("poison.edxml")));
        JsonNode report = new ObjectMapper().readTree(h26.error().resolve("poison.edxml.errors.json").toFile());
        assertThat(report.path("errors").get(0).path("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(report.path("errors").get(0).path("en").asText()).contains("will not be retried automatically");
        // Polled every 100 ms: taken again, it would be back in error/ under another name, with another copy stored.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> filesIn(h26.error()) == 3 && copiesLeftInTheStore("hanoi.test") == 0);
        assertThat(h26.in().resolve("poison.edxml")).doesNotExist();
    }
}
