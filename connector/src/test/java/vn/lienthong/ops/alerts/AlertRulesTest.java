package vn.lienthong.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.TlsPki;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.AxisReachability;
import vn.lienthong.ops.metrics.CertificateExpiry;
import vn.lienthong.tracking.AlertRecords;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.transport.Steps;

/** Each rule against its real source, and the settings the engine refuses. */
class AlertRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00Z");

    @TempDir
    Path root;

    private TrackingDatabase database;

    @BeforeEach
    void open() {
        database = TrackingDatabase.openH2(root.resolve("db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_certificate_is_announced_at_each_stage_as_its_end_nears_and_once_expired() throws Exception {
        X509Certificate certificate = TlsPki.generate(root.resolve("pki")).server().certificate();
        Instant end = certificate.getNotAfter().toInstant();
        String subject = certificate.getSubjectX500Principal().getName();
        CertificateExpiryRule rule = new CertificateExpiryRule(() -> List.of(CertificateExpiry.of("dms-tls", certificate)),
                List.of(7, 60, 30));

        assertThat(rule.check(end.minus(Duration.ofDays(90)))).isEmpty();
        assertThat(rule.check(end.minus(Duration.ofDays(45)))).singleElement()
                .satisfies(breach -> assertThat(breach.key()).isEqualTo("certificate-expiry:dms-tls:" + subject + ":60"))
                .satisfies(breach -> assertThat(breach.severity()).isEqualTo(Breach.Severity.WARNING));
        assertThat(rule.check(end.minus(Duration.ofDays(20)))).singleElement()
                .satisfies(breach -> assertThat(breach.key()).isEqualTo("certificate-expiry:dms-tls:" + subject + ":30"));
        assertThat(rule.check(end.minus(Duration.ofDays(3)))).singleElement()
                .satisfies(breach -> assertThat(breach.key()).isEqualTo("certificate-expiry:dms-tls:" + subject + ":7"))
                .satisfies(breach -> assertThat(breach.severity()).isEqualTo(Breach.Severity.CRITICAL))
                .satisfies(breach -> assertThat(breach.vietnamese()).contains("hết hạn sau 3 ngày"));
        assertThat(rule.check(end.plusSeconds(1))).singleElement()
                .satisfies(breach -> assertThat(breach.key()).isEqualTo("certificate-expiry:dms-tls:" + subject + ":expired"))
                .satisfies(breach -> assertThat(breach.english()).contains("expired on " + end));
    }

    @Test
    void sends_failing_over_the_rate_in_the_window_are_a_breach_and_older_failures_are_not() {
        Clock earlier = Clock.fixed(NOW.minus(Duration.ofMinutes(30)), ZoneOffset.UTC);
        Clock recent = Clock.fixed(NOW.minus(Duration.ofMinutes(1)), ZoneOffset.UTC);
        append(new TransmissionLog(database, earlier), Steps.SEND_FAILED, 10);
        TransmissionLog log = new TransmissionLog(database, recent);
        SendFailureRule rule = new SendFailureRule(log, Duration.ofMinutes(15), 0.5, 5);
        append(log, Steps.SEND_FAILED, 2);
        append(log, Steps.SENT_TO_AXIS, 2);
        assertThat(rule.check(NOW)).as("4 attempts in the window: fewer than the minimum").isEmpty();

        append(log, Steps.SEND_FAILED, 1);
        assertThat(rule.check(NOW)).singleElement()
                .satisfies(breach -> assertThat(breach.english()).isEqualTo(
                        "3 of 5 sends to the axis in the last 15 min failed (60%)."));
        append(log, Steps.SENT_TO_AXIS, 2);
        assertThat(rule.check(NOW)).as("3 of 7: under half").isEmpty();
    }

    @Test
    void dead_letters_over_the_threshold_are_a_breach() {
        DocumentTracker tracker = new DocumentTracker(database, Clock.fixed(NOW, ZoneOffset.UTC));
        DeadLetterRule rule = new DeadLetterRule(tracker, 0);
        assertThat(rule.check(NOW)).isEmpty();

        DocumentKey key = new DocumentKey("a".repeat(64));
        tracker.register(new TrackedDocument(key, Direction.OUTBOUND, "edoc", "000.00.00.G22", List.of("000.00.00.H26"),
                "G22-1", "1/G22", "b".repeat(64), null, DocumentState.RECEIVED, null, NOW, NOW));
        tracker.advance(key, DocumentState.QUEUED, null);
        tracker.advance(key, DocumentState.DEAD_LETTERED, "refused by the axis");

        assertThat(rule.check(NOW)).singleElement()
                .satisfies(breach -> assertThat(breach.vietnamese()).startsWith("Có 1 văn bản bị đưa vào hàng thư chết"));
        assertThat(new DeadLetterRule(tracker, 1).check(NOW)).isEmpty();
    }

    @Test
    void the_axis_is_a_breach_only_once_it_has_failed_for_the_whole_limit() {
        AxisReachability reachability = new AxisReachability(Clock.fixed(NOW, ZoneOffset.UTC));
        AxisUnreachableRule rule = new AxisUnreachableRule(reachability, Duration.ofMinutes(10));
        reachability.failed("connection refused");

        assertThat(rule.check(NOW.plus(Duration.ofMinutes(9)))).isEmpty();
        assertThat(rule.check(NOW.plus(Duration.ofMinutes(10)))).singleElement()
                .satisfies(breach -> assertThat(breach.english()).contains("connection refused"));
        reachability.answered();
        assertThat(rule.check(NOW.plus(Duration.ofMinutes(11)))).isEmpty();
    }

    @Test
    void a_disk_with_less_free_than_the_threshold_is_a_breach() throws Exception {
        assertThat(new DiskSpaceRule(root, 0).check(NOW)).isEmpty();
        assertThat(new DiskSpaceRule(root, 100.1).check(NOW)).singleElement()
                .satisfies(breach -> assertThat(breach.english()).contains("has only").contains("free"));
    }

    @Test
    void settings_that_cannot_work_stop_the_start_naming_the_key_in_both_languages() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("lienthong.alerts.webhook.url", "http://alerts.example.vn/hook");
        assertThatThrownBy(() -> engine(properties)).isInstanceOf(Alerts.BadSetting.class)
                .hasMessage("lienthong.alerts.webhook.url: phải là https://, hoặc http:// tới chính máy này"
                        + " / must be https://, or http:// to this machine");

        properties.setProperty("lienthong.alerts.webhook.url", "http://127.0.0.1:9/hook");
        Files.writeString(root.resolve("short"), "ngan");
        properties.setProperty("lienthong.alerts.webhook.secret-file", root.resolve("short").toString());
        assertThatThrownBy(() -> engine(properties)).hasMessageContaining("lienthong.alerts.webhook.secret-file")
                .hasMessageContaining("quá ngắn").hasMessageContaining("too short");

        Properties mail = new Properties();
        mail.setProperty("lienthong.alerts.mail.host", "mail.example.vn");
        assertThatThrownBy(() -> engine(mail)).hasMessageContaining("lienthong.alerts.mail.to");
        mail.setProperty("lienthong.alerts.mail.to", "ops@example.vn");
        mail.setProperty("lienthong.alerts.mail.security", "none");
        assertThatThrownBy(() -> engine(mail)).hasMessageContaining("lienthong.alerts.mail.security")
                .hasMessageContaining("only to a mail server on this machine");
    }

    private AlertEngine engine(Properties properties) throws Exception {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Alerts.Sources sources = new Alerts.Sources(new DocumentTracker(database, clock), new TransmissionLog(database, clock),
                new AxisReachability(clock), root, List::of);
        return Alerts.engine(properties, Map.of(), sources, new AlertRecords(database), "vpcp.test", clock).orElseThrow();
    }

    private static void append(TransmissionLog log, String step, int times) {
        for (int i = 0; i < times; i++) {
            log.append(null, step, "ok", 1, null, null);
        }
    }
}
