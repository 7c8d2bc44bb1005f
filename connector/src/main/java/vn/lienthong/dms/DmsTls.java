package vn.lienthong.dms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import vn.lienthong.http.KeyStoreFile;

/**
 * TLS of the interfaces DMS clients call (REST and SOAP), from {@code lienthong.dms.tls.*}: the server's key and
 * certificate, and which client certificates the handshake lets through. A client certificate is only ever
 * requested, never required, so API-key clients without one still connect; and it never authenticates anyone by
 * itself: only a fingerprint pinned in the clients file does ({@link ClientRegistry#byCertificate}).
 *
 * <p>Without a trust store any client certificate passes the handshake. That is still sound, because the handshake
 * proves the client holds the private key of the certificate it presents, and only the exact pinned certificate
 * matches; it suits self-signed client certificates. With a trust store (the CA that issues the agencies'
 * certificates) the handshake also refuses certificates of other CAs, expired or not yet valid ones, and ones not
 * meant for client authentication: two locks instead of one, and the safer choice where such a CA exists.
 */
public final class DmsTls {

    public static final String KEYSTORE = "lienthong.dms.tls.keystore";
    public static final String PASSWORD_FILE = "lienthong.dms.tls.keystore-password-file";
    public static final String TRUSTSTORE = "lienthong.dms.tls.truststore";
    public static final String PASSWORD_VARIABLE = "LIENTHONG_DMS_TLS_PASSWORD";

    private final KeyStore keyStore;
    private final char[] password;
    private final X509Certificate serverCertificate;
    private final List<X509Certificate> clientIssuers;

    private DmsTls(KeyStore keyStore, char[] password, X509Certificate serverCertificate,
                   List<X509Certificate> clientIssuers) {
        this.keyStore = keyStore;
        this.password = password;
        this.serverCertificate = serverCertificate;
        this.clientIssuers = List.copyOf(clientIssuers);
    }

    /**
     * The TLS settings, or null when {@value #KEYSTORE} is empty (plain HTTP). The password comes from the
     * environment variable {@value #PASSWORD_VARIABLE}, else from the file named by {@value #PASSWORD_FILE}; never
     * from a property value. Anything unusable stops the start with a message naming the key at fault.
     */
    public static DmsTls fromProperties(Properties properties, Map<String, String> environment) {
        String keystore = value(properties, KEYSTORE);
        if (keystore.isEmpty()) {
            return null;
        }
        Path keystoreFile = Path.of(keystore);
        if (!Files.isRegularFile(keystoreFile)) {
            throw new IllegalArgumentException(KEYSTORE + ": there is no file " + keystoreFile.toAbsolutePath());
        }
        KeyStoreFile source = new KeyStoreFile(KEYSTORE, PASSWORD_FILE, PASSWORD_VARIABLE);
        char[] password = source.password(properties, environment);
        KeyStore store = source.open(keystoreFile, password);
        X509Certificate serverCertificate = serverCertificate(store, keystore);
        String truststore = value(properties, TRUSTSTORE);
        List<X509Certificate> issuers = truststore.isEmpty() ? List.of() : issuers(Path.of(truststore), password);
        return new DmsTls(store, password, serverCertificate, issuers);
    }

    /** The key store holding the server's key and certificate chain. */
    public KeyStore keyStore() {
        return keyStore;
    }

    /** The password of the key store and of its key (PKCS#12 has one for both). */
    public char[] password() {
        return password.clone();
    }

    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    /** The CA certificates a client certificate must chain to; empty when only the pinned fingerprints decide. */
    public List<X509Certificate> clientIssuers() {
        return clientIssuers;
    }

    /** The CA certificates as a key store of trusted entries, for APIs that take one; null when there are none. */
    public KeyStore clientIssuerStore() {
        if (clientIssuers.isEmpty()) {
            return null;
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < clientIssuers.size(); i++) {
                store.setCertificateEntry("client-ca-" + i, clientIssuers.get(i));
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("an in-memory key store cannot be made", e);
        }
    }

    public KeyManager[] keyManagers() {
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore, password);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(KEYSTORE + ": the server key cannot be used: " + e.getMessage(), e);
        }
    }

    /** Checks client certificates against {@link #clientIssuers()}, or lets any through when there are none. */
    public TrustManager[] trustManagers() {
        if (clientIssuers.isEmpty()) {
            return new TrustManager[] {new AnyClientCertificate()};
        }
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(clientIssuerStore());
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(TRUSTSTORE + ": the CA certificates cannot be used: " + e.getMessage(), e);
        }
    }

    /** Says what is in use, for the log; never the password. */
    @Override
    public String toString() {
        return "TLS with server certificate " + serverCertificate.getSubjectX500Principal().getName()
                + " (valid until " + serverCertificate.getNotAfter().toInstant() + "); client certificates: "
                + (clientIssuers.isEmpty() ? "any at the handshake, only pinned fingerprints authenticate"
                        : "issued by " + clientIssuers.size() + " trusted CA(s), and pinned");
    }

    /** The certificate of the one key in the store: a second key would leave which one is served to chance. */
    private static X509Certificate serverCertificate(KeyStore store, String file) {
        try {
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1 || !(store.getCertificate(keys.get(0)) instanceof X509Certificate certificate)) {
                throw new IllegalArgumentException(KEYSTORE + ": " + file + " must hold exactly one private key with its"
                        + " certificate, and holds " + keys.size() + " keys " + keys);
            }
            return certificate;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(KEYSTORE + ": " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The CA certificates of a PEM or DER file (one or several), or the trusted certificates of a PKCS#12 store,
     * which is opened with the key store's password.
     */
    private static List<X509Certificate> issuers(Path file, char[] password) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(TRUSTSTORE + ": there is no file " + file.toAbsolutePath());
        }
        List<X509Certificate> issuers = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                issuers.add((X509Certificate) certificate);
            }
        } catch (IOException | CertificateException notCertificates) {
            issuers.clear(); // perhaps a PKCS#12 store
        }
        if (issuers.isEmpty()) {
            issuers.addAll(trustedEntries(file, password));
        }
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException(TRUSTSTORE + ": " + file.toAbsolutePath() + " holds no CA certificate");
        }
        return issuers;
    }

    private static List<X509Certificate> trustedEntries(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<X509Certificate> trusted = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isCertificateEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    trusted.add(certificate);
                }
            }
            return trusted;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(TRUSTSTORE + ": " + file.toAbsolutePath() + " is neither PEM or DER"
                    + " certificates nor a PKCS#12 store opened by the key store's password", e);
        }
    }

    private static String value(Properties properties, String key) {
        return properties.getProperty(key, "").strip();
    }

    /**
     * Lets every client certificate through the handshake (which still proves the client holds its key), so that
     * the pinned fingerprint alone decides. Server side only: never used to trust a server.
     */
    private static final class AnyClientCertificate implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // accepted: ClientRegistry.byCertificate decides
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("this trust manager only accepts client certificates");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
