package vn.lienthong.ops.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.metrics.CertificateExpiry;
import vn.lienthong.ops.metrics.ConnectorMetrics;
import vn.lienthong.ops.metrics.QueueStats;

/** The dashboard's parts made from the metrics' readings, as the overview answers them. */
class DashboardSectionsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

    @TempDir
    Path data;

    @Test
    void the_overview_tells_certificates_disk_throughput_and_queues_as_the_metrics_last_read_them() throws Exception {
        Files.write(data.resolve("document.edxml"), new byte[1000]);
        List<CertificateExpiry> certificates = List.of(
                new CertificateExpiry("signing", "CN=Ký số Hà Nội", NOW.plus(Duration.ofHours(29 * 24 + 12))),
                new CertificateExpiry("trust-anchor", "CN=Gốc cũ", NOW.minus(Duration.ofHours(36))));
        ConnectorMetrics.Sources sources = new ConnectorMetrics.Sources(() -> Map.of(Direction.OUTBOUND, Map.of()),
                new QueueStats(brokerDown(), Duration.ofMillis(100)), () -> null, certificates, data, null);
        try (ConnectorMetrics metrics = new ConnectorMetrics(sources, Clock.fixed(NOW, ZoneOffset.UTC))
                .start(Duration.ofHours(1))) {
            metrics.stage(Direction.OUTBOUND, "sent", "sent", Duration.ofMillis(5));
            metrics.stage(Direction.OUTBOUND, "sent", "sent", Duration.ofMillis(5));
            metrics.stage(Direction.OUTBOUND, "sent", "failed", Duration.ofMillis(5));
            metrics.stage(Direction.INBOUND, "delivery", "ok", Duration.ofMillis(5));

            Map<String, Object> overview = new LinkedHashMap<>();
            DashboardSections.of(metrics, Clock.fixed(NOW, ZoneOffset.UTC))
                    .forEach(section -> overview.put(section.name(), section.value().get()));

            assertThat(overview).containsOnlyKeys("queues", "certificates", "disk", "throughput");
            assertThat(overview.get("certificates")).asList().extracting("purpose", "subject", "daysLeft").containsExactly(
                    org.assertj.core.groups.Tuple.tuple("signing", "CN=Ký số Hà Nội", 29L),
                    org.assertj.core.groups.Tuple.tuple("trust-anchor", "CN=Gốc cũ", -2L));
            assertThat(overview.get("disk")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("dataBytes", 1000L).containsEntry("journalBytes", 0L)
                    .containsEntry("measured", NOW.toString());
            assertThat(overview.get("throughput")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("sent", 2L).containsEntry("delivered", 1L).containsEntry("received", 0L)
                    .containsEntry("sentTotal", 2L);
            assertThat(overview.get("queues")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .as("a broker that cannot be asked is said, not shown as empty").containsEntry("known", false)
                    .containsEntry("queues", List.of());
        }
    }

    /** A broker that refuses every connection. */
    private static ConnectionFactory brokerDown() {
        return (ConnectionFactory) Proxy.newProxyInstance(DashboardSectionsTest.class.getClassLoader(),
                new Class<?>[] {ConnectionFactory.class}, (proxy, method, args) -> {
                    throw new JMSException("the broker is down");
                });
    }
}
