package vn.lienthong.runtime;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.health.HealthCheck;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.ConnectorHealthChecks;
import vn.lienthong.ops.alerts.AlertEngine;
import vn.lienthong.ops.alerts.Alerts;
import vn.lienthong.ops.users.UsersFile;
import vn.lienthong.tracking.AlertRecords;
import vn.lienthong.tracking.DocumentSearch;
import vn.lienthong.transport.DeadLetters;
import vn.lienthong.transport.DocumentHistory;
import vn.lienthong.transport.OutboundQuarantine;
import vn.lienthong.ops.console.AuditorBasicAccess;
import vn.lienthong.ops.console.ConsoleRoutes;
import vn.lienthong.ops.console.Lockout;
import vn.lienthong.ops.console.ConsoleSettings;
import vn.lienthong.ops.console.Sessions;
import vn.lienthong.ops.http.AuditResource;
import vn.lienthong.ops.http.ClientsResource;
import vn.lienthong.ops.http.DashboardSections;
import vn.lienthong.ops.http.DeadLettersResource;
import vn.lienthong.ops.http.DocumentsResource;
import vn.lienthong.ops.http.EvidenceResource;
import vn.lienthong.audit.EvidenceBundle;
import vn.lienthong.ops.http.HeldResource;
import vn.lienthong.ops.http.OpsAccess;
import vn.lienthong.ops.http.OverviewResource;
import vn.lienthong.ops.http.QueuesResource;
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
    private final BrokerAssembly broker;
    private final TransportAssembly transport;
    private final MetricsAssembly observed;
    private final AuditAssembly audit;
    private final ConsoleSettings console;
    /** The alert engine; empty when lienthong.alerts.enabled is false. */
    private final Optional<AlertEngine> alerts;

    private OperationsAssembly(Wiring wiring, StorageAssembly storage, BrokerAssembly broker, TransportAssembly transport,
                               MetricsAssembly observed, AuditAssembly audit, ConsoleSettings console,
                               Optional<AlertEngine> alerts) {
        this.wiring = wiring;
        this.storage = storage;
        this.broker = broker;
        this.transport = transport;
        this.observed = observed;
        this.audit = audit;
        this.console = console;
        this.alerts = alerts;
    }

    static OperationsAssembly assemble(Wiring wiring, StorageAssembly storage, BrokerAssembly broker,
                                       TransportAssembly transport, MetricsAssembly observed, AuditAssembly audit,
                                       ConsoleSettings console) throws Exception {
        for (HealthCheck check : ConnectorHealthChecks.of(broker::active, storage.database().dataSource(),
                transport.reachability(), () -> heldCounts(storage.tracker()), audit::standing)) {
            wiring.bind(check.getId() + "-health-check", check);
        }
        Alerts.Sources sources = new Alerts.Sources(storage.tracker(), storage.log(), transport.reachability(),
                wiring.data(), observed::certificates);
        Optional<AlertEngine> alerts = Alerts.engine(wiring.properties(), System.getenv(), sources,
                new AlertRecords(storage.database()), wiring.settings().axis().systemId(), wiring.clock());
        return new OperationsAssembly(wiring, storage, broker, transport, observed, audit, console, alerts);
    }

    /** Starts checking the alert rules; call once Camel runs. */
    void startAlerts() {
        alerts.ifPresent(engine -> engine.start(Alerts.interval(wiring.properties())));
    }

    /** Stops the alerts and the metrics' background reading, first, so they do not report the rest stopping. */
    void close() {
        alerts.ifPresent(AlertEngine::close);
        observed.metrics().close();
    }

    /**
     * Mounts the operations API, /metrics and the console on Camel's management server; call once Camel runs. The API
     * takes the operations token (the command line) or a console session.
     */
    void mountApi() throws Exception {
        if (!wiring.settings().httpEnabled()) {
            return;
        }
        ManagementHttpServer server = wiring.main().getCamelContext().hasService(ManagementHttpServer.class);
        if (server == null) {
            throw new IllegalStateException("the management HTTP server did not start, so the operations API cannot run");
        }
        UsersFile users = UsersFile.of(wiring.properties());
        Sessions sessions = new Sessions(users, wiring.settings().httpPort(), console.sessionIdle(),
                console.secureCookie(), wiring.clock());
        // One lockout for every password sign-in: the console's and the audit command line's (HTTP Basic).
        Lockout lockout = Lockout.of(console, wiring.clock());
        OpsRoutes.mount(server.getRouter(), OpsAccess.anyOf(OpsToken.loadOrCreate(wiring.settings().opsTokenFile()),
                sessions, new AuditorBasicAccess(users, lockout, storage.log())), resources());
        ConsoleRoutes.mount(server.getRouter(), users, sessions, console, storage.log(), lockout);
        MetricsWiring.mount(wiring.main(), observed.metrics());
    }

    private List<OpsResource> resources() {
        // The broker's own factory, not the pooled one: dead letters are browsed and moved by consumers not kept.
        DeadLetters deadLetters = new DeadLetters(broker.connectionFactory().getTargetConnectionFactory(),
                storage.tracker(), storage.log(), wiring.maxDeliveryAttempts());
        OutboundQuarantine quarantine = new OutboundQuarantine(wiring.data().resolve("quarantine/outbound"),
                transport.outboundIntake(), storage.tracker(), storage.log(), transport.queues(), wiring.clock());
        return List.of(
                new HeldResource(transport.hold(), quarantine),
                new DeadLettersResource(deadLetters, storage.tracker(), storage.log()),
                new DocumentsResource(new DocumentSearch(storage.database()),
                        new DocumentHistory(storage.tracker(), storage.log(), storage.findings(), storage.store())),
                new QueuesResource(observed.queueStats()),
                new OverviewResource(Stream.concat(
                        OverviewResource.basic(storage.tracker(), transport.reachability()).stream(),
                        DashboardSections.of(observed.metrics(), wiring.clock()).stream()).toList()),
                new ClientsResource(wiring.clients()),
                new EvidenceResource(new EvidenceBundle(storage.database(), wiring.data().resolve("store"),
                        audit.signingKey(), audit::anchorNow)),
                // Exports and bundles of the running connector ask for a fresh anchor when none covers their end.
                new AuditResource(audit.export(wiring, storage)));
    }

    /** Held inbound packages per state, for /health. */
    private static Map<String, Long> heldCounts(DocumentTracker tracker) {
        Map<DocumentState, Long> counts = tracker.countByState(Direction.INBOUND);
        return Map.of("refused", counts.get(DocumentState.REFUSED), "quarantined", counts.get(DocumentState.QUARANTINED));
    }
}
