package vn.lienthong.simulator;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.audit.stamp.LoopbackTsa;
import vn.lienthong.audit.stamp.TimestampAuthority;
import vn.lienthong.audit.stamp.TsaEndpoint;

/**
 * The axis's HTTP protocol (spec/axis-protocol.md) served locally: several systems with their own secrets,
 * store-and-forward mailboxes, HMAC and timestamp checks, and injected faults. Used by tests, by the connector's
 * demo, and by agencies trying their own DMS before touching the real axis. Thread-safe; state is in memory,
 * package bytes in files under the storage directory.
 *
 * <pre>{@code
 * try (AxisSimulator axis = AxisSimulator.start(SimulatorSettings.local(
 *         Map.of("vxp.saas.03", secret), Map.of("000.00.00.G22", "vxp.saas.03"), null))) {
 *     URI endpoint = axis.endpoint();
 * }
 * }</pre>
 */
public final class AxisSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AxisSimulator.class);
    /** Where, in the storage directory, the time-stamping authority's certificate is written. */
    public static final String TSA_CERTIFICATE_FILE = "tsa.pem";
    /** The JDK HTTP server's switch for TCP_NODELAY on its connections; the simulator turns it on (see Listener). */
    public static final String HTTP_NO_DELAY = "sun.net.httpserver.nodelay";

    private final SimulatorSettings settings;
    private final SimulatorStorage storage;
    private final FaultInjector faults;
    private final Counters counters;
    private final Listener listener;
    private final TsaEndpoint tsa;
    private final Path tsaCertificate;

    private AxisSimulator(SimulatorSettings settings, SimulatorStorage storage, FaultInjector faults, Counters counters,
                          Listener listener, TsaEndpoint tsa, Path tsaCertificate) {
        this.settings = settings;
        this.tsa = tsa;
        this.tsaCertificate = tsaCertificate;
        this.storage = storage;
        this.faults = faults;
        this.counters = counters;
        this.listener = listener;
    }

    public static AxisSimulator start(SimulatorSettings settings) throws IOException {
        return start(settings, Clock.systemUTC());
    }

    /** With a given clock, which judges timestamp freshness and stamps list times. */
    static AxisSimulator start(SimulatorSettings settings, Clock clock) throws IOException {
        Objects.requireNonNull(settings, "settings");
        SimulatorStorage storage = SimulatorStorage.create(settings.storageDirectory());
        Registry registry = new Registry(settings.systems(), settings.agencies());
        FaultInjector faults = new FaultInjector(settings.faults());
        Counters counters = new Counters();
        PostOffice postOffice = new PostOffice(clock);
        FaultControl control = new FaultControl(faults);
        TsaEndpoint tsa = new TsaEndpoint(TimestampAuthority.ofThisJvm(clock));
        Path tsaCertificate = storage.root().resolve(TSA_CERTIFICATE_FILE);
        CallRouter router = new CallRouter(
                routes(storage, registry, postOffice, faults, counters, clock),
                new RequestAuthenticator(registry, settings.timestampTolerance(), clock),
                faults, counters, control, tsa);
        Listener listener = new Listener(settings.host(), settings.port(), router);
        control.attach(listener);
        try {
            Files.writeString(tsaCertificate, tsa.authority().certificatePem(), StandardCharsets.US_ASCII);
            listener.start();
        } catch (IOException | RuntimeException e) {
            listener.close();
            storage.close();
            throw e;
        }
        listener.plan(settings.faults().outages());
        AxisSimulator simulator = new AxisSimulator(settings, storage, faults, counters, listener, tsa, tsaCertificate);
        LOG.info("axis simulator listening on {} with {}", simulator.endpoint(), settings);
        return simulator;
    }

    private static Map<String, CallRouter.Route> routes(SimulatorStorage storage, Registry registry,
                                                        PostOffice postOffice, FaultInjector faults, Counters counters,
                                                        Clock clock) {
        PackageIntake intake = new PackageIntake(storage.packages());
        ReceiveCalls receive = new ReceiveCalls(postOffice, counters);
        AgencyCalls agencies = new AgencyCalls(registry);
        Map<String, CallRouter.Route> routes = new LinkedHashMap<>();
        routes.put("/sendEdoc",
                post(AnswerKeys.DOC_ID, new SendEdocCall(intake, registry, postOffice, faults, counters, clock)));
        routes.put("/getReceivedEdocList", post(AnswerKeys.DATA_LIST, receive::receivedList));
        routes.put("/getEdoc", post(AnswerKeys.DATA_TEXT, new GetEdocCall(postOffice, counters)));
        routes.put("/updateStatus", post(AnswerKeys.STATUS_ONLY, receive::updateStatus));
        routes.put("/getSentEdocList", post(AnswerKeys.DATA_LIST, new SentListCall(postOffice)));
        routes.put("/countReceiveEdoc", new CallRouter.Route("GET", AnswerKeys.COUNT, receive::countEdocs));
        routes.put("/countReceiveStatus", new CallRouter.Route("GET", AnswerKeys.COUNT, receive::countStatuses));
        routes.put("/getAgenciesList", post(AnswerKeys.DATA_LIST, agencies::list));
        routes.put("/getAgenciesListQD20", post(AnswerKeys.DATA_LIST, agencies::list));
        routes.put("/registerAgency", post(AnswerKeys.STATUS_ONLY, agencies::register));
        routes.put("/deleteAgency", post(AnswerKeys.STATUS_ONLY, agencies::delete));
        return routes;
    }

    private static CallRouter.Route post(AnswerKeys keys, Call call) {
        return new CallRouter.Route("POST", keys, call);
    }

    /** The base URL clients append the call paths to, e.g. {@code http://127.0.0.1:8780}. */
    public URI endpoint() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + host + ":" + port());
    }

    /** The port listened on; the same across outages, even when the settings asked for any free port. */
    public int port() {
        return listener.port();
    }

    /** Where this simulator keeps its package files; removed on close. */
    public Path storageDirectory() {
        return storage.root();
    }

    /** Replaces the faults while running; outage windows not yet begun are replaced, one under way runs on. */
    public void setFaults(Faults newFaults) {
        Objects.requireNonNull(newFaults, "faults");
        faults.update(newFaults);
        listener.plan(newFaults.outages());
    }

    public Faults faults() {
        return faults.current();
    }

    /** Stops listening now (clients get "connection refused") and listens again on the same port after {@code length}. */
    public void outageNow(Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("an outage must last some time: " + length);
        }
        listener.outageNow(length);
    }

    /** From now on, for {@code length}, every call is answered 503, as an axis that is up but failing. */
    public void unavailableFor(Duration length) {
        faults.unavailableFor(positive(length));
    }

    /** From now on, for {@code length}, every sendEdoc is refused (HTTP 400), as the axis refuses a bad package. */
    public void refuseSendsFor(Duration length) {
        faults.refuseSendsFor(positive(length));
    }

    /**
     * Where a person on this machine injects an outage while the simulator runs ({@code GET}, {@code POST},
     * {@code DELETE}; see docs/axis-and-simulator.md). Obeys loopback callers only, so when the simulator listens
     * on every address this is its loopback one.
     */
    public URI faultControl() {
        return loopbackBase().resolve(FaultControl.FAULTS_PATH);
    }

    /** The endpoint as a caller on this machine reaches it. */
    private URI loopbackBase() {
        boolean everyAddress = settings.host().equals("0.0.0.0") || settings.host().equals("::");
        return everyAddress ? URI.create("http://127.0.0.1:" + port()) : endpoint();
    }

    /**
     * The simulator's RFC 3161 time-stamping authority, for a connector's {@code lienthong.audit.tsa-url} in the demo
     * and tests. Serves loopback callers only, so when the simulator listens on every address this is its loopback
     * one. It is no part of the axis: injected faults leave it alone, and only an outage stops it.
     */
    public URI timestampAuthority() {
        return loopbackBase().resolve(LoopbackTsa.PATH);
    }

    /** The PEM certificate that verifies the time stamps of {@link #timestampAuthority()}, and is their trust anchor. */
    public Path timestampAuthorityCertificate() {
        return tsaCertificate;
    }

    /** While false, the time-stamping authority answers 503, as one that is up but failing. */
    public void setTimestampAuthorityAvailable(boolean available) {
        tsa.setAvailable(available);
    }

    private static Duration positive(Duration length) {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("a fault window must last some time: " + length);
        }
        return length;
    }

    public SimulatorStats stats() {
        return counters.snapshot();
    }

    /** Stops listening and removes the simulator's own package files; nothing else of the caller's is touched. */
    @Override
    public void close() {
        listener.close();
        storage.close();
        LOG.info("axis simulator on port {} stopped", port());
    }
}
