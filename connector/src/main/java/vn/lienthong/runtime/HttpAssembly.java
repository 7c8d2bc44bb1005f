package vn.lienthong.runtime;

import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.lienthong.dms.rest.ApiTls;
import vn.lienthong.http.ListenerLimits;
import vn.lienthong.http.VertxListeners;

/**
 * The Vert.x behind Camel's two HTTP servers (the DMS REST API; health and operations): Camel takes it from the
 * registry, so each listener gets its limits (vn.lienthong.http) and the REST API its TLS (ApiTls).
 */
record HttpAssembly(Vertx vertx) {

    /** Null when neither the REST API nor the management server runs. */
    static HttpAssembly assemble(Wiring wiring) {
        ConnectorSettings settings = wiring.settings();
        boolean apiEnabled = Boolean.parseBoolean(wiring.property("lienthong.api.enabled", "true"));
        if (!apiEnabled && !settings.httpEnabled()) {
            return null;
        }
        Vertx vertx = Vertx.vertx(VertxListeners.vertxOptions());
        Vertx served = vertx;
        if (settings.dmsTls() != null && apiEnabled) {
            served = ApiTls.requestingClientCertificates(vertx);
            wiring.bind("apiServerFactory", ApiTls.serverFactory(settings.dmsTls()));
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
