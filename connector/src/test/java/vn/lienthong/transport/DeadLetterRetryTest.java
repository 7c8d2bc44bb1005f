package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.Organization;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.simulator.Faults;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.TrackedDocument;

/**
 * Issue 12: a document the flows gave up on is seen through the operations API and retried or discarded by an
 * operator; it really travels again, its tracking and the transmission log say who did it, and the recipient still
 * gets it exactly once.
 */
class DeadLetterRetryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    private static DemoNetwork network;
    private static ConnectorRuntime office;
    private static ConnectorRuntime hanoi;
    private static int officeHttpPort;
    private static Traffic traffic;

    @BeforeAll
    static void start() throws Exception {
        officeHttpPort = TestNetworks.twoFreePorts();
        Properties properties = TestNetworks.operated(officeHttpPort);
        // Three attempts, so that a fault the test injects dead-letters a document within a second or two.
        properties.setProperty("lienthong.queue.max-delivery-attempts", "3");
        properties.setProperty("lienthong.axis.request-timeout-ms", "1500");
        network = TestNetworks.start(root, properties);
        office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
        hanoi = network.connector(TestNetworks.HANOI.organId());
        traffic = new Traffic(root.resolve("work"));
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
    }

    @AfterEach
    void axisHealthyAgain() {
        network.simulator().setFaults(Faults.NONE);
    }

    @Test
    void a_document_dead_lettered_by_an_axis_outage_is_listed_then_retried_from_the_command_line_and_delivered_once()
            throws Exception {
        network.simulator().setFaults(Faults.NONE.withErrorRate(1.0)); // every call answered 503: the axis is down
        String documentId = traffic.send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE, TestNetworks.HANOI,
                7001, 1).get(0);
        TrackedDocument document = awaitDeadLettered(documentId);

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterOf(document), Optional::isPresent)
                .orElseThrow();
        assertThat(letter.path("queue").asText()).isEqualTo("DLQ.lienthong.outbound");
        assertThat(letter.path("origin").asText()).isEqualTo("lienthong.outbound");
        assertThat(letter.path("attempts").asInt()).isEqualTo(3);
        assertThat(letter.path("reason").asText()).contains("gave up after 3 attempts");
        assertThat(letter.path("document").path("state").asText()).isEqualTo("DEAD_LETTERED");
        OperatorConsole.Output listed = run("dead-letters", "list", "--config", config().toString());
        assertThat(listed.out()).contains("Thư chết / Dead letters: ").contains(document.key().value())
                .contains("DLQ.lienthong.outbound ← lienthong.outbound");
        assertThat(Traffic.deliveriesByDocumentId(hanoi.settings().inbox())).doesNotContainKey(documentId);

        network.simulator().setFaults(Faults.NONE);
        OperatorConsole.Output retried = run("dead-letters", "retry", document.key().value(), "--reason", "trục đã hoạt động lại",
                "--config", config().toString());
        assertThat(retried.exit()).as(retried.err()).isZero();
        assertThat(retried.out()).contains("Đã gửi lại " + document.key().value());

        await().atMost(Duration.ofSeconds(30)).until(() -> Traffic.deliveriesByDocumentId(hanoi.settings().inbox())
                .containsKey(documentId));
        assertThat(Traffic.deliveriesByDocumentId(hanoi.settings().inbox())).containsEntry(documentId, 1);
        TrackedDocument after = await().atMost(Duration.ofSeconds(10)).until(() -> office.tracker().find(document.key())
                .orElseThrow(), found -> found.state() == DocumentState.SENT);
        assertThat(office.tracker().timeline(after.key())).extracting(RecipientStatus::statusCode).startsWith("sent");
        List<LogEvent> events = office.transmissionLog().events(document.key().value());
        assertThat(events).extracting(LogEvent::step).containsSubsequence(Steps.DEAD_LETTERED,
                Steps.DEAD_LETTER_RETRIED, Steps.SENT_TO_AXIS);
        assertThat(events).filteredOn(event -> event.step().equals(Steps.DEAD_LETTER_RETRIED)).singleElement()
                .satisfies(event -> assertThat(event.detail()).contains("retried by operator '")
                        .contains("trục đã hoạt động lại").contains("back from DLQ.lienthong.outbound to lienthong.outbound"));
        assertThat(office.queueDepth("DLQ.lienthong.outbound")).isZero();
        assertThat(run("dead-letters", "retry", document.key().value(), "--config", config().toString()).exit())
                .as("a dead letter already retried is not found again").isEqualTo(1);
    }

    @Test
    void a_retried_document_the_axis_already_has_reaches_the_recipient_once() throws Exception {
        // The axis stores every send, then answers later than the connector waits: each attempt times out.
        network.simulator().setFaults(Faults.NONE.withAddedLatency(Duration.ofMillis(2500)));
        String documentId = traffic.send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE, TestNetworks.HANOI,
                7101, 1).get(0);
        TrackedDocument document = awaitDeadLettered(documentId);
        network.simulator().setFaults(Faults.NONE);
        // The copies the axis kept reach Hanoi, which takes one of them.
        await().atMost(Duration.ofSeconds(30)).until(() -> hanoi.tracker().findInboundByDocumentId(TestNetworks.GOVERNMENT_OFFICE.organId(), documentId).isPresent());
        TrackedDocument received = hanoi.tracker()
                .findInboundByDocumentId(TestNetworks.GOVERNMENT_OFFICE.organId(), documentId).orElseThrow();
        long duplicatesBefore = duplicates(received);

        assertThat(post("dead-letters/" + document.key().value() + "/retry", "{\"operator\":\"lan\"}").statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates(received) > duplicatesBefore);
        assertThat(Traffic.deliveriesByDocumentId(hanoi.settings().inbox())).containsEntry(documentId, 1);
        assertThat(office.tracker().find(document.key()).orElseThrow().state()).isEqualTo(DocumentState.SENT);
    }

    @Test
    void a_document_the_axis_refuses_goes_back_to_its_queue_when_retried_and_is_discarded_with_the_reason()
            throws Exception {
        Organization unknown = Organization.withId("000.00.00.H98", "Cơ quan chưa đăng ký trên trục");
        String documentId = traffic.send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE, unknown, 7201, 1)
                .get(0);
        TrackedDocument document = awaitDeadLettered(documentId);
        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetterOf(document), Optional::isPresent)
                .orElseThrow();
        assertThat(letter.path("origin").asText()).as("the route says where it took the message from")
                .isEqualTo("lienthong.outbound");
        assertThat(letter.path("reason").asText()).contains("the axis refused the document");

        // Retried, it really travels again: the axis refuses it again, and it is back in the dead-letter queue.
        assertThat(post("dead-letters/" + document.key().value() + "/retry", "{}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> office.transmissionLog().events(document.key().value())
                .stream().filter(event -> event.step().equals(Steps.SEND_FAILED)).count() == 2
                && deadLetterOf(document).isPresent());

        HttpResponse<String> noReason = post("dead-letters/" + document.key().value() + "/discard", "{}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("REASON_MISSING").contains("Cần nêu lý do");
        OperatorConsole.Output discarded = run("dead-letters", "discard", document.key().value(), "--reason",
                "cơ quan nhận chưa đăng ký", "--config", config().toString());
        assertThat(discarded.exit()).as(discarded.err()).isZero();
        TrackedDocument ended = office.tracker().find(document.key()).orElseThrow();
        assertThat(ended.state()).isEqualTo(DocumentState.DISCARDED);
        assertThat(ended.stateReason()).contains("cơ quan nhận chưa đăng ký");
        assertThat(deadLetterOf(document)).isEmpty();
        assertThat(office.transmissionLog().events(document.key().value())).extracting(LogEvent::step)
                .endsWith(Steps.DEAD_LETTER_DISCARDED);
    }

    @Test
    void retry_with_all_and_without_an_id_is_a_usage_error_said_in_both_languages() throws Exception {
        OperatorConsole.Output both = run("dead-letters", "retry", "abc", "--all", "--config", config().toString());
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("ID_OR_ALL").contains("Hãy nêu đúng một").contains("Give exactly one of");
        OperatorConsole.Output unknown = run("dead-letters", "show", "no such letter", "--config", config().toString());
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("NOT_FOUND").contains("Không có thư chết nào");
    }

    private static TrackedDocument awaitDeadLettered(String documentId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> office.tracker()
                .findOutboundByDocumentId(TestNetworks.GOVERNMENT_OFFICE.organId(), documentId)
                .filter(found -> found.state() == DocumentState.DEAD_LETTERED), Optional::isPresent).orElseThrow();
    }

    private static long duplicates(TrackedDocument received) {
        return hanoi.transmissionLog().events(received.key().value()).stream()
                .filter(event -> event.step().equals(Steps.INBOUND_DUPLICATE)).count();
    }

    private static Optional<JsonNode> deadLetterOf(TrackedDocument document) throws Exception {
        JsonNode body = JSON.readTree(get("dead-letters").body());
        for (JsonNode letter : body.path("deadLetters")) {
            if (document.key().value().equals(letter.path("key").asText())) {
                return Optional.of(letter);
            }
        }
        return Optional.empty();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return OperatorConsole.get(office, officeHttpPort, path);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return OperatorConsole.post(office, officeHttpPort, path, body);
    }

    private static OperatorConsole.Output run(String... args) {
        return OperatorConsole.run(args);
    }

    private static Path config() throws IOException {
        return OperatorConsole.config(office, officeHttpPort, root);
    }
}
