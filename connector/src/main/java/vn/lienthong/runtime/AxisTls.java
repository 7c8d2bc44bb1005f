package vn.lienthong.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS trust for HTTPS to the axis when the JDK's default trust store does not hold the CA of the axis's
 * certificate (a government CA, say): an SSL context trusting exactly the certificates of a configured store.
 */
final class AxisTls {

    static final String PASSWORD_ENVIRONMENT_VARIABLE = "LIENTHONG_AXIS_TRUST_STORE_PASSWORD";

    private AxisTls() {
    }

    /** Null (the JDK default) when no trust store is configured. */
    static SSLContext sslContext(String trustStore, String type, String password) {
        if (trustStore == null || trustStore.isBlank()) {
            return null;
        }
        Path path = Path.of(trustStore.strip());
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(type == null || type.isBlank() ? "PKCS12" : type.strip());
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the axis trust store " + path + " cannot be used: " + e.getMessage(), e);
        }
    }
}
