package vn.lienthong.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.health.HealthCheck;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.ConnectorHealthChecks;
import vn.lienthong.ops.alerts.AlertEngine;
import vn.lienthong.ops.alerts.Alerts;
import vn.lienthong.signature.document.SignatureSettings;
import vn.lienthong.signature.pki.TrustAnchors;
import vn.lienthong.tracking.AlertRecords;
import vn.lienthong.ops.http.HeldInboundResource;
import vn.lienthong.ops.http.OpsResource;
import vn.lienthong.ops.http.OpsRoutes;
import vn.lienthong.ops.http.OpsToken;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;

/**
 * What operators see and use on the management port: the health checks beside {@code /health}, bound before Camel
 * starts, and the operations API ({@code /ops/v1}), mounted once the management server runs. A new operations
 * capability adds its resource to {@link #resources}.
 */
final class OperationsAssembly {

    private final Wiring wiring;
    private final StorageAssembly storage;
    private final TransportAssembly transport;
    /** The alert engine; empty when lienthong.alerts.enabled is false. */
    private final Optional<AlertEngine> alerts;

    private OperationsAssembly(Wiring wiring, StorageAssembly storage, TransportAssembly transport,
                               Optional<AlertEngine> alerts) {
        this.wiring = wiring;
        this.storage = storage;
        this.transport = transport;
        this.alerts = alerts;
    }

    static OperationsAssembly assemble(Wiring wiring, StorageAssembly storage, BrokerAssembly broker,
                                       TransportAssembly transport) throws Exception {
        for (HealthCheck check : ConnectorHealthChecks.of(broker::active, storage.database().dataSource(),
                transport.reachability(), () -> heldCounts(storage.tracker()))) {
            wiring.bind(check.getId() + "-health-check", check);
        }
        Alerts.Sources sources = new Alerts.Sources(storage.tracker(), storage.log(), transport.reachability(),
                wiring.data(), () -> certificates(wiring));
        Optional<AlertEngine> alerts = Alerts.engine(wiring.properties(), System.getenv(), sources,
                new AlertRecords(storage.database()), wiring.settings().axis().systemId(), wiring.clock());
        return new OperationsAssembly(wiring, storage, transport, alerts);
    }

    /** Starts checking the alert rules; call once Camel runs. */
    void startAlerts() {
        alerts.ifPresent(engine -> engine.start(Alerts.interval(wiring.properties())));
    }

    void close() {
        alerts.ifPresent(AlertEngine::close);
    }

    /** The certificates whose expiry is watched, by the name operators know them by. */
    private static Map<String, X509Certificate> certificates(Wiring wiring) {
        Map<String, X509Certificate> certificates = new LinkedHashMap<>();
        if (wiring.settings().dmsTls() != null) {
            certificates.put("dms-tls", wiring.settings().dmsTls().serverCertificate());
        }
        Path trustStore = SignatureSettings.from(wiring.properties(), wiring.data()).trustStore();
        if (trustStore != null && Files.isDirectory(trustStore)) {
            for (TrustAnchor anchor : TrustAnchors.load(trustStore).anchors()) {
                X509Certificate certificate = anchor.getTrustedCert();
                certificates.put("trust-anchor " + certificate.getSubjectX500Principal().getName(), certificate);
            }
        }
        return certificates;
    }

    /** Mounts the operations API on Camel's management server; call once Camel runs. */
    void mountApi() throws Exception {
        if (!wiring.settings().httpEnabled()) {
            return;
        }
        ManagementHttpServer server = wiring.main().getCamelContext().hasService(ManagementHttpServer.class);
        if (server == null) {
            throw new IllegalStateException("the management HTTP server did not start, so the operations API cannot run");
        }
        OpsRoutes.mount(server.getRouter(), OpsToken.loadOrCreate(wiring.settings().opsTokenFile()), resources());
    }

    private List<OpsResource> resources() {
        return List.of(new HeldInboundResource(transport.hold()));
    }

    /** Held inbound packages per state, for /health. */
    private static Map<String, Long> heldCounts(DocumentTracker tracker) {
        Map<DocumentState, Long> counts = tracker.countByState(Direction.INBOUND);
        return Map.of("refused", counts.get(DocumentState.REFUSED), "quarantined", counts.get(DocumentState.QUARANTINED));
    }
}
