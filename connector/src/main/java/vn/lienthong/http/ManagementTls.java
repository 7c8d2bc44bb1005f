package vn.lienthong.http;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.camel.CamelContext;
import org.apache.camel.Service;
import org.apache.camel.component.platform.http.main.DefaultMainHttpServerFactory;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.HttpServerConfigurationProperties;
import org.apache.camel.main.MainHttpServerFactory;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * TLS on Camel's management server (health, the operations API and the web console), from
 * {@code lienthong.http.tls.*}: a PKCS#12 key store holding the server's key, its password from the environment
 * variable {@value #PASSWORD_VARIABLE} or the file {@value #PASSWORD_FILE}, never a property value. Camel 4.18's
 * management server takes TLS only from Camel's global settings, which every component opting into them would also
 * take; so, as for the REST API ({@code ApiTls}), the server factory Camel finds in its registry sets it on that one
 * server alone.
 *
 * <p>The management port listens on loopback by default. {@link #checkExposure} refuses a start that would open it
 * elsewhere without TLS, unless {@value #ALLOW_PLAIN} says so explicitly (behind a TLS proxy on the same machine).
 */
public final class ManagementTls {

    public static final String KEYSTORE = "lienthong.http.tls.keystore";
    public static final String PASSWORD_FILE = "lienthong.http.tls.keystore-password-file";
    public static final String PASSWORD_VARIABLE = "LIENTHONG_HTTP_TLS_PASSWORD";
    public static final String ALLOW_PLAIN = "lienthong.http.allow-plain-remote";

    private final KeyStore keyStore;
    private final char[] password;

    private ManagementTls(KeyStore keyStore, char[] password) {
        this.keyStore = keyStore;
        this.password = password;
    }

    /** The TLS settings, or null when {@value #KEYSTORE} is empty; anything unusable stops the start, naming the key. */
    public static ManagementTls fromProperties(Properties properties, Map<String, String> environment) {
        String keystore = properties.getProperty(KEYSTORE, "").strip();
        if (keystore.isEmpty()) {
            return null;
        }
        Path file = Path.of(keystore);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(KEYSTORE + ": there is no file " + file.toAbsolutePath());
        }
        KeyStoreFile source = new KeyStoreFile(KEYSTORE, PASSWORD_FILE, PASSWORD_VARIABLE);
        char[] password = source.password(properties, environment);
        return new ManagementTls(source.open(file, password), password);
    }

    /**
     * Refuses a management host other than loopback without TLS, unless {@value #ALLOW_PLAIN} is true: passwords and
     * session cookies of the console would cross the network in clear.
     */
    public static void checkExposure(String host, ManagementTls tls, Properties properties) {
        if (tls != null || Boolean.parseBoolean(properties.getProperty(ALLOW_PLAIN, "false").strip()) || loopback(host)) {
            return;
        }
        throw new IllegalArgumentException("Cổng quản lý (lienthong.http.host=" + host + ") mở ra ngoài máy mà không có TLS:"
                + " mật khẩu và phiên đăng nhập của bảng điều khiển sẽ đi qua mạng không mã hóa. Đặt " + KEYSTORE
                + " (và mật khẩu trong " + PASSWORD_VARIABLE + " hoặc " + PASSWORD_FILE + "), hoặc dùng 127.0.0.1, hoặc"
                + " đặt " + ALLOW_PLAIN + "=true nếu đã có proxy TLS trên cùng máy. / The management port"
                + " (lienthong.http.host=" + host + ") would be open beyond this machine without TLS: the console's"
                + " passwords and sessions would cross the network in clear. Set " + KEYSTORE + " (with its password in "
                + PASSWORD_VARIABLE + " or " + PASSWORD_FILE + "), or listen on 127.0.0.1, or set " + ALLOW_PLAIN
                + "=true when a TLS proxy on the same machine fronts it.");
    }

    /** {@code delegate} (Camel's own factory when null), with this TLS on the management server it creates. */
    public MainHttpServerFactory around(MainHttpServerFactory delegate) {
        return new MainHttpServerFactory() {
            private final DefaultMainHttpServerFactory camel = new DefaultMainHttpServerFactory();

            @Override
            public Service newHttpServer(CamelContext context, HttpServerConfigurationProperties configuration) {
                if (delegate != null) {
                    return delegate.newHttpServer(context, configuration);
                }
                camel.setCamelContext(context);
                return camel.newHttpServer(context, configuration);
            }

            @Override
            public Service newHttpManagementServer(CamelContext context,
                                                   HttpManagementServerConfigurationProperties configuration) {
                Service server;
                if (delegate != null) {
                    server = delegate.newHttpManagementServer(context, configuration);
                } else {
                    camel.setCamelContext(context);
                    server = camel.newHttpManagementServer(context, configuration);
                }
                ((ManagementHttpServer) server).setSslContextParameters(sslContextParameters());
                return server;
            }
        };
    }

    /**
     * What the command line uses to call this server: TLS that trusts exactly the certificate in the key store,
     * whatever name it bears (the commands run on the connector's machine and read the same key store).
     */
    public SSLContext pinnedClientContext() {
        try {
            X509Certificate pinned = null;
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias) && keyStore.getCertificate(alias) instanceof X509Certificate certificate) {
                    pinned = certificate;
                }
            }
            if (pinned == null) {
                throw new IllegalArgumentException(KEYSTORE + " holds no key with its certificate");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinnedServer(pinned)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(KEYSTORE + ": its certificate cannot be used: " + e.getMessage());
        }
    }

    /** Trusts one server certificate, compared whole; a pinned certificate needs no host name check. */
    private static final class PinnedServer extends X509ExtendedTrustManager {

        private final X509Certificate pinned;

        PinnedServer(X509Certificate pinned) {
            this.pinned = pinned;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0 || !chain[0].equals(pinned)) {
                throw new CertificateException("the management port presents another certificate than "
                        + KEYSTORE + " holds");
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("server certificates only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("server certificates only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("server certificates only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    private SSLContextParameters sslContextParameters() {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setKeyStore(keyStore);
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(store);
        keys.setKeyPassword(new String(password));
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setKeyManagers(keys);
        return parameters;
    }

    private static boolean loopback(String host) {
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException unknown) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ManagementTls[PKCS#12]";
    }
}
