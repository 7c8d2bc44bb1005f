package vn.lienthong.runtime;

import jakarta.jms.ConnectionFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import io.vertx.core.Vertx;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.apache.camel.health.HealthCheck;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.ops.AxisReachability;
import vn.lienthong.ops.ConnectorHealthChecks;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.http.ClientsResource;
import vn.lienthong.ops.http.HeldInboundResource;
import vn.lienthong.ops.http.OverviewResource;
import vn.lienthong.ops.console.ConsoleRoutes;
import vn.lienthong.ops.console.ConsoleSettings;
import vn.lienthong.ops.console.Sessions;
import vn.lienthong.ops.users.UsersFile;
import vn.lienthong.http.ManagementTls;
import org.apache.camel.main.MainHttpServerFactory;
import vn.lienthong.ops.http.OpsAccess;
import vn.lienthong.ops.http.OpsResource;
import vn.lienthong.ops.http.OpsRoutes;
import vn.lienthong.ops.http.OpsToken;
import vn.lienthong.tracking.DocumentFindings;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.transport.AxisSender;
import vn.lienthong.dms.delivery.DeliveryRoutes;
import vn.lienthong.dms.delivery.DmsDelivery;
import java.util.Map;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsGateway;
import vn.lienthong.dms.rest.ApiTls;
import vn.lienthong.dms.rest.DmsRestApi;
import vn.lienthong.dms.rest.RestLimits;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.folder.FolderIntake;
import vn.lienthong.dms.folder.FolderRoutes;
import vn.lienthong.dms.jms.DmsBrokerAccess;
import vn.lienthong.dms.jms.JmsDelivery;
import vn.lienthong.dms.jms.JmsIntake;
import vn.lienthong.dms.jms.JmsRoutes;
import vn.lienthong.dms.webhook.WebhookDelivery;
import vn.lienthong.dms.soap.SoapEndpoint;
import vn.lienthong.dms.soap.SoapSettings;
import vn.lienthong.http.ListenerLimits;
import vn.lienthong.http.VertxListeners;
import vn.lienthong.tracking.PullInbox;
import vn.lienthong.transport.DocumentStore;
import vn.lienthong.transport.FilePermissions;
import vn.lienthong.transport.InboundHold;
import vn.lienthong.transport.InboundIntake;
import vn.lienthong.transport.InboxPoller;
import vn.lienthong.transport.OutboundIntake;
import vn.lienthong.transport.RefusedFolder;
import vn.lienthong.transport.SignatureGate;
import vn.lienthong.signature.document.DocumentVerifier;
import vn.lienthong.signature.document.SignatureSettings;
import vn.lienthong.validation.EnvelopeValidator;
import vn.lienthong.validation.ValidationSettings;

/**
 * One running connector: its broker (embedded, or external by URL), tracking database, document store, axis
 * client, and the Camel flows of routes/*.camel.yaml calling the beans bound here. Several can run in one JVM
 * (the demo runs two agencies), each with its own data directory and broker.
 */
public final class ConnectorRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRuntime.class);
    private static final String ROUTES = "classpath:routes/*.camel.yaml";

    private final ConnectorSettings settings;
    private final EmbeddedBroker broker;
    private final CachingConnectionFactory connectionFactory;
    private final TrackingDatabase database;
    private final AxisClient axis;
    private final Main main;
    private final DocumentTracker tracker;
    private final TransmissionLog log;
    /** The SOAP interface for DMS clients; null when lienthong.soap.enabled is false. */
    private SoapEndpoint soap;
    /** The DMS clients of lienthong.dms.clients-file. */
    private ClientRegistry clients = ClientRegistry.empty();
    /** The Vert.x of Camel's HTTP servers (REST API, health); null when neither runs. */
    private Vertx apiVertx;

    private ConnectorRuntime(ConnectorSettings settings, EmbeddedBroker broker, CachingConnectionFactory connectionFactory,
                             TrackingDatabase database, AxisClient axis, Main main, DocumentTracker tracker,
                             TransmissionLog log) {
        this.settings = settings;
        this.broker = broker;
        this.connectionFactory = connectionFactory;
        this.database = database;
        this.axis = axis;
        this.main = main;
        this.tracker = tracker;
        this.log = log;
    }

    public static ConnectorRuntime start(ConnectorSettings settings) throws Exception {
        Clock clock = Clock.systemUTC();
        Properties properties = settings.resolvedProperties();
        ClientRegistry clients = DmsClients.load(properties); // before anything starts: a bad file stops here
        // --- users and console: the management port is loopback, or TLS, or explicitly allowed plain ---
        ManagementTls managementTls = ManagementTls.fromProperties(properties, System.getenv());
        ConsoleSettings console = ConsoleSettings.from(properties, managementTls != null);
        if (settings.httpEnabled()) {
            ManagementTls.checkExposure(settings.httpHost(), managementTls, properties);
        }
        Path data = DataDirectory.prepare(settings.dataDirectory()); // its user's alone, whatever the umask
        // The DMS-facing acceptor (JMS clients), only when lienthong.broker.dms-acceptor is set.
        DmsBrokerAccess dmsBrokerAccess = DmsBrokerAccess.of(properties, clients);
        EmbeddedBroker broker = settings.embeddedBroker()
                ? EmbeddedBroker.start(data.resolve("broker"), settings.brokerVmId(), properties,
                        dmsBrokerAccess.security(), dmsBrokerAccess::configure)
                : null;
        String brokerUrl = broker != null ? broker.url() : settings.brokerUrl();
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(connectionFactory(brokerUrl));
        connectionFactory.setSessionCacheSize(16);
        TrackingDatabase database = TrackingDatabase.openH2(data.resolve("db"));
        DocumentTracker tracker = new DocumentTracker(database, clock);
        ProcessedMarks marks = new ProcessedMarks(database, clock);
        TransmissionLog log = new TransmissionLog(database, clock);
        AxisClient axis = new AxisClient(settings.axis(), clock);
        DocumentStore store = new DocumentStore(data.resolve("store"));
        EnvelopeValidator validator = new EnvelopeValidator(ValidationSettings.fromProperties(properties),
                DataDirectory.folder(data, "spool"));
        long maxEnvelopeBytes = ValidationSettings.fromProperties(properties).limits().maxEnvelopeBytes();
        int maxAttempts = Integer.parseInt(properties.getProperty("lienthong.queue.max-delivery-attempts").strip());

        Main main = new Main();
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        // A failed step is logged in one line (cause included) and the broker redelivers later: a stack trace on
        // every retry of a long outage would bury the log ops staff read.
        jms.setErrorHandlerLogStackTrace(false);
        main.bind("jms", jms);
        SignatureSettings signatureSettings = SignatureSettings.from(properties, data);
        if (signatureSettings.trustStore().startsWith(data)) {
            FilePermissions.ownerOnlyFolder(signatureSettings.trustStore()); // the default place, empty until anchors are installed
        }
        DocumentVerifier verifier = DocumentVerifier.create(signatureSettings, ValidationSettings.fromProperties(properties).limits(),
                data.resolve("spool"), clock);
        SignatureGate outgoingSignatures = new SignatureGate(verifier, signatureSettings.policy(), log,
                settings.errorFolder(), data.resolve("quarantine/outbound"));
        SignatureGate incomingSignatures = new SignatureGate(verifier, signatureSettings.policy(), log);
        DocumentFindings documentFindings = new DocumentFindings(database);
        OutboundIntake outboundIntake = new OutboundIntake(validator, store, tracker, log,
                RefusedFolder.forDms(settings.errorFolder()), outgoingSignatures, AgencySigner.fromProperties(properties),
                maxEnvelopeBytes, clock);
        main.bind("outboundIntake", outboundIntake);
        main.bind("axisSender", new AxisSender(axis, store, tracker, marks, log, maxAttempts, clock));
        AxisReachability reachability = new AxisReachability(clock);
        main.bind("inboxPoller", new InboxPoller(axis, store, log, reachability));
        EmbeddedBroker startedBroker = broker;
        for (HealthCheck check : ConnectorHealthChecks.of(
                () -> startedBroker == null || startedBroker.isActive(), database.dataSource(), reachability,
                () -> heldCounts(tracker))) {
            main.bind(check.getId() + "-health-check", check);
        }
        InboundIntake inboundIntake = new InboundIntake(validator, store, tracker, documentFindings, log,
                incomingSignatures, settings.ourAgencies(clients), clock);
        main.bind("inboundIntake", inboundIntake);
        PullInbox pullInbox = new PullInbox(database, clock);
        main.bind("dmsDelivery", new DmsDelivery(store, tracker, documentFindings, marks, log, pullInbox, clients, Map.of(
                Delivery.Mode.WEBHOOK, WebhookDelivery.fromProperties(properties, clients, marks, clock),
                Delivery.Mode.JMS, new JmsDelivery(connectionFactory, marks)),
                settings.inbox(), settings.statusInbox()));
        main.bind("dmsClients", clients);
        CamelQueueSender queues = new CamelQueueSender(main, outboundIntake, inboundIntake);
        DmsGateway gateway = new DmsGateway(outboundIntake, queues, tracker, pullInbox, documentFindings,
                data.resolve("dms-work"));
        main.bind("dmsGateway", gateway);
        main.bind("dmsRestApi", new DmsRestApi(gateway, clients, store, data.resolve("api-uploads"),
                RestLimits.from(properties, maxEnvelopeBytes)));
        // --- Folder and JMS interfaces for DMS clients (vn.lienthong.dms.folder, vn.lienthong.dms.jms). ---
        main.bind("folderIntake", new FolderIntake(clients, gateway, maxEnvelopeBytes, clock));
        main.bind("jmsIntake", new JmsIntake(clients, gateway, data.resolve("dms-work"), maxEnvelopeBytes));
        main.configure().addRoutesBuilder(new FolderRoutes(clients));
        main.configure().addRoutesBuilder(new JmsRoutes(clients));
        main.configure().addRoutesBuilder(new DeliveryRoutes(clients));
        // --- end folder and JMS ---
        main.configure().withRoutesIncludePattern(properties.getProperty("lienthong.routes", ROUTES));
        main.setOverrideProperties(camelProperties(settings, properties));
        ConnectorRuntime runtime = new ConnectorRuntime(settings, broker, connectionFactory, database, axis, main, tracker, log);
        runtime.clients = clients;
        if (settings.dmsTls() != null) {
            LOG.info("DMS interfaces (REST, SOAP): {}", settings.dmsTls());
        }
        boolean apiEnabled = Boolean.parseBoolean(properties.getProperty("lienthong.api.enabled", "true").strip());
        if (apiEnabled || settings.httpEnabled()) {
            // --- Camel's HTTP servers (REST API; health and operations) take their Vert.x from the registry: this one
            //     gives each its listener limits (vn.lienthong.http), and the REST API its TLS (ApiTls). ---
            runtime.apiVertx = Vertx.vertx(VertxListeners.vertxOptions());
            Vertx vertx = runtime.apiVertx;
            MainHttpServerFactory serverFactory = null;
            if (settings.dmsTls() != null && apiEnabled) {
                vertx = ApiTls.requestingClientCertificates(vertx);
                serverFactory = ApiTls.serverFactory(settings.dmsTls());
            }
            if (managementTls != null && settings.httpEnabled()) { // --- users and console: TLS on the management port
                serverFactory = managementTls.around(serverFactory);
            }
            if (serverFactory != null) {
                main.bind("apiServerFactory", serverFactory);
            }
            main.bind("apiVertx", VertxListeners.guarding(vertx, Map.of(
                    Integer.parseInt(properties.getProperty("lienthong.api.port", "8774").strip()),
                    ListenerLimits.from(properties, "lienthong.api", 120_000, 200),
                    settings.httpPort(), ListenerLimits.from(properties, "lienthong.http", 30_000, 50))));
        }
        InboundHold hold = new InboundHold(tracker, documentFindings, log, store, queues);
        try {
            main.start();
            if (settings.httpEnabled()) {
                // --- users and console: the ops token (CLI) or a console session; the console beside the API ---
                UsersFile users = UsersFile.of(properties);
                Sessions sessions = new Sessions(users, settings.httpPort(), console.sessionIdle(),
                        console.secureCookie(), clock);
                mountOperationsApi(main, OpsAccess.anyOf(OpsToken.loadOrCreate(settings.opsTokenFile()), sessions),
                        List.of(new HeldInboundResource(hold), new OverviewResource(OverviewResource.basic(tracker, reachability)),
                                new ClientsResource(clients)),
                        router -> ConsoleRoutes.mount(router, users, sessions, console, log, clock));
            }
            // --- SOAP interface (vn.lienthong.dms.soap): opened once Camel runs, since it feeds Camel's queues. ---
            runtime.soap = SoapEndpoint.start(SoapSettings.from(properties), settings.dmsTls(),
                    main.getCamelContext().getRegistry().lookupByNameAndType("dmsGateway", DmsGateway.class),
                    clients, store::pathOf, data.resolve("soap-attachments"));
            // --- end SOAP ---
            // Everything is open now: what the broker and the database made under the umask becomes owner-only too.
            DataDirectory.tighten(data, dmsFolders(settings, clients));
        } catch (Exception e) {
            runtime.close();
            throw e;
        }
        LOG.info("Connector started: {}", settings);
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

    /** The operations API goes on Camel's management server, beside /health. */
    private static void mountOperationsApi(Main main, OpsAccess access, List<OpsResource> resources, RouterMount console)
            throws Exception {
        ManagementHttpServer server = main.getCamelContext().hasService(ManagementHttpServer.class);
        if (server == null) {
            throw new IllegalStateException("the management HTTP server did not start, so the operations API cannot run");
        }
        OpsRoutes.mount(server.getRouter(), access, resources);
        console.mount(server.getRouter());
    }

    /** What else goes on the management server's router after the operations API (the console). */
    private interface RouterMount {
        void mount(io.vertx.ext.web.Router router) throws Exception;
    }

    /** Held inbound packages per state, for /health. */
    private static Map<String, Long> heldCounts(DocumentTracker tracker) {
        Map<DocumentState, Long> counts = tracker.countByState(Direction.INBOUND);
        return Map.of("refused", counts.get(DocumentState.REFUSED), "quarantined", counts.get(DocumentState.QUARANTINED));
    }

    private static ConnectionFactory connectionFactory(String url) {
        String user = System.getenv("LIENTHONG_BROKER_USER");
        String password = System.getenv("LIENTHONG_BROKER_PASSWORD");
        return user == null ? new ActiveMQConnectionFactory(url) : new ActiveMQConnectionFactory(url, user, password);
    }

    /**
     * Our properties feed the routes' placeholders; lienthong.http.* becomes Camel's management server and
     * lienthong.api.* its main server.
     */
    private static Properties camelProperties(ConnectorSettings settings, Properties properties) {
        Properties camel = new Properties();
        camel.putAll(properties);
        camel.setProperty("camel.main.name", "lienthong-" + settings.brokerVmId());
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
        return settings;
    }

    public DocumentTracker tracker() {
        return tracker;
    }

    public TransmissionLog transmissionLog() {
        return log;
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    /** The DMS clients this connector serves (lienthong.dms.clients-file). */
    public ClientRegistry dmsClients() {
        return clients;
    }

    /** Where the SOAP interface listens, when it runs. */
    public Optional<URI> soapAddress() {
        return Optional.ofNullable(soap).map(SoapEndpoint::address);
    }

    /** Messages waiting in one of this connector's queues (embedded broker only; -1 otherwise). */
    public long queueDepth(String queue) {
        return broker == null ? -1 : broker.depth(queue);
    }

    @Override
    public void close() {
        // Stop taking work first, then the things the flows use, the broker last.
        if (soap != null) {
            stopQuietly("SOAP interface", soap::close);
        }
        stopQuietly("Camel", main::stop);
        if (apiVertx != null) {
            stopQuietly("Vert.x of the HTTP servers", () -> apiVertx.close().toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));
        }
        stopQuietly("JMS connections", connectionFactory::destroy);
        stopQuietly("axis client", axis::close);
        stopQuietly("tracking database", database::close);
        if (broker != null) {
            stopQuietly("broker", broker::close);
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
