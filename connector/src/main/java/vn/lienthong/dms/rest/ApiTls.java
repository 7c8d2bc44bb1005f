package vn.lienthong.dms.rest;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.main.DefaultMainHttpServerFactory;
import org.apache.camel.component.platform.http.main.MainHttpServer;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.apache.camel.main.MainHttpServerFactory;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustAllTrustManager;
import org.apache.camel.support.jsse.TrustManagersParameters;
import vn.lienthong.dms.DmsTls;

/**
 * TLS on Camel's main HTTP server, which serves the REST API, with a client certificate requested but not required.
 *
 * <p>Two pieces, both bound in Camel's registry, where Camel Main looks them up. {@link #serverFactory} gives the
 * key and trust material to the API server only, not to the health server nor, as {@code camel.ssl.*} would, to
 * every component that opts into Camel's global TLS settings, which would then inherit a trust-anything manager.
 * {@link #requestingClientCertificates} is needed because Camel 4.18 copies only key and trust material onto
 * Vert.x's server options ({@code VertxHelper.setupSSLOptions}) and drops {@code clientAuthentication}: the server
 * would never ask for a certificate. Camel takes its Vert.x instance from the registry, so the one bound there
 * asks for it.
 */
public final class ApiTls {

    private ApiTls() {
    }

    /** Creates Camel's HTTP servers as Camel would, the API server with {@code tls}. */
    public static MainHttpServerFactory serverFactory(DmsTls tls) {
        return new MainHttpServerFactory() {
            private final DefaultMainHttpServerFactory camel = new DefaultMainHttpServerFactory();

            @Override
            public Service newHttpServer(CamelContext context, HttpServerConfigurationProperties configuration) {
                camel.setCamelContext(context);
                MainHttpServer server = (MainHttpServer) camel.newHttpServer(context, configuration);
                server.setSslContextParameters(sslContextParameters(tls));
                return server;
            }

            @Override
            public Service newHttpManagementServer(CamelContext context,
                                                   HttpManagementServerConfigurationProperties configuration) {
                camel.setCamelContext(context);
                return camel.newHttpManagementServer(context, configuration);
            }
        };
    }

    /**
     * {@code vertx} with one difference: an HTTP server it creates with TLS on requests a client certificate
     * (REQUEST: a client without one still connects, and may authenticate with its API key).
     */
    public static Vertx requestingClientCertificates(Vertx vertx) {
        return (Vertx) Proxy.newProxyInstance(Vertx.class.getClassLoader(), new Class<?>[] {Vertx.class},
                (proxy, method, arguments) -> {
                    if ("createHttpServer".equals(method.getName()) && arguments != null && arguments.length == 1
                            && arguments[0] instanceof HttpServerOptions options && options.isSsl()) {
                        options.setClientAuth(ClientAuth.REQUEST);
                    }
                    try {
                        return method.invoke(vertx, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static SSLContextParameters sslContextParameters(DmsTls tls) {
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setKeyStore(tls.keyStore());
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(keyStore);
        keys.setKeyPassword(new String(tls.password()));
        TrustManagersParameters trust = new TrustManagersParameters();
        if (tls.clientIssuers().isEmpty()) {
            // Camel passes on this one trust manager as it is (any other custom one it ignores); see DmsTls.
            trust.setTrustManager(TrustAllTrustManager.INSTANCE);
        } else {
            KeyStoreParameters issuers = new KeyStoreParameters();
            issuers.setKeyStore(tls.clientIssuerStore());
            trust.setKeyStore(issuers);
        }
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setKeyManagers(keys);
        parameters.setTrustManagers(trust);
        return parameters;
    }
}
