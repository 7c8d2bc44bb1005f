package vn.lienthong.runtime;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.main.MainHttpServerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.rest.ApiTls;
import vn.lienthong.http.ListenerLimits;
import vn.lienthong.http.Listening;
import vn.lienthong.http.ManagementTls;
import vn.lienthong.http.VertxListeners;

/**
 * The Vert.x behind Camel's two HTTP servers (the DMS REST API; health, operations and the console): Camel takes it
 * from the registry, so each listener gets its limits (vn.lienthong.http), the REST API its TLS (ApiTls) and the
 * management port its own (ManagementTls).
 */
record HttpAssembly(Vertx vertx, Listening listening, Map<Integer, String> ports) {

    private static final Logger LOG = LoggerFactory.getLogger(HttpAssembly.class);
    /** How long the servers have, once Camel has started, to say whether they listen. */
    private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(30);

    /** Null when neither the REST API nor the management server runs. */
    static HttpAssembly assemble(Wiring wiring, ManagementTls managementTls) {
        ConnectorSettings settings = wiring.settings();
        boolean apiEnabled = Boolean.parseBoolean(wiring.property("lienthong.api.enabled", "true"));
        if (!apiEnabled && !settings.httpEnabled()) {
            return null;
        }
        Vertx vertx = Vertx.vertx(VertxListeners.vertxOptions());
        // A taken port is reported once, by awaitListening, as a setting to change; anything else as Vert.x would.
        vertx.exceptionHandler(unhandled -> {
            if (!Listening.portTaken(unhandled)) {
                LOG.error("Unhandled exception in an HTTP server", unhandled);
            }
        });
        Vertx served = vertx;
        MainHttpServerFactory serverFactory = null;
        if (settings.dmsTls() != null && apiEnabled) {
            served = ApiTls.requestingClientCertificates(vertx);
            serverFactory = ApiTls.serverFactory(settings.dmsTls());
        }
        if (managementTls != null && settings.httpEnabled()) { // TLS on the management port too
            serverFactory = managementTls.around(serverFactory);
        }
        if (serverFactory != null) {
            wiring.bind("apiServerFactory", serverFactory);
        }
        int apiPort = Integer.parseInt(wiring.property("lienthong.api.port", "8774"));
        Listening listening = new Listening();
        wiring.bind("apiVertx", VertxListeners.guarding(served, Map.of(
                apiPort, ListenerLimits.from(wiring.properties(), "lienthong.api", 120_000, 200),
                settings.httpPort(), ListenerLimits.from(wiring.properties(), "lienthong.http", 30_000, 50)), listening));
        Map<Integer, String> ports = new LinkedHashMap<>();
        if (apiEnabled) {
            ports.put(apiPort, wiring.property("lienthong.api.host", "127.0.0.1") + ":" + apiPort + " (lienthong.api.port)");
        }
        if (settings.httpEnabled()) {
            ports.put(settings.httpPort(), settings.httpHost() + ":" + settings.httpPort() + " (lienthong.http.port)");
        }
        return new HttpAssembly(vertx, listening, Map.copyOf(ports));
    }

    /**
     * Once Camel has started: returns when the DMS API and the management port listen; throws
     * IllegalArgumentException, naming the port and its setting, when one is taken or never listened.
     */
    void awaitListening() throws InterruptedException {
        listening.await(ports, LISTEN_TIMEOUT);
    }

    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
