package vn.lienthong.dms.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TrackingDatabase;

/** Webhook delivery against a real HTTP server on loopback (WireMock), with real HMAC and a real marks table. */
class WebhookDeliveryTest {

    private static final String SECRET = "webhook-secret-of-hanoi";
    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    @TempDir
    Path root;

    private WireMockServer dms;
    private TrackingDatabase database;
    private DmsClient client;
    private Path envelope;
    private final TrackedDocument document = new TrackedDocument(DocumentKey.of("000.00.00.G22", "G22-7", "cd".repeat(32)),
            Direction.INBOUND, "edoc", "000.00.00.G22", List.of("000.00.00.H26"), "G22-7", "7/G22-LT", "cd".repeat(32),
            null, DocumentState.RECEIVED, null, null, null);

    @BeforeEach
    void start() throws Exception {
        dms = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        dms.start();
        database = TrackingDatabase.openH2(root.resolve("db"));
        Path secretFile = Files.writeString(root.resolve("hanoi.secret"), SECRET + "\n", StandardCharsets.UTF_8);
        client = new DmsClient("h26-hook", null, Set.of("000.00.00.H26"), null, null, new Delivery(Delivery.Mode.WEBHOOK,
                null, URI.create("http://127.0.0.1:" + dms.port() + "/lienthong"), secretFile, null));
        envelope = Files.writeString(root.resolve("envelope.edxml"), "<edXML>công văn 7</edXML>", StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() {
        dms.stop();
        database.close();
    }

    private WebhookDelivery delivery(Duration timeout) {
        return new WebhookDelivery(Duration.ofSeconds(2), timeout, new ProcessedMarks(database, Clock.systemUTC()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void the_post_carries_the_envelope_and_a_signature_the_receiver_can_verify() throws Exception {
        dms.stubFor(post("/lienthong").willReturn(ok()));

        delivery(Duration.ofSeconds(5)).deliver(client, document, envelope, List.of());

        LoggedRequest request = dms.findAll(postRequestedFor(urlEqualTo("/lienthong"))).get(0);
        assertThat(request.getBodyAsString()).isEqualTo("<edXML>công văn 7</edXML>");
        assertThat(request.getHeader("Content-Type")).isEqualTo("application/xml");
        assertThat(request.getHeader("X-LienThong-Key")).isEqualTo(document.key().value());
        assertThat(request.getHeader("X-LienThong-Message-Type")).isEqualTo("edoc");
        assertThat(request.getHeader("X-LienThong-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(WebhookReceiver.signatureHolds(request, SECRET)).isTrue();
        assertThat(WebhookReceiver.signatureHolds(request, "another secret")).isFalse();
        assertThat(request.containsHeader("X-LienThong-Findings")).as("nothing found, nothing said").isFalse();
    }

    @Test
    void what_validation_found_travels_with_the_envelope_as_its_codes() throws Exception {
        dms.stubFor(post("/lienthong").willReturn(ok()));

        delivery(Duration.ofSeconds(5)).deliver(client, document, envelope, List.of("ATTACHMENT_TYPE_MISMATCH"));

        LoggedRequest request = dms.findAll(postRequestedFor(urlEqualTo("/lienthong"))).get(0);
        assertThat(request.getHeader("X-LienThong-Findings")).isEqualTo("ATTACHMENT_TYPE_MISMATCH");
    }

    @Test
    void a_signed_post_whose_key_message_type_or_findings_are_changed_no_longer_verifies() throws Exception {
        dms.stubFor(post("/lienthong").willReturn(ok()));
        delivery(Duration.ofSeconds(5)).deliver(client, document, envelope, List.of("ATTACHMENT_TYPE_MISMATCH"));
        LoggedRequest request = dms.findAll(postRequestedFor(urlEqualTo("/lienthong"))).get(0);
        Map<String, String> signed = WebhookReceiver.headersOf(request);

        assertThat(WebhookReceiver.signatureHolds(signed, request.getBody(), SECRET)).as("as sent").isTrue();
        assertThat(WebhookReceiver.signatureHolds(changed(signed, "X-LienThong-Key", "ab".repeat(32)), request.getBody(),
                SECRET)).as("another document's key").isFalse();
        assertThat(WebhookReceiver.signatureHolds(changed(signed, "X-LienThong-Message-Type", "status"), request.getBody(),
                SECRET)).as("a document passed off as a status notice").isFalse();
        assertThat(WebhookReceiver.signatureHolds(changed(signed, "X-LienThong-Findings", null), request.getBody(),
                SECRET)).as("its findings left out").isFalse();
    }

    private static Map<String, String> changed(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value);
        }
        return copy;
    }

    @Test
    void a_500_then_a_200_ends_with_exactly_one_successful_delivery() throws Exception {
        dms.stubFor(post("/lienthong").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        dms.stubFor(post("/lienthong").inScenario("flaky").whenScenarioStateIs("recovered").willReturn(ok()));
        WebhookDelivery delivery = delivery(Duration.ofSeconds(5));

        assertThatThrownBy(() -> delivery.deliver(client, document, envelope, List.of())).hasMessageContaining("HTTP 500");
        delivery.deliver(client, document, envelope, List.of());
        delivery.deliver(client, document, envelope, List.of());

        assertThat(dms.findAll(postRequestedFor(urlEqualTo("/lienthong")))).hasSize(2);
        assertThat(dms.getAllServeEvents()).filteredOn(event -> event.getResponse().getStatus() == 200).hasSize(1);
    }

    @Test
    void an_answer_that_comes_too_late_fails_the_delivery() {
        dms.stubFor(post("/lienthong").willReturn(ok().withFixedDelay(2000)));

        assertThatThrownBy(() -> delivery(Duration.ofMillis(300)).deliver(client, document, envelope, List.of()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void a_receiver_that_trickles_its_answer_is_cut_off_when_the_time_for_the_whole_exchange_is_up() throws Exception {
        try (TricklingReceiver receiver = TricklingReceiver.start()) {
            DmsClient trickled = new DmsClient("h26-hook", null, Set.of("000.00.00.H26"), null, null, new Delivery(
                    Delivery.Mode.WEBHOOK, null, receiver.url(), client.delivery().webhookSecretFile(), null));
            WebhookDelivery delivery = delivery(Duration.ofMillis(500));

            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThatThrownBy(() -> delivery.deliver(trickled, document, envelope, List.of()))
                            .isInstanceOf(HttpTimeoutException.class));
            assertThat(receiver.requests()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> receiver.stalled() == 0);
        }
    }

    @Test
    void a_webhook_that_leads_to_a_link_local_address_is_not_called() {
        DmsClient metadata = new DmsClient("h26-hook", null, Set.of("000.00.00.H26"), null, null, new Delivery(
                Delivery.Mode.WEBHOOK, null, URI.create("http://169.254.169.254/latest/meta-data"),
                client.delivery().webhookSecretFile(), null));

        assertThatThrownBy(() -> delivery(Duration.ofSeconds(5)).deliver(metadata, document, envelope, List.of()))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("no webhook may go");
    }

    @Test
    void a_redirect_is_not_followed_and_fails_the_delivery() {
        dms.stubFor(post("/lienthong").willReturn(aResponse().withStatus(302).withHeader("Location", "http://example.org/")));

        assertThatThrownBy(() -> delivery(Duration.ofSeconds(5)).deliver(client, document, envelope, List.of()))
                .hasMessageContaining("HTTP 302");
    }
}
