package vn.lienthong.runtime;

import java.util.List;
import org.apache.camel.health.HealthCheck;
import vn.lienthong.ops.AxisReachability;
import vn.lienthong.ops.ReadinessChecks;
import vn.lienthong.ops.metrics.CertificateExpiry;
import vn.lienthong.ops.metrics.ConnectorMetrics;
import vn.lienthong.ops.metrics.QueueStats;
import vn.lienthong.signature.document.SignatureSettings;
import vn.lienthong.signature.xml.EnvelopeSigner;

/**
 * What the connector knows about itself while it runs, put together before the flows so each stage can record into
 * it: the metrics (vn.lienthong.ops.metrics) with their background reading of documents, queues and disk, the axis's
 * reachability, the configured certificates, and the readiness checks behind {@code /health/ready}.
 */
record MetricsAssembly(ConnectorMetrics metrics, QueueStats queueStats, AxisReachability reachability,
                       EnvelopeSigner signer, List<CertificateExpiry> certificates) {

    static MetricsAssembly assemble(Wiring wiring, StorageAssembly storage, BrokerAssembly broker) {
        ConnectorSettings settings = wiring.settings();
        EnvelopeSigner signer = AgencySigner.fromProperties(wiring.properties());
        AxisReachability reachability = new AxisReachability(wiring.clock());
        QueueStats queueStats = new QueueStats(broker.newConnectionFactory(), java.time.Duration.ofSeconds(5));
        List<CertificateExpiry> certificates = MetricsWiring.certificates(signer, settings.dmsTls(), wiring.properties(),
                SignatureSettings.from(wiring.properties(), wiring.data()).trustStore());
        ConnectorMetrics metrics = new ConnectorMetrics(new ConnectorMetrics.Sources(
                () -> MetricsWiring.documentCounts(storage.tracker()), queueStats, reachability::lastPoll, certificates,
                wiring.data(), broker.broker() == null ? null : wiring.data().resolve("broker")), wiring.clock());
        if (settings.httpEnabled()) { // without the management server nothing reads them: no background reading
            metrics.start(MetricsWiring.refreshInterval(wiring.properties()));
        }
        for (HealthCheck check : ReadinessChecks.of(metrics, MetricsWiring.thresholds(wiring.properties()),
                () -> MetricsWiring.latestDeadLetter(storage.tracker()), wiring.clock()::instant)) {
            wiring.bind(check.getId() + "-health-check", check);
        }
        return new MetricsAssembly(metrics, queueStats, reachability, signer, certificates);
    }
}
