package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.Organization;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.TrackedDocument;

/**
 * /health/ready tells the truth: a connector that runs but cannot be relied on answers 503 with the reason, in
 * Vietnamese and English, while /health/live stays up. Each condition is made real: a refusal by the axis, an
 * outage of the axis, a disk below the threshold, an expired certificate in the trust store.
 */
class ReadinessTest {

    private static final Organization UNKNOWN = Organization.withId("000.00.00.H99", "Cơ quan chưa đăng ký trên trục");

    @TempDir
    Path root;

    private int port;

    private DemoNetwork start(Properties properties) throws Exception {
        return DemoNetwork.start(root, List.of(new DemoNetwork.Agency(TestNetworks.GOVERNMENT_OFFICE, "vpcp.test")),
                properties);
    }

    private Properties settings() throws Exception {
        port = Scrape.freePorts();
        return MetricsEndpointTest.withManagementPort(port);
    }

    private HttpResponse<String> ready() throws Exception {
        return Scrape.get(port, "/health/ready");
    }

    private HttpResponse<String> live() throws Exception {
        return Scrape.get(port, "/health/live");
    }

    @Test
    void a_dead_letter_past_the_threshold_makes_ready_say_which_document_and_why() throws Exception {
        Properties properties = settings();
        properties.setProperty("lienthong.health.max-dead-letters", "0");
        try (DemoNetwork network = start(properties)) {
            ConnectorRuntime office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
            await().atMost(Duration.ofSeconds(20)).until(() -> ready().statusCode() == 200);

            new Traffic(root.resolve("work")).send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE, UNKNOWN, 900, 1);

            await().atMost(Duration.ofSeconds(30)).until(() -> ready().statusCode() == 503);
            assertThat(ready().body()).contains("DEAD_LETTERS_OVER_THRESHOLD")
                    .contains("1 thư không chuyển được đang chờ người vận hành, vượt ngưỡng 0")
                    .contains("1 dead letter(s) wait for an operator, past the threshold of 0");
            assertThat(live().statusCode()).isEqualTo(200);
            TrackedDocument deadLetter = office.tracker().latestIn(DocumentState.DEAD_LETTERED).orElseThrow();
            assertThat(deadLetter.recipients()).contains(UNKNOWN.organId());
            assertThat(Scrape.get(port, "/health?data=true").body())
                    .contains("\"latest.key\":\"" + deadLetter.key().value() + "\"")
                    .contains("the axis refused the document").contains("000.00.00.H99");
        }
    }

    @Test
    void an_axis_that_has_not_answered_a_poll_for_too_long_makes_ready_down_but_not_live() throws Exception {
        Properties properties = settings();
        properties.setProperty("lienthong.axis.request-timeout-ms", "1000");
        properties.setProperty("lienthong.health.max-poll-intervals", "5"); // 5 x 200 ms + 1 s
        try (DemoNetwork network = start(properties)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> ready().statusCode() == 200);
            assertThat(ready().body()).contains("\"axis-poll\"");

            network.simulator().outageNow(Duration.ofSeconds(60));

            await().atMost(Duration.ofSeconds(20)).until(() -> ready().body().contains("POLL_TOO_OLD"));
            assertThat(ready().statusCode()).isEqualTo(503);
            assertThat(ready().body()).contains("Lần hỏi trục thành công gần nhất đã cách đây")
                    .contains("The axis last answered a poll");
            assertThat(live().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_disk_below_the_free_space_threshold_makes_ready_down() throws Exception {
        Properties properties = settings();
        // Whatever this disk has free, it is less than all of it: the threshold is really crossed.
        properties.setProperty("lienthong.health.min-free-disk-percent", "100");
        try (DemoNetwork network = start(properties)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> ready().body().contains("DISK_NEARLY_FULL"));
            assertThat(ready().statusCode()).isEqualTo(503);
            var store = Files.getFileStore(root);
            long freePercent = Math.round(100.0 * store.getUsableSpace() / store.getTotalSpace());
            assertThat(ready().body()).contains("Ổ đĩa chứa thư mục dữ liệu chỉ còn trống")
                    .contains("The data directory's disk has only")
                    .containsPattern("only " + (freePercent - 1) + "|only " + freePercent + "|only " + (freePercent + 1));
            assertThat(live().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void an_expired_trust_anchor_makes_ready_down_and_its_days_negative() throws Exception {
        Properties properties = settings();
        TestPki pki = TestPki.generate(root.resolve("pki"), URI.create("http://127.0.0.1:9/"));
        Path anchors = Files.createDirectories(root.resolve("anchors"));
        Files.copy(pki.certificateFile(pki.root()), anchors.resolve("root.pem"));
        Files.copy(pki.certificateFile(pki.expired()), anchors.resolve("expired.pem"));
        properties.setProperty("lienthong.signature.trust-store", anchors.toString());
        try (DemoNetwork network = start(properties)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> ready().statusCode() == 503);
            String subject = pki.expired().certificate().getSubjectX500Principal().getName();
            assertThat(ready().body()).contains("CERTIFICATE_EXPIRED").contains("Chứng thư số đã hết hạn: trust-anchor")
                    .contains("Expired certificate(s): trust-anchor " + subject);
            assertThat(ready().body()).doesNotContain(pki.root().certificate().getSubjectX500Principal().getName() + " (");
            Scrape scrape = Scrape.of(port);
            assertThat(scrape.value("lienthong_certificate_expiry_days", "purpose", "trust-anchor", "subject", subject)
                    .orElseThrow()).isNegative();
            assertThat(scrape.value("lienthong_certificate_expiry_days", "purpose", "trust-anchor", "subject",
                    pki.root().certificate().getSubjectX500Principal().getName()).orElseThrow()).isPositive();
            assertThat(live().statusCode()).isEqualTo(200);
        }
    }
}
