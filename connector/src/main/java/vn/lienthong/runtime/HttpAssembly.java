package vn.lienthong.runtime;

import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.main.MainHttpServerFactory;
import vn.lienthong.dms.rest.ApiTls;
import vn.lienthong.http.ListenerLimits;
import vn.lienthong.http.ManagementTls;
import vn.lienthong.http.VertxListeners;

/**
 * The Vert.x behind Camel's two HTTP servers (the DMS REST API; health, operations and the console): Camel takes it
 * from the registry, so each listener gets its limits (vn.lienthong.http), the REST API its TLS (ApiTls) and the
 * management port its own (ManagementTls).
 */
record HttpAssembly(Vertx vertx) {

    /** Null when neither the REST API nor the management server runs. */
    static HttpAssembly assemble(Wiring wiring, ManagementTls managementTls) {
        ConnectorSettings settings = wiring.settings();
        boolean apiEnabled = Boolean.parseBoolean(wiring.property("lienthong.api.enabled", "true"));
        if (!apiEnabled && !settings.httpEnabled()) {
            return null;
        }
        Vertx vertx = Vertx.vertx(VertxListeners.vertxOptions());
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
        wiring.bind("apiVertx", VertxListeners.guarding(served, Map.of(
                Integer.parseInt(wiring.property("lienthong.api.port", "8774")),
                ListenerLimits.from(wiring.properties(), "lienthong.api", 120_000, 200),
                settings.httpPort(), ListenerLimits.from(wiring.properties(), "lienthong.http", 30_000, 50))));
        return new HttpAssembly(vertx);
    }

    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
