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
 * Who is calling: the DMS client whose API key is in {@code X-Api-Key} or {@code Authorization: Bearer <key>},
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
        String key = apiKey(message);
        if (key != null) {
            return registry.byApiKey(key);
        }
        return certificate(RequestBody.of(message)).flatMap(registry::byCertificate);
    }

    private static String apiKey(Message message) {
        String key = message.getHeader("X-Api-Key", String.class);
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        String authorization = message.getHeader("Authorization", String.class);
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
