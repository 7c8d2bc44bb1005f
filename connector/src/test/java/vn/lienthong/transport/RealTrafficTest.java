package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.MessageType;
import vn.lienthong.findings.Direction;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.TrackedDocument;

/**
 * Real traffic, end to end through the simulated axis and two connectors: what the official SDK and real agencies
 * send is delivered (with its warnings), and a package that is not ours is held where an operator finds it,
 * releases it, and every step is recorded.
 */
class RealTrafficTest {

    private static final String OFFICE = TestNetworks.GOVERNMENT_OFFICE.organId();
    private static final String HANOI = TestNetworks.HANOI.organId();
    private static final String NGHE_AN = "000.00.00.H41";

    @TempDir
    static Path root;

    private static DemoNetwork network;
    private static int httpBasePort;

    @BeforeAll
    static void start() throws Exception {
        httpBasePort = TestNetworks.twoFreePorts();
        Properties properties = TestNetworks.operated(httpBasePort);
        network = TestNetworks.start(root, properties);
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void a_status_notice_shaped_like_the_official_sdks_samples_reaches_the_senders_timeline() throws Exception {
        ConnectorRuntime office = network.connector(OFFICE);
        String documentId = OFFICE + ",2026/12/04,9101/VPCP-KGVX";
        Files.writeString(office.settings().outbox().resolve("cv-9101.edxml"),
                RealEnvelopes.edoc(OFFICE, HANOI, documentId, "9101", "", RealEnvelopes.PDF), StandardCharsets.UTF_8);
        TrackedDocument sent = await().atMost(Duration.ofSeconds(30)).until(
                () -> office.tracker().findOutboundByDocumentId(OFFICE, documentId), Optional::isPresent).orElseThrow();

        Path status = Files.writeString(root.resolve("sdk-status-03.edxml"),
                RealEnvelopes.sdkStatus(HANOI, OFFICE, documentId, "03"), StandardCharsets.UTF_8);
        try (AxisClient hanoiSdk = network.axisClientOf(HANOI)) {
            hanoiSdk.sendEdoc(status, HANOI, MessageType.STATUS, List.of(OFFICE));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> office.tracker().timeline(sent.key()).stream()
                .anyMatch(entry -> entry.statusCode().equals("03") && entry.recipientOrganId().equals(HANOI)));
        RecipientStatus accepted = office.tracker().timeline(sent.key()).stream()
                .filter(entry -> entry.statusCode().equals("03")).findFirst().orElseThrow();
        assertThat(accepted.description()).isEqualTo("Đã tiếp nhận, vào sổ văn bản đến");
    }

    @Test
    void an_edoc_with_a_mislabelled_attachment_and_an_unknown_element_reaches_the_dms_with_its_warnings() throws Exception {
        ConnectorRuntime hanoi = network.connector(HANOI);
        String documentId = OFFICE + ",2026/12/04,9102/VPCP-KGVX";
        String envelope = RealEnvelopes.edoc(OFFICE, HANOI, documentId, "9102", "<MaHoSoCongViec>HS-2026-15</MaHoSoCongViec>\n",
                RealEnvelopes.attachment("ds", "Danh-sach.txt", "text/plain", zip()));
        sendRaw(OFFICE, HANOI, envelope, "mislabelled.edxml");

        Path delivered = await().atMost(Duration.ofSeconds(30)).until(
                () -> deliveredFile(hanoi.settings().inbox(), "9102"), Optional::isPresent).orElseThrow();
        Path findings = delivered.resolveSibling(delivered.getFileName() + ".findings.json");
        JsonNode carried = new ObjectMapper().readTree(findings.toFile()).path("findings");
        assertThat(carried.findValuesAsText("code"))
                .containsExactlyInAnyOrder("SCHEMA_UNEXPECTED_ELEMENT", "ATTACHMENT_TYPE_MISMATCH");
        assertThat(carried.findValuesAsText("severity")).containsOnly("WARNING");
        assertThat(carried.findValuesAsText("vi")).anyMatch(text -> text.contains("Danh-sach.txt"));
    }

    @Test
    void a_package_addressed_to_no_agency_of_ours_is_held_listed_and_delivered_when_an_operator_releases_it()
            throws Exception {
        ConnectorRuntime hanoi = network.connector(HANOI);
        String documentId = OFFICE + ",2026/12/04,9103/VPCP-KGVX";
        sendRaw(OFFICE, HANOI, RealEnvelopes.edoc(OFFICE, NGHE_AN, documentId, "9103", "", RealEnvelopes.PDF),
                "for-nghe-an.edxml");
        TrackedDocument held = await().atMost(Duration.ofSeconds(30)).until(
                () -> hanoi.tracker().held(List.of(), 10).stream()
                        .filter(document -> document.documentId().equals(documentId)).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(held.state()).isEqualTo(DocumentState.REFUSED);
        assertThat(held.axisDocId()).isNotBlank();
        assertThat(health(httpBasePort + 1)).contains("held-inbound").contains("1 refused, 0 quarantined");
        Path config = configOf(hanoi, httpBasePort + 1);

        OperatorConsole.Output list = run("inbound", "list", "--config", config.toString());
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains("Gói tin đang bị giữ lại / Held inbound packages: 1")
                .contains(held.key().value()).contains("RECIPIENT_NOT_OURS");
        OperatorConsole.Output show = run("inbound", "show", held.key().value(), "--config", config.toString());
        assertThat(show.out()).contains("RECIPIENT_NOT_OURS")
                .contains("Gói tin gửi đến 000.00.00.H41, không có đơn vị nào do bộ kết nối này phục vụ (000.00.00.H26)")
                .contains("The package is addressed to 000.00.00.H41").contains("inbound-refused");
        assertThat(deliveredFile(hanoi.settings().inbox(), "9103")).isEmpty();

        OperatorConsole.Output release = run("inbound", "release", held.key().value(), "--config", config.toString());
        assertThat(release.exit()).as(release.err()).isZero();
        assertThat(release.out()).contains("Released package " + held.key().value());
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveredFile(hanoi.settings().inbox(), "9103").isPresent());
        assertThat(hanoi.tracker().find(held.key()).orElseThrow().state()).isEqualTo(DocumentState.DELIVERED);
        assertThat(hanoi.transmissionLog().events(held.key().value()))
                .anyMatch(event -> event.step().equals(Steps.INBOUND_RELEASED) && event.detail().contains("released by operator"));
        assertThat(run("inbound", "release", held.key().value(), "--config", config.toString()).exit())
                .as("a package no longer held is not released twice").isEqualTo(1);
        assertThat(hanoi.tracker().countByState(Direction.INBOUND).get(DocumentState.REFUSED)).isZero();
    }

    /**
     * Issue 11, item 6: identifiers longer than tracking keeps made the intake of a received package fail, and the
     * broker redelivered it for hours. They are now warnings, the package is known by what the axis said of it, and
     * it is delivered once.
     */
    @Test
    void a_package_whose_identifiers_cannot_be_tracked_is_delivered_once_with_warnings() throws Exception {
        ConnectorRuntime hanoi = network.connector(HANOI);
        String documentId = OFFICE + ",2026/12/04,9104/" + "VPCP".repeat(80);
        sendRaw(OFFICE, HANOI, RealEnvelopes.edoc(OFFICE + ".9999999999".repeat(10), HANOI, documentId, "9104", "",
                RealEnvelopes.PDF), "untrackable-ids.edxml");

        TrackedDocument delivered = await().atMost(Duration.ofSeconds(30)).until(
                () -> hanoi.tracker().list(Direction.INBOUND, 100).stream()
                        .filter(document -> "9104/VPCP-KGVX".equals(document.code())).findFirst()
                        .filter(document -> document.state() == DocumentState.DELIVERED),
                Optional::isPresent).orElseThrow();
        assertThat(delivered.senderOrganId()).isEqualTo(OFFICE);
        assertThat(delivered.documentId()).startsWith("axis:");
        assertThat(hanoi.transmissionLog().events(delivered.key().value()))
                .filteredOn(event -> event.step().equals(Steps.INBOUND_ACCEPTED)).hasSize(1);
    }

    @Test
    void inbound_commands_without_the_operations_token_are_refused_and_say_why() throws Exception {
        Path config = root.resolve("no-token.properties");
        Files.writeString(config, "lienthong.data.directory=" + root.resolve("nowhere") + "\nlienthong.http.port="
                + (httpBasePort + 1) + "\n", StandardCharsets.UTF_8);
        OperatorConsole.Output list = run("inbound", "list", "--config", config.toString());
        assertThat(list.exit()).isEqualTo(2);
        assertThat(list.err()).contains("Không đọc được mã vận hành").contains("Cannot read the operations token");

        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + (httpBasePort + 1) + "/ops/v1/inbound"))
                .header("Authorization", "Bearer not-the-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).contains("UNAUTHENTICATED").contains("The operations token is missing or wrong");
    }

    private static OperatorConsole.Output run(String... args) {
        return OperatorConsole.run(args);
    }

    /** What an operator's --config says of this connector: where its data is, where it listens. */
    private static Path configOf(ConnectorRuntime connector, int httpPort) throws IOException {
        Path config = root.resolve("operator-" + httpPort + ".properties");
        Properties properties = new Properties();
        properties.setProperty("lienthong.data.directory", connector.settings().dataDirectory().toString());
        properties.setProperty("lienthong.http.port", Integer.toString(httpPort));
        try (var writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
        return config;
    }

    /** Sent straight to the axis as another agency's software would, bypassing any connector's outbound checks. */
    private static void sendRaw(String from, String to, String envelope, String name) throws Exception {
        Path file = Files.writeString(root.resolve(name), envelope, StandardCharsets.UTF_8);
        try (AxisClient sender = network.axisClientOf(from)) {
            sender.sendEdoc(file, from, MessageType.EDOC, List.of(to));
        }
    }

    private static Optional<Path> deliveredFile(Path inbox, String number) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".edxml"))
                    .filter(file -> file.getFileName().toString().contains("_" + number + "_")).findFirst();
        }
    }

    private static String health(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("danh-sach.csv"));
            zip.write("STT,Đơn vị\n1,Sở Tư pháp\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** Envelopes as real agencies and the official SDK write them. */
    static final class RealEnvelopes {

        static final String PDF = attachment("vb", "van-ban.pdf", "application/pdf", onePagePdf());

        private static byte[] onePagePdf() {
            try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
                document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                document.save(bytes);
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        static String attachment(String contentId, String name, String type, byte[] bytes) {
            return contentId + "|" + name + "|" + type + "|" + Base64.getEncoder().encodeToString(bytes);
        }

        static String edoc(String from, String to, String documentId, String number, String extraHeader, String attachment) {
            String[] file = attachment.split("\\|", 4);
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n<edXMLEnvelope>\n<edXMLHeader>\n<MessageHeader>\n"
                    + "<From><OrganId>" + from + "</OrganId><OrganName>Văn phòng Chính phủ</OrganName>"
                    + "<OrganizationInCharge>Chính phủ</OrganizationInCharge></From>\n"
                    + "<To><OrganId>" + to + "</OrganId></To>\n"
                    + "<DocumentId>" + documentId + "</DocumentId>\n"
                    + "<Code><CodeNumber>" + number + "</CodeNumber><CodeNotation>VPCP-KGVX</CodeNotation></Code>\n"
                    + "<PromulgationInfo><Place>Hà Nội</Place><PromulgationDate>2026/12/04</PromulgationDate></PromulgationInfo>\n"
                    + "<Subject>Về việc kiểm thử liên thông văn bản số " + number + "</Subject>\n"
                    + extraHeader
                    + "</MessageHeader>\n</edXMLHeader>\n"
                    + "<edXMLBody><edXMLManifest version=\"1.0\"><Reference><ContentId>cid:" + file[0] + "</ContentId>"
                    + "<AttachmentName>" + file[1] + "</AttachmentName><ContentType>" + file[2] + "</ContentType></Reference>"
                    + "</edXMLManifest></edXMLBody>\n</edXMLEnvelope>\n"
                    + "<AttachmentEncoded><Attachment><ContentId>" + file[0] + "</ContentId><ContentType>" + file[2]
                    + "</ContentType><AttachmentName>" + file[1] + "</AttachmentName><ContentTransferEncoded>" + file[3]
                    + "</ContentTransferEncoded></Attachment></AttachmentEncoded>\n</edXML>\n";
        }

        /** As the SDK's samples: From with OrganizationInCharge after OrganName, StaffInfo with Mobile before Email. */
        static String sdkStatus(String from, String about, String documentId, String code) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n<edXMLEnvelope>\n<edXMLHeader>\n<MessageHeader>\n"
                    + "<From><OrganId>" + from + "</OrganId><OrganName>UBND thành phố Hà Nội</OrganName>"
                    + "<OrganizationInCharge>UBND thành phố Hà Nội</OrganizationInCharge></From>\n"
                    + "<ResponseFor><OrganId>" + about + "</OrganId><PromulgationDate>2026/12/04</PromulgationDate>"
                    + "<DocumentId>" + documentId + "</DocumentId><Code>9101/VPCP-KGVX</Code></ResponseFor>\n"
                    + "<StaffInfo><Department>Văn thư</Department><Staff>Nguyễn Thị Lan</Staff><Mobile>0912345678</Mobile>"
                    + "<Email>vanthu@hanoi.gov.vn</Email></StaffInfo>\n"
                    + "<StatusCode>" + code + "</StatusCode>\n"
                    + "<Description>Đã tiếp nhận, vào sổ văn bản đến</Description>\n"
                    + "<Timestamp>2026/12/04 09:30:00</Timestamp>\n"
                    + "</MessageHeader>\n</edXMLHeader>\n</edXMLEnvelope>\n</edXML>\n";
        }
    }
}
