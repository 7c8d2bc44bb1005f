package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.Organization;
import vn.lienthong.findings.Direction;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.tracking.DocumentKey;

/**
 * /metrics of really started connectors, after real traffic both ways and a real refusal by the axis: each metric of
 * docs/operating.md is served, and says what happened.
 */
class MetricsEndpointTest {

    private static final Path OPERATING = Path.of("../docs/operating.md");
    private static final Organization UNKNOWN = Organization.withId("000.00.00.H99", "Cơ quan chưa đăng ký trên trục");

    @TempDir
    Path root;

    static Properties withManagementPort(int port) {
        Properties properties = TestNetworks.fast();
        properties.setProperty("lienthong.http.enabled", "true");
        properties.setProperty("lienthong.http.port", Integer.toString(port));
        properties.setProperty("lienthong.api.enabled", "false");
        properties.setProperty("lienthong.soap.enabled", "false");
        properties.setProperty("lienthong.metrics.refresh-ms", "200");
        return properties;
    }

    @Test
    void every_metric_of_the_operating_guide_is_served_and_counts_the_real_traffic() throws Exception {
        int port = Scrape.freePorts();
        Properties properties = withManagementPort(port);
        TestPki pki = TestPki.generate(root.resolve("pki"), java.net.URI.create("http://127.0.0.1:9/"));
        properties.setProperty("lienthong.signature.trust-store", pki.trustStoreDirectory().toString());
        try (DemoNetwork network = TestNetworks.start(root, properties)) {
            ConnectorRuntime office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
            ConnectorRuntime hanoi = network.connector(TestNetworks.HANOI.organId());
            Traffic traffic = new Traffic(root.resolve("work"));
            traffic.send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE, UNKNOWN, 900, 1);
            traffic.send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE, TestNetworks.HANOI, 1, 3);

            await().atMost(Duration.ofSeconds(40)).until(() -> Scrape.of(port)
                    .valueOrZero("lienthong_dead_letters", "address", "lienthong.outbound") == 1
                    && Scrape.of(port + 1).valueOrZero("lienthong_documents", "direction", "inbound", "state", "delivered") == 3);

            Scrape sender = Scrape.of(port);
            Scrape receiver = Scrape.of(port + 1);
            for (String name : documentedMetrics()) {
                assertThat(sender.has(name) || receiver.has(name)).as("%s is served", name).isTrue();
            }
            assertThat(sender.value("lienthong_documents", "direction", "outbound", "state", "sent")).hasValue(3);
            assertThat(sender.value("lienthong_documents", "direction", "outbound", "state", "dead_lettered")).hasValue(1);
            assertThat(sender.value("lienthong_flow_documents_total", "direction", "outbound", "stage", "intake",
                    "outcome", "queue_edoc")).hasValue(4);
            // Each of the four has its QUEUED step in the log, once, and is counted once, even when the axis sender took
            // its key before the intake had recorded the step (QueuedStep).
            long queuedInLog = office.transmissionLog().all(1, 10_000).stream()
                    .filter(event -> Steps.QUEUED.equals(event.step()) && event.documentKey() != null)
                    .filter(event -> office.tracker().find(new DocumentKey(event.documentKey()))
                            .filter(document -> document.direction() == Direction.OUTBOUND).isPresent())
                    .count();
            assertThat(queuedInLog).isEqualTo(4);
            assertThat(sender.value("lienthong_flow_documents_total", "direction", "outbound", "stage", "queued",
                    "outcome", "ok")).hasValue(4);
            assertThat(sender.value("lienthong_flow_documents_total", "direction", "outbound", "stage", "sent",
                    "outcome", "sent")).hasValue(3);
            assertThat(sender.value("lienthong_flow_documents_total", "direction", "outbound", "stage", "sent",
                    "outcome", "refused")).hasValue(1);
            assertThat(sender.value("lienthong_flow_stage_duration_seconds_count", "direction", "outbound", "stage", "sent"))
                    .hasValue(4);
            assertThat(sender.value("lienthong_flow_latency_seconds_count", "direction", "outbound", "stage", "sent")).hasValue(3);
            assertThat(receiver.value("lienthong_flow_latency_seconds_count", "direction", "inbound", "stage", "delivered"))
                    .hasValue(3);
            assertThat(receiver.value("lienthong_flow_documents_total", "direction", "inbound", "stage", "received",
                    "outcome", "ok")).hasValue(3);
            assertThat(receiver.value("lienthong_flow_documents_total", "direction", "inbound", "stage", "intake",
                    "outcome", "queue_edoc")).hasValue(3);
            assertThat(receiver.value("lienthong_flow_documents_total", "direction", "inbound", "stage", "delivery",
                    "outcome", "ok")).hasValue(3);
            assertThat(receiver.value("lienthong_flow_stage_duration_seconds_count", "direction", "inbound", "stage",
                    "delivery")).hasValue(3);

            assertThat(sender.value("lienthong_axis_calls_total", "call", "sendEdoc", "outcome", "ok")).hasValue(3);
            assertThat(sender.value("lienthong_axis_calls_total", "call", "sendEdoc", "outcome", "permanent")).hasValue(1);
            assertThat(sender.value("lienthong_axis_call_duration_seconds_count", "call", "sendEdoc")).hasValue(4);
            assertThat(receiver.value("lienthong_axis_calls_total", "call", "getEdoc", "outcome", "ok")).hasValue(3);
            assertThat(sender.value("lienthong_axis_last_poll_age_seconds").orElseThrow()).isBetween(0.0, 5.0);

            assertThat(sender.value("lienthong_queue_stats_up")).hasValue(1);
            assertThat(sender.value("lienthong_queue_messages", "queue", "DLQ.lienthong.outbound")).hasValue(1);
            assertThat(sender.value("lienthong_queue_messages", "queue", "lienthong.outbound")).hasValue(0);
            assertThat(sender.value("lienthong_queue_oldest_message_age_seconds", "queue", "DLQ.lienthong.outbound")
                    .orElseThrow()).isBetween(0.0, 60.0);
            assertThat(sender.value("lienthong_dead_letters", "address", "lienthong.inbound")).hasValue(0);

            X509Certificate anchor = pki.root().certificate();
            double days = Duration.between(Instant.now(), anchor.getNotAfter().toInstant()).toSeconds() / 86_400.0;
            assertThat(sender.value("lienthong_certificate_expiry_days", "purpose", "trust-anchor",
                    "subject", anchor.getSubjectX500Principal().getName()).orElseThrow())
                    .isCloseTo(days, org.assertj.core.data.Offset.offset(0.01));

            double data = sender.value("lienthong_data_directory_bytes").orElseThrow();
            double journal = sender.value("lienthong_broker_journal_bytes").orElseThrow();
            assertThat(journal).isPositive().isLessThan(data);
            assertThat(sender.value("lienthong_disk_free_bytes").orElseThrow()).isPositive()
                    .isLessThanOrEqualTo(sender.value("lienthong_disk_total_bytes").orElseThrow());
            assertThat(sender.text()).doesNotContain(office.tracker().list(vn.lienthong.findings.Direction.OUTBOUND, 1)
                    .get(0).key().value()); // no document key as a label
        }
    }

    @Test
    void the_agency_signing_key_a_connector_starts_with_is_watched_for_expiry() throws Exception {
        int port = Scrape.freePorts();
        Properties properties = withManagementPort(port);
        TestPki pki = TestPki.generate(root.resolve("pki"), java.net.URI.create("http://127.0.0.1:9/"));
        Path password = root.resolve("signing-password");
        Files.writeString(password, new String(pki.pkcs12Password()));
        properties.setProperty("lienthong.signing.pkcs12", pki.pkcs12(pki.signer()).toString());
        properties.setProperty("lienthong.signing.secret-file", password.toString());
        try (DemoNetwork network = DemoNetwork.start(root, List.of(
                new DemoNetwork.Agency(TestNetworks.GOVERNMENT_OFFICE, "vpcp.test")), properties)) {
            X509Certificate signer = pki.signer().certificate();
            double days = Duration.between(Instant.now(), signer.getNotAfter().toInstant()).toSeconds() / 86_400.0;
            assertThat(Scrape.of(port).value("lienthong_certificate_expiry_days", "purpose", "signing",
                    "subject", signer.getSubjectX500Principal().getName()).orElseThrow())
                    .isCloseTo(days, org.assertj.core.data.Offset.offset(0.01));
        }
    }

    /** The metric names in the table under "## Metrics" of docs/operating.md. */
    static List<String> documentedMetrics() throws Exception {
        String guide = Files.readString(OPERATING, StandardCharsets.UTF_8);
        String section = guide.substring(guide.indexOf("## Metrics"));
        int next = section.indexOf("\n## ", 3);
        section = next < 0 ? section : section.substring(0, next);
        Matcher row = Pattern.compile("(?m)^\\| `(lienthong_[a-z_]+)`").matcher(section);
        List<String> names = new java.util.ArrayList<>();
        while (row.find()) {
            names.add(row.group(1));
        }
        assertThat(names).as("metrics documented in docs/operating.md").hasSizeGreaterThan(10);
        return names;
    }
}
