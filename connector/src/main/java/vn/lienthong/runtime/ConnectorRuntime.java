package vn.lienthong.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.soap.SoapEndpoint;
import vn.lienthong.http.ManagementTls;
import vn.lienthong.ops.console.ConsoleSettings;
import vn.lienthong.ops.metrics.QueueStats;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.validation.ValidationSettings;

/**
 * One running connector: its broker (embedded, or external by URL), tracking database, document store, axis
 * client, and the Camel flows of routes/*.camel.yaml calling the beans bound here. Several can run in one JVM
 * (the demo runs two agencies), each with its own data directory and broker.
 */
public final class ConnectorRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRuntime.class);
    private static final String ROUTES = "classpath:routes/*.camel.yaml";

    private final Wiring wiring;
    private final BrokerAssembly broker;
    private final StorageAssembly storage;
    private final TransportAssembly transport;
    private final HttpAssembly http;
    private final OperationsAssembly operations;
    private final MetricsAssembly observed;
    private final AuditAssembly audit;
    /** The SOAP interface for DMS clients; null when it does not run. */
    private SoapEndpoint soap;

    private ConnectorRuntime(Wiring wiring, BrokerAssembly broker, StorageAssembly storage, TransportAssembly transport,
                             HttpAssembly http, OperationsAssembly operations, MetricsAssembly observed,
                             AuditAssembly audit) {
        this.wiring = wiring;
        this.broker = broker;
        this.storage = storage;
        this.transport = transport;
        this.http = http;
        this.operations = operations;
        this.observed = observed;
        this.audit = audit;
    }

    /**
     * Starts a connector: each capability is put together by its assembler (storage, broker, transport, the DMS
     * interfaces, operations), which binds its beans where the flows of routes/*.camel.yaml look them up; then Camel
     * starts, and what needs it running (the operations API, the SOAP interface) opens.
     */
    public static ConnectorRuntime start(ConnectorSettings settings) throws Exception {
        Properties properties = settings.resolvedProperties();
        ClientRegistry clients = DmsClients.load(properties); // before anything starts: a bad file stops here
        // The management port is loopback, or TLS, or explicitly allowed plain; the console's settings hold together.
        ManagementTls managementTls = ManagementTls.fromProperties(properties, System.getenv());
        ConsoleSettings console = ConsoleSettings.from(properties, managementTls != null);
        if (settings.httpEnabled()) {
            ManagementTls.checkExposure(settings.httpHost(), managementTls, properties);
        }
        Path data = DataDirectory.prepare(settings.dataDirectory()); // its user's alone, whatever the umask
        Wiring wiring = new Wiring(settings, properties, ValidationSettings.fromProperties(properties), clients, data,
                Clock.systemUTC(), new Main());
        BrokerAssembly broker = BrokerAssembly.start(wiring);
        StorageAssembly storage = StorageAssembly.open(wiring);
        MetricsAssembly observed = MetricsAssembly.assemble(wiring, storage, broker);
        TransportAssembly transport = TransportAssembly.assemble(wiring, storage, broker, observed);
        DmsAssembly dms = DmsAssembly.assemble(wiring, storage, broker, transport, observed);
        AuditAssembly audit = AuditAssembly.assemble(wiring, storage, observed);
        OperationsAssembly operations = OperationsAssembly.assemble(wiring, storage, broker, transport, observed, audit,
                console);
        wiring.main().configure().withRoutesIncludePattern(properties.getProperty("lienthong.routes", ROUTES));
        wiring.main().setOverrideProperties(camelProperties(settings, properties));
        if (settings.dmsTls() != null) {
            LOG.info("DMS interfaces (REST, SOAP): {}", settings.dmsTls());
        }
        ConnectorRuntime runtime = new ConnectorRuntime(wiring, broker, storage, transport, HttpAssembly.assemble(wiring, managementTls),
                operations, observed, audit);
        try {
            wiring.main().start();
            if (runtime.http != null) {
                runtime.http.awaitListening(); // Camel runs on without a server whose port is taken
            }
            operations.mountApi();
            operations.startAlerts();
            audit.start(wiring, storage);
            runtime.soap = dms.openSoap(wiring, storage);
            // Everything is open now: what the broker and the database made under the umask becomes owner-only too.
            DataDirectory.tighten(data, dmsFolders(settings, clients));
        } catch (Exception e) {
            runtime.close();
            throw e;
        }
        LOG.info("Connector started: {}", settings);
        LOG.info("JVM: {}", JvmFacts.describe());
        return runtime;
    }

    /** The DMS's folders, which may lie inside the data directory and keep the permissions the DMS needs. */
    private static List<Path> dmsFolders(ConnectorSettings settings, ClientRegistry clients) {
        List<Path> folders = new ArrayList<>(List.of(settings.outbox(), settings.inbox(), settings.statusInbox(),
                settings.errorFolder()));
        clients.all().stream().map(client -> client.delivery().folder()).filter(Objects::nonNull)
                .map(Path::toAbsolutePath).forEach(folders::add);
        return folders;
    }

    /**
     * Our properties feed the routes' placeholders; lienthong.http.* becomes Camel's management server and
     * lienthong.api.* its main server.
     */
    private static Properties camelProperties(ConnectorSettings settings, Properties properties) {
        Properties camel = new Properties();
        camel.putAll(properties);
        camel.setProperty("camel.main.name", "lienthong-" + settings.brokerVmId());
        // The inbox poll's scheduler ticks at the busy delay, or at the poll interval when that is shorter; the poller
        // decides at each tick whether the axis is listed (InboxPoller.Pacing).
        camel.setProperty("lienthong.axis.poll-tick-ms", Long.toString(Math.min(
                Long.parseLong(properties.getProperty("lienthong.axis.poll-interval-ms", "5000").strip()),
                Long.parseLong(properties.getProperty("lienthong.axis.busy-poll-delay-ms", "500").strip()))));
        camel.setProperty("lienthong.intake.consumers", Integer.toString(TransportAssembly.intakeConsumers(properties)));
        // In-flight work is in transactions: on stop, what is not finished in time rolls back and is redelivered.
        camel.setProperty("camel.main.shutdownTimeout", "10");
        camel.setProperty("camel.management.enabled", Boolean.toString(settings.httpEnabled()));
        camel.setProperty("camel.management.host", settings.httpHost());
        camel.setProperty("camel.management.port", Integer.toString(settings.httpPort()));
        camel.setProperty("camel.management.healthCheckEnabled", "true");
        camel.setProperty("camel.management.healthPath", "/health");
        // Every check with its details (held inbound packages per state, why the axis is down), not only the status.
        camel.setProperty("camel.health.exposureLevel", "full");
        // The DMS REST API (routes/dms-rest.camel.yaml) on Camel's main server, apart from health. Bodies are read by
        // the REST beans themselves, streamed to disk after authentication, so the server's upload handling stays off.
        camel.setProperty("camel.server.enabled", properties.getProperty("lienthong.api.enabled", "true").strip());
        camel.setProperty("camel.server.host", properties.getProperty("lienthong.api.host", "127.0.0.1").strip());
        camel.setProperty("camel.server.port", properties.getProperty("lienthong.api.port", "8774").strip());
        camel.setProperty("camel.server.fileUploadEnabled", "false");
        return camel;
    }

    public ConnectorSettings settings() {
        return wiring.settings();
    }

    public DocumentTracker tracker() {
        return storage.tracker();
    }

    public TransmissionLog transmissionLog() {
        return storage.log();
    }

    /** The processor time the log's anchoring has used, when it runs (for the benchmark harness). */
    public Optional<java.time.Duration> anchoringCpuTime() {
        return audit.anchoring().map(vn.lienthong.audit.Anchoring::cpuTime);
    }

    public CamelContext camelContext() {
        return wiring.main().getCamelContext();
    }

    /** The DMS clients this connector serves (lienthong.dms.clients-file). */
    public ClientRegistry dmsClients() {
        return wiring.clients();
    }

    /** Where the SOAP interface listens, when it runs. */
    public Optional<URI> soapAddress() {
        return Optional.ofNullable(soap).map(SoapEndpoint::address);
    }

    /**
     * Messages waiting in one of this connector's queues: from the embedded broker itself, or from an external one's
     * management (0 for a queue it does not have; -1 when it cannot be asked, or when the embedded broker's queue
     * did not take in what was sent to it in time).
     */
    public long queueDepth(String queue) {
        if (broker.broker() != null) {
            return broker.broker().depth(queue);
        }
        try {
            return observed.queueStats().read().stream().filter(stat -> stat.name().equals(queue))
                    .mapToLong(QueueStats.Queue::messages).findFirst().orElse(0);
        } catch (QueueStats.Unavailable e) {
            return -1;
        }
    }

    @Override
    public void close() {
        // Stop taking work first, then the things the flows use, the broker last.
        if (soap != null) {
            stopQuietly("SOAP interface", soap::close);
        }
        stopQuietly("alerts and metrics", operations::close);
        stopQuietly("log anchoring", audit::close);
        stopQuietly("Camel", wiring.main()::stop);
        // After Camel: a poll under way has ended or been stopped; a fetch cut short was never acknowledged.
        stopQuietly("inbox fetchers", transport.inboxFetchers()::shutdownNow);
        if (http != null) {
            stopQuietly("Vert.x of the HTTP servers", http::close);
        }
        stopQuietly("JMS connections", broker.connectionFactory()::destroy);
        stopQuietly("axis client", transport.axis()::close);
        stopQuietly("tracking database", storage.database()::close);
        if (broker.broker() != null) {
            stopQuietly("broker", broker.broker()::close);
        }
    }

    private interface Stopping {
        void stop() throws Exception;
    }

    private static void stopQuietly(String what, Stopping stopping) {
        try {
            stopping.stop();
        } catch (Exception e) {
            LOG.warn("Stopping the {} failed: {}", what, e.getMessage());
        }
    }
}
