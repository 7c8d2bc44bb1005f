package vn.lienthong.runtime;

import io.vertx.core.http.HttpMethod;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.DmsTls;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.ReadinessChecks;
import vn.lienthong.ops.metrics.CertificateExpiry;
import vn.lienthong.ops.metrics.ConnectorMetrics;
import vn.lienthong.signature.pki.TrustAnchors;
import vn.lienthong.signature.xml.EnvelopeSigner;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;

/**
 * What the connector's metrics and readiness checks (vn.lienthong.ops.metrics, vn.lienthong.ops.ReadinessChecks)
 * need from the rest of the runtime: its configured certificates, its document counts, its thresholds, and the
 * /metrics route on the management server.
 */
final class MetricsWiring {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsWiring.class);

    private MetricsWiring() {
    }

    /** How often documents, queues and disk are read for /metrics and /health/ready (lienthong.metrics.refresh-ms). */
    static Duration refreshInterval(Properties properties) {
        return Duration.ofMillis(Long.parseLong(properties.getProperty("lienthong.metrics.refresh-ms", "10000").strip()));
    }

    static ReadinessChecks.Thresholds thresholds(Properties properties) {
        return new ReadinessChecks.Thresholds(
                Long.parseLong(properties.getProperty("lienthong.health.max-dead-letters", "10").strip()),
                Integer.parseInt(properties.getProperty("lienthong.health.max-poll-intervals", "5").strip()),
                Duration.ofMillis(Long.parseLong(properties.getProperty("lienthong.axis.poll-interval-ms", "5000").strip())),
                Duration.ofMillis(Long.parseLong(properties.getProperty("lienthong.axis.request-timeout-ms", "120000").strip())),
                Double.parseDouble(properties.getProperty("lienthong.health.min-free-disk-percent", "5").strip()));
    }

    /** Documents per direction and state, every state present. */
    static Map<Direction, Map<String, Long>> documentCounts(DocumentTracker tracker) {
        Map<Direction, Map<String, Long>> counts = new EnumMap<>(Direction.class);
        for (Direction direction : Direction.values()) {
            Map<String, Long> states = new TreeMap<>();
            tracker.countByState(direction).forEach((state, count) -> states.put(state.name(), count));
            counts.put(direction, states);
        }
        return counts;
    }

    /** The newest dead letter, with the last reason it failed. */
    static Optional<ReadinessChecks.DeadLetter> latestDeadLetter(DocumentTracker tracker) {
        return tracker.latestIn(DocumentState.DEAD_LETTERED)
                .map(document -> new ReadinessChecks.DeadLetter(document.key().value(), document.stateReason()));
    }

    /**
     * Every certificate the connector is configured with: the agency's signing key, the DMS interfaces' TLS key and
     * client issuers, the axis's TLS trust store, the trust anchors for signatures. One that cannot be read is left
     * out with a warning: the part that uses it reports that itself.
     */
    static List<CertificateExpiry> certificates(EnvelopeSigner signer, DmsTls dmsTls, Properties properties, Path trustAnchors) {
        List<CertificateExpiry> certificates = new ArrayList<>();
        if (signer != null) {
            certificates.add(CertificateExpiry.of("signing", signer.certificate()));
        }
        if (dmsTls != null) {
            certificates.add(CertificateExpiry.of("dms-tls", dmsTls.serverCertificate()));
            dmsTls.clientIssuers().forEach(issuer -> certificates.add(CertificateExpiry.of("dms-tls-client-issuer", issuer)));
        }
        String axisTrust = properties.getProperty("lienthong.axis.tls.trust-store", "").strip();
        if (!axisTrust.isEmpty()) {
            try (InputStream in = Files.newInputStream(Path.of(axisTrust))) {
                KeyStore store = KeyStore.getInstance(properties.getProperty("lienthong.axis.tls.trust-store-type", "PKCS12").strip());
                String password = System.getenv(AxisTls.PASSWORD_ENVIRONMENT_VARIABLE);
                store.load(in, password == null ? null : password.toCharArray());
                int found = 0;
                for (String alias : Collections.list(store.aliases())) {
                    Certificate certificate = store.getCertificate(alias);
                    if (certificate instanceof X509Certificate x509) {
                        certificates.add(CertificateExpiry.of("axis-tls-trust", x509));
                        found++;
                    }
                }
                if (found == 0) {
                    LOG.warn("The axis trust store {} shows no certificate (without {} a PKCS#12 store hides them): their"
                            + " expiry is not watched", axisTrust, AxisTls.PASSWORD_ENVIRONMENT_VARIABLE);
                }
            } catch (Exception e) {
                LOG.warn("The axis trust store's certificates are left out of the metrics: {}", e.getMessage());
            }
        }
        if (trustAnchors != null && hasFiles(trustAnchors)) {
            try {
                TrustAnchors.load(trustAnchors).anchors()
                        .forEach(anchor -> certificates.add(CertificateExpiry.of("trust-anchor", anchor.getTrustedCert())));
            } catch (RuntimeException e) {
                LOG.warn("The trust anchors are left out of the metrics: {}", e.getMessage());
            }
        }
        return certificates;
    }

    /** GET /metrics on the management server, beside /health: unauthenticated, as Prometheus expects. */
    static void mount(Main main, ConnectorMetrics metrics) {
        ManagementHttpServer server = main.getCamelContext().hasService(ManagementHttpServer.class);
        if (server == null) {
            throw new IllegalStateException("the management HTTP server did not start, so /metrics cannot be served");
        }
        server.getRouter().route(HttpMethod.GET, "/metrics").handler(context -> context.response()
                .putHeader("Content-Type", ConnectorMetrics.CONTENT_TYPE)
                .putHeader("Cache-Control", "no-store")
                .end(metrics.scrape()));
    }

    private static boolean hasFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.findAny().isPresent();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
