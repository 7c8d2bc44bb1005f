package vn.lienthong.dms.rest;

import io.vertx.core.http.HttpServerRequest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.camel.Message;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsClient;

/**
 * Who is calling: the DMS client whose API key is in the header {@code X-Api-Key} or {@code Authorization: Bearer <key>}
 * (a key in the query string is not looked at),
 * else, on a TLS connection, the one whose certificate the client presented. A key that is given but wrong is not
 * rescued by a certificate: the caller meant to use the key.
 */
final class Callers {

    private static final String BEARER = "bearer ";

    private final ClientRegistry registry;

    Callers(ClientRegistry registry) {
        this.registry = registry;
    }

    Optional<DmsClient> identify(Message message) {
        HttpServerRequest request = RequestBody.of(message);
        String key = apiKey(request);
        if (key != null) {
            return registry.byApiKey(key);
        }
        return certificate(request).flatMap(registry::byCertificate);
    }

    /**
     * From the request's own HTTP headers, never from Camel's message headers: platform-http copies query
     * parameters into those, and a key in a URL ends up in proxies' and servers' access logs and browser histories.
     */
    private static String apiKey(HttpServerRequest request) {
        String key = request.getHeader("X-Api-Key");
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            String bearer = authorization.substring(BEARER.length()).strip();
            return bearer.isEmpty() ? null : bearer;
        }
        return null;
    }

    private static Optional<X509Certificate> certificate(HttpServerRequest request) {
        if (!request.isSSL()) {
            return Optional.empty();
        }
        try {
            List<Certificate> chain = request.connection().peerCertificates();
            return chain == null || chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)
                    ? Optional.empty() : Optional.of(leaf);
        } catch (SSLPeerUnverifiedException noCertificate) {
            return Optional.empty();
        }
    }
}
