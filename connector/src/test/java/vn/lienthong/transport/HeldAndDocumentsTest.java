package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.TrackedDocument;

/**
 * Issue 12: held documents of both directions are listed, released and discarded from the command line, and every
 * document is listed, streamed with no cap, paged, and shown with its whole history. Unsigned documents are
 * quarantined both ways here, so one document is held on its way out, released, then held again on its way in.
 */
class HeldAndDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path root;

    private static DemoNetwork network;
    private static ConnectorRuntime office;
    private static ConnectorRuntime hanoi;
    private static int httpBasePort;

    @BeforeAll
    static void start() throws Exception {
        httpBasePort = TestNetworks.twoFreePorts();
        Properties properties = TestNetworks.operated(httpBasePort);
        properties.setProperty("lienthong.signature.policy.unsigned", "quarantine");
        network = TestNetworks.start(root, properties);
        office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
        hanoi = network.connector(TestNetworks.HANOI.organId());
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void an_outgoing_document_held_by_the_signature_policy_is_released_then_held_and_released_again_on_arrival()
            throws Exception {
        Traffic traffic = new Traffic(root.resolve("work-release"));
        Set<String> heldBefore = heldKeys(httpBasePort);
        Set<String> arrivedBefore = heldKeys(httpBasePort + 1);
        String documentId = traffic.send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE, TestNetworks.HANOI,
                8001, 1).get(0);
        String heldKey = awaitHeld(httpBasePort, "OUTBOUND", heldBefore);

        OperatorConsole.Output shown = run("held", "show", heldKey, "--config", config(office, httpBasePort));
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("QUARANTINED").contains("Chữ ký số / Signatures:").contains("signatures-checked");
        assertThat(run("held", "list", "--config", config(office, httpBasePort)).out())
                .contains("Văn bản đang bị giữ lại / Held documents: ").contains("OUTBOUND  " + heldKey);

        OperatorConsole.Output released = run("held", "release", heldKey, "--config", config(office, httpBasePort));
        assertThat(released.exit()).as(released.err()).isZero();
        assertThat(released.out()).contains("Released document " + heldKey);
        TrackedDocument sent = await().atMost(Duration.ofSeconds(30)).until(() -> office.tracker()
                .findOutboundByDocumentId(TestNetworks.GOVERNMENT_OFFICE.organId(), documentId)
                .filter(found -> found.state() == DocumentState.SENT), java.util.Optional::isPresent).orElseThrow();
        assertThat(office.transmissionLog().events(sent.key().value()))
                .filteredOn(event -> event.step().equals(Steps.QUARANTINE_RELEASED)).singleElement()
                .satisfies(event -> assertThat(event.detail()).contains("released from quarantine by operator '"));
        assertThat(office.settings().dataDirectory().resolve("quarantine/outbound/" + heldKey + ".edxml")).doesNotExist();
        assertThat(office.settings().dataDirectory().resolve("quarantine/outbound/released/" + heldKey + ".edxml")).exists();

        // Unsigned, it is held again on arrival: the same command releases it to Hanoi's DMS.
        String arrived = awaitHeld(httpBasePort + 1, "INBOUND", arrivedBefore);
        assertThat(Traffic.deliveriesByDocumentId(hanoi.settings().inbox())).doesNotContainKey(documentId);
        assertThat(run("held", "release", arrived, "--config", config(hanoi, httpBasePort + 1)).exit()).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> Traffic.deliveriesByDocumentId(hanoi.settings().inbox())
                .containsKey(documentId));
        assertThat(Traffic.deliveriesByDocumentId(hanoi.settings().inbox())).containsEntry(documentId, 1);
        assertThat(run("held", "release", heldKey, "--config", config(office, httpBasePort)).exit())
                .as("released once; the second time it is no longer held").isEqualTo(1);

        OperatorConsole.Output history = run("documents", "show", sent.key().value(), "--config", config(office, httpBasePort));
        assertThat(history.exit()).as(history.err()).isZero();
        assertThat(history.out()).contains(Steps.SIGNATURES_CHECKED).contains(Steps.QUARANTINE_RELEASED)
                .contains(Steps.SENT_TO_AXIS).contains("Dòng thời gian / Timeline:").contains("000.00.00.H26  sent");
    }

    @Test
    void an_outgoing_document_discarded_from_quarantine_is_ended_with_the_reason_and_listed_so() throws Exception {
        Traffic traffic = new Traffic(root.resolve("work-discard"));
        Set<String> heldBefore = heldKeys(httpBasePort);
        String documentId = traffic.send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE, TestNetworks.HANOI,
                8101, 1).get(0);
        String heldKey = awaitHeld(httpBasePort, "OUTBOUND", heldBefore);

        OperatorConsole.Output withoutReason = run("held", "discard", heldKey, "--reason", " ", "--config", config(office, httpBasePort));
        assertThat(withoutReason.exit()).isEqualTo(1);
        assertThat(withoutReason.err()).contains("REASON_MISSING").contains("Cần nêu lý do");
        OperatorConsole.Output discarded = run("held", "discard", heldKey, "--reason", "chữ ký không rõ nguồn gốc", "--config",
                config(office, httpBasePort));
        assertThat(discarded.exit()).as(discarded.err()).isZero();

        TrackedDocument ended = office.tracker().findOutboundByDocumentId(TestNetworks.GOVERNMENT_OFFICE.organId(),
                documentId).orElseThrow();
        assertThat(ended.state()).isEqualTo(DocumentState.DISCARDED);
        assertThat(ended.stateReason()).contains("chữ ký không rõ nguồn gốc");
        assertThat(office.transmissionLog().events(heldKey)).extracting(LogEvent::step)
                .containsExactly(Steps.QUARANTINE_DISCARDED);
        OperatorConsole.Output listed = run("documents", "list", "--state", "discarded", "--config", config(office, httpBasePort));
        assertThat(listed.exit()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(heldKey).contains("OUTBOUND  edoc  DISCARDED").contains("Số văn bản / Documents: 1");
    }

    @Test
    void documents_are_streamed_as_json_lines_with_no_cap_paged_by_cursor_and_bad_filters_are_said_in_both_languages()
            throws Exception {
        Traffic traffic = new Traffic(root.resolve("work-list"));
        Set<String> heldBefore = heldKeys(httpBasePort);
        traffic.send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE, TestNetworks.HANOI, 8201, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> heldKeys(httpBasePort).size() >= heldBefore.size() + 3);
        long tracked = office.tracker().list(vn.lienthong.findings.Direction.OUTBOUND, 100_000).size()
                + office.tracker().list(vn.lienthong.findings.Direction.INBOUND, 100_000).size();

        HttpResponse<String> streamed = get(httpBasePort, "documents");
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/x-ndjson"));
        assertThat(streamed.headers().firstValue("Transfer-Encoding")).contains("chunked");
        assertThat(streamed.body().lines().count()).isEqualTo(tracked);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = JSON.readTree(get(httpBasePort, "documents?size=1" + (cursor == null ? "" : "&after=" + cursor)).body());
            page.path("documents").forEach(document -> paged.add(document.path("key").asText()));
            cursor = page.path("next").isNull() ? null : page.path("next").asText();
        } while (cursor != null);
        assertThat(paged).hasSize((int) tracked).doesNotHaveDuplicates();

        HttpResponse<String> bad = get(httpBasePort, "documents?state=LOST&size=10");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("INVALID_FILTER").contains("Bộ lọc state=LOST không dùng được")
                .contains("The filter state=LOST cannot be used");
        OperatorConsole.Output badDay = run("documents", "list", "--from", "04/12/2026", "--config", config(office, httpBasePort));
        assertThat(badDay.exit()).isEqualTo(1);
        assertThat(badDay.err()).contains("INVALID_FILTER").contains("một ngày (2026-12-04)");
    }

    private static Set<String> heldKeys(int port) throws Exception {
        Set<String> keys = new HashSet<>();
        JSON.readTree(get(port, "held").body()).path("held").forEach(document -> keys.add(document.path("key").asText()));
        return keys;
    }

    /** Waits until the connector behind {@code port} holds a document of {@code direction} not held before. */
    private static String awaitHeld(int port, String direction, Set<String> before) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode document : JSON.readTree(get(port, "held").body()).path("held")) {
                String key = document.path("key").asText();
                if (direction.equals(document.path("direction").asText()) && !before.contains(key)) {
                    return key;
                }
            }
            return null;
        }, key -> key != null);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return OperatorConsole.get(port == httpBasePort ? office : hanoi, port, path);
    }

    private static OperatorConsole.Output run(String... args) {
        return OperatorConsole.run(args);
    }

    private static String config(ConnectorRuntime connector, int port) throws IOException {
        return OperatorConsole.config(connector, port, root).toString();
    }
}
