package vn.lienthong.dms.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.dms.folder.ClientNetwork;
import vn.lienthong.dms.folder.ClientsFile;
import vn.lienthong.dms.folder.DroppedFiles;
import vn.lienthong.edxml.StatusCode;

/**
 * JMS clients end to end: H26's DMS is on H26's connector's broker over TCP (two JMS clients, to prove they
 * cannot touch each other's queues); G22's DMS uses folders. Each test sends its own numbered document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JmsClientFlowTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    private static final String HANOI = "h26-dms";
    private static final String HANOI_KEY = "lt_hanoi-dms-test-key";
    private static final String ARCHIVE = "h26-archive";
    private static final String ARCHIVE_KEY = "lt_h26-archive-test-key";
    private static final DmsQueues HANOI_QUEUES = new DmsQueues(HANOI, "lienthong.dms.h26-dms.in",
            "lienthong.dms.h26-dms.out", "lienthong.dms.h26-dms.results");

    private ClientNetwork network;
    private DemoDocuments documents;
    private Path work;
    private Path g22Root;
    private int port;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        work = Files.createDirectories(root.resolve("work"));
        documents = new DemoDocuments(work);
        g22Root = root.resolve("dms-g22");
        port = ClientNetwork.freePort();
        var h26 = ClientNetwork.withClients(new ClientsFile()
                .jms(HANOI, ClientNetwork.H26.organId(), HANOI_KEY)
                .jms(ARCHIVE, ClientNetwork.H26.organId(), ARCHIVE_KEY)
                .writeTo(root.resolve("h26-clients.json")));
        h26.setProperty("lienthong.broker.dms-acceptor", "tcp://127.0.0.1:" + port);
        // H26 does not judge control characters in identifiers, so that an envelope can still fail after validation
        // there, as any envelope did before that check (issue 11, item 6).
        h26.setProperty("lienthong.validation.outbound.severity.IDENTIFIER_CONTROL_CHARACTER", "off");
        network = ClientNetwork.start(root,
                ClientNetwork.withClients(new ClientsFile().folder("g22-folder", ClientNetwork.G22.organId(), g22Root)
                        .writeTo(root.resolve("g22-clients.json"))),
                h26);
    }

    @AfterAll
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    private Path edocFromHanoi(int number) throws Exception {
        return documents.writeEdoc(work.resolve("cv-" + number + ".edxml"), ClientNetwork.H26,
                List.of(ClientNetwork.G22), number, "Về việc thử nghiệm JMS số " + number).file();
    }

    @Test
    void an_envelope_sent_to_the_in_queue_is_answered_ACCEPTED_with_its_key_on_the_results_queue() throws Exception {
        try (DmsOnJms dms = new DmsOnJms(port, HANOI, HANOI_KEY)) {
            dms.send(HANOI_QUEUES.in(), edocFromHanoi(201), "cv-201");

            JsonNode answer = dms.answer(HANOI_QUEUES.results(), "cv-201");
            assertThat(answer.path("correlationId").asText()).isEqualTo("cv-201");
            assertThat(answer.path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(answer.path("key").asText()).matches("[0-9a-f]{64}");
            assertThat(answer.path("errors")).isEmpty();
        }
    }

    @Test
    void an_accepted_envelope_arrives_at_the_other_agency() throws Exception {
        try (DmsOnJms dms = new DmsOnJms(port, HANOI, HANOI_KEY)) {
            dms.send(HANOI_QUEUES.in(), edocFromHanoi(202), "cv-202");

            await().atMost(ARRIVAL).until(() -> DroppedFiles.documentIdsIn(g22Root.resolve("out"))
                    .contains("000.00.00.H26,2026/11/25,202/H26-LT"));
        }
    }

    @Test
    void an_envelope_from_another_agency_is_answered_REFUSED_with_SENDER_NOT_BOUND() throws Exception {
        Path foreign = documents.writeEdoc(work.resolve("foreign.edxml"), ClientNetwork.G22, List.of(ClientNetwork.H26),
                203, "Văn bản mạo danh cơ quan khác").file();
        try (DmsOnJms dms = new DmsOnJms(port, HANOI, HANOI_KEY)) {
            dms.send(HANOI_QUEUES.in(), foreign, "foreign-203");

            JsonNode answer = dms.answer(HANOI_QUEUES.results(), "foreign-203");
            assertThat(answer.path("status").asText()).isEqualTo("REFUSED");
            assertThat(answer.path("key").isNull()).isTrue();
            JsonNode error = answer.path("errors").get(0);
            assertThat(error.path("code").asText()).isEqualTo("SENDER_NOT_BOUND");
            assertThat(error.path("vi").asText()).contains("000.00.00.G22");
            assertThat(error.path("en").asText()).contains("may not send as agency 000.00.00.G22");
            assertThat(error.path("location").path("path").asText()).endsWith("/From/OrganId");
        }
    }

    @Test
    void a_status_notice_reported_as_another_agency_is_answered_REFUSED_with_SENDER_NOT_BOUND() throws Exception {
        Path status = work.resolve("status-as-g22.edxml");
        documents.writeStatus(status, ClientNetwork.G22, ClientNetwork.H26.organId(), "000.00.00.H26,2026/11/25,1/H26-LT",
                StatusCode.ACCEPTED);
        try (DmsOnJms dms = new DmsOnJms(port, HANOI, HANOI_KEY)) {
            dms.send(HANOI_QUEUES.in(), status, "status-as-g22");

            JsonNode answer = dms.answer(HANOI_QUEUES.results(), "status-as-g22");
            assertThat(answer.path("status").asText()).isEqualTo("REFUSED");
            assertThat(answer.path("errors").get(0).path("code").asText()).isEqualTo("SENDER_NOT_BOUND");
        }
    }

    @Test
    void a_status_notice_on_a_document_the_agency_never_received_is_answered_REFUSED() throws Exception {
        Path status = work.resolve("status-on-unknown.edxml");
        documents.writeStatus(status, ClientNetwork.H26, ClientNetwork.G22.organId(), "000.00.00.G22,2026/11/25,998/G22-LT",
                StatusCode.ACCEPTED);
        try (DmsOnJms dms = new DmsOnJms(port, HANOI, HANOI_KEY)) {
            dms.send(HANOI_QUEUES.in(), status, "status-on-unknown");

            JsonNode answer = dms.answer(HANOI_QUEUES.results(), "status-on-unknown");
            assertThat(answer.path("status").asText()).isEqualTo("REFUSED");
            assertThat(answer.path("errors").get(0).path("code").asText()).isEqualTo("STATUS_NOT_FOR_RECEIVED_DOCUMENT");
            assertThat(answer.path("errors").get(0).path("location").path("path").asText()).endsWith("/ResponseFor/DocumentId");
        }
    }

    @Test
    void a_message_that_is_not_an_envelope_message_is_answered_REFUSED() throws Exception {
        try (DmsOnJms dms = new DmsOnJms(port, HANOI, HANOI_KEY)) {
            var map = dms.session().createMapMessage();
            map.setJMSCorrelationID("map-1");
            dms.send(HANOI_QUEUES.in(), map);

            JsonNode answer = dms.answer(HANOI_QUEUES.results(), "map-1");
            assertThat(answer.path("status").asText()).isEqualTo("REFUSED");
            assertThat(answer.path("errors").get(0).path("code").asText()).isEqualTo("INVALID_REQUEST");
        }
    }

    @Test
    void a_large_envelope_streamed_in_chunks_reaches_the_other_agency_byte_for_byte() throws Exception {
        Path large = work.resolve("large.edxml");
        String documentId = LargeEnvelopes.write(large, ClientNetwork.H26, ClientNetwork.G22, 204, 3 * 1024 * 1024);
        try (DmsOnJms dms = new DmsOnJms(port, HANOI, HANOI_KEY)) {
            dms.send(HANOI_QUEUES.in(), large, "large-204");

            assertThat(dms.answer(HANOI_QUEUES.results(), "large-204").path("status").asText()).isEqualTo("ACCEPTED");
        }
        Path out = g22Root.resolve("out");
        await().atMost(ARRIVAL).until(() -> DroppedFiles.documentIdsIn(out).contains(documentId));
        Path delivered = DroppedFiles.envelopesIn(out).stream()
                .filter(file -> file.getFileName().toString().contains("204")).findFirst().orElseThrow();
        assertThat(sha256(delivered)).isEqualTo(sha256(large));
    }

    @Test
    void a_document_for_the_clients_agency_arrives_on_its_out_queue() throws Exception {
        DemoDocuments.Written written = documents.writeEdoc(work.resolve("to-hanoi.edxml"), ClientNetwork.G22,
                List.of(ClientNetwork.H26), 205, "Gửi UBND Hà Nội qua JMS");
        DroppedFiles.drop(written.file(), g22Root.resolve("in"), "to-hanoi.edxml");

        try (DmsOnJms dms = new DmsOnJms(port, HANOI, HANOI_KEY)) {
            Path received = work.resolve("received-205.edxml");
            BytesMessage message = dms.receiveTo(HANOI_QUEUES.out(), received);

            assertThat(message).as("a delivery on " + HANOI_QUEUES.out()).isNotNull();
            assertThat(message.getStringProperty(JmsHeaders.KEY)).matches("[0-9a-f]{64}");
            assertThat(message.getStringProperty(JmsHeaders.MESSAGE_TYPE)).isEqualTo("edoc");
            assertThat(message.getStringProperty(JmsHeaders.SENDER)).isEqualTo(ClientNetwork.G22.organId());
            try (InputStream in = Files.newInputStream(received)) {
                assertThat(DroppedFiles.documentIdOf(in)).isEqualTo(written.documentId());
            }
        }
    }

    @Test
    void a_client_cannot_read_another_clients_queue() throws Exception {
        try (DmsOnJms archive = new DmsOnJms(port, ARCHIVE, ARCHIVE_KEY)) {
            assertThatThrownBy(() -> archive.consumer(HANOI_QUEUES.out())).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> archive.consumer(HANOI_QUEUES.results())).isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void a_client_cannot_send_into_another_clients_queue() throws Exception {
        try (DmsOnJms archive = new DmsOnJms(port, ARCHIVE, ARCHIVE_KEY)) {
            // Streamed sends report the refusal as a plain JMSException (AMQ229032), not a JMSSecurityException.
            assertThatThrownBy(() -> archive.send(HANOI_QUEUES.in(), edocFromHanoi(206), "stolen-206"))
                    .isInstanceOf(JMSException.class).hasMessageContaining("permission='SEND'");
        }
    }

    @Test
    void a_client_cannot_touch_the_connectors_own_queues() throws Exception {
        try (DmsOnJms dms = new DmsOnJms(port, HANOI, HANOI_KEY)) {
            assertThatThrownBy(() -> dms.consumer("lienthong.outbound")).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> dms.send("lienthong.delivery", dms.session().createTextMessage("0".repeat(64))))
                    .isInstanceOf(JMSException.class).hasMessageContaining("permission='SEND'");
        }
    }

    @Test
    void a_client_with_a_wrong_api_key_cannot_connect() {
        assertThatThrownBy(() -> new DmsOnJms(port, HANOI, "lt_not-the-key").close())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void a_connection_without_credentials_is_refused_although_the_connector_itself_needs_none() {
        // The connector's in-VM login has no user and no password; a TCP client presenting none must not pass.
        try (var anonymous = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port)) {
            assertThatThrownBy(() -> anonymous.createConnection().close()).isInstanceOf(JMSSecurityException.class);
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    @Test
    void an_envelope_with_twenty_thousand_errors_is_answered_with_a_bounded_list() throws Exception {
        Path hostile = edocFromHanoi(207);
        String valid = Files.readString(hostile, java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(hostile, valid.replace("</To>", "</To>" + "<To><OrganId>x</OrganId></To>".repeat(20_000)),
                java.nio.charset.StandardCharsets.UTF_8);
        try (DmsOnJms dms = new DmsOnJms(port, HANOI, HANOI_KEY)) {
            dms.send(HANOI_QUEUES.in(), hostile, "many-errors-207");

            JsonNode answer = dms.answer(HANOI_QUEUES.results(), "many-errors-207");
            assertThat(answer.path("status").asText()).isEqualTo("REFUSED");
            assertThat(answer.toString().length()).isLessThan(64 * 1024);
            assertThat(answer.path("errors").size()).isLessThanOrEqualTo(100);
            assertThat(answer.path("errors").get(answer.path("errors").size() - 1).path("code").asText())
                    .isEqualTo("FINDINGS_OMITTED");
        }
    }

    @Test
    void an_envelope_that_fails_after_validation_is_answered_once_and_not_redelivered() throws Exception {
        Path poison = edocFromHanoi(208);
        String valid = Files.readString(poison, java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(poison, valid.replace(",208/H26-LT</DocumentId>", ",208/H26&#10;LT</DocumentId>"),
                java.nio.charset.StandardCharsets.UTF_8);
        try (DmsOnJms dms = new DmsOnJms(port, HANOI, HANOI_KEY)) {
            dms.send(HANOI_QUEUES.in(), poison, "poison-208");

            JsonNode answer = dms.answer(HANOI_QUEUES.results(), "poison-208");
            assertThat(answer.path("status").asText()).isEqualTo("REFUSED");
            assertThat(answer.path("errors").get(0).path("code").asText()).isEqualTo("INTERNAL_ERROR");
            // Redelivered (100 ms back-off in tests), it would be answered again.
            assertThat(dms.answerWithin(HANOI_QUEUES.results(), "poison-208", Duration.ofSeconds(2))).isNull();
        }
    }

    @Test
    void a_correlation_id_with_line_breaks_and_escape_sequences_is_logged_escaped() throws Exception {
        String forged = "log-209\r\n09:00:00.000 INFO  JmsIntake - forged line\u001b[2J";
        try (CapturedLog log = new CapturedLog("vn.lienthong.dms.jms");
             DmsOnJms dms = new DmsOnJms(port, HANOI, HANOI_KEY)) {
            dms.send(HANOI_QUEUES.in(), edocFromHanoi(209), forged);
            assertThat(dms.answer(HANOI_QUEUES.results(), forged).path("status").asText()).isEqualTo("ACCEPTED");

            List<String> lines = log.lines().stream().filter(line -> line.contains("log-209")).toList();
            assertThat(lines).isNotEmpty().allSatisfy(line -> {
                assertThat(line.substring(0, line.length() - 1)).doesNotContain("\r", "\n", "\u001b");
                assertThat(line).contains("log-209\\u000D\\u000A09:00:00.000", "\\u001B[2J").endsWith("\n");
            });
        }
    }
}
