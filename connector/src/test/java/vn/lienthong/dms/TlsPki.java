package vn.lienthong.dms;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small TLS PKI made fresh for a test (EC P-256 keys, fast): a CA, the connector's server certificate for
 * 127.0.0.1 and localhost, and client certificates issued by the CA or self-signed. Writes the files an operator
 * would have: the server's PKCS#12 key store, its password file, the CA as PEM.
 */
public final class TlsPki {

    /** Test-only password of every key store here; the keys protect nothing. */
    public static final String PASSWORD = "mat-khau-thu-nghiem";
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A key with its certificate; {@code chain} is leaf first. */
    public record Party(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {

        public String fingerprint() {
            return ClientRegistry.fingerprint(certificate);
        }
    }

    private static final X500Name CA_NAME = new X500Name("CN=CA may khach DMS thu nghiem,O=Thu nghiem,C=VN");

    private final Path directory;
    private final Party ca;
    private final Party server;

    private TlsPki(Path directory, Party ca, Party server) {
        this.directory = directory;
        this.ca = ca;
        this.server = server;
    }

    public static TlsPki generate(Path directory) throws Exception {
        Files.createDirectories(directory);
        KeyPair caKeys = keyPair();
        JcaX509v3CertificateBuilder caBuilder = builder(CA_NAME, CA_NAME, caKeys, Duration.ofDays(3650));
        caBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        caBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate caCertificate = sign(caBuilder, caKeys.getPrivate());
        Party ca = new Party(caKeys.getPrivate(), caCertificate, List.of(caCertificate));

        KeyPair serverKeys = keyPair();
        JcaX509v3CertificateBuilder serverBuilder = builder(CA_NAME, new X500Name("CN=127.0.0.1,O=Thu nghiem,C=VN"),
                serverKeys, Duration.ofDays(365));
        serverBuilder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()),
                new GeneralName(GeneralName.dNSName, "localhost")}));
        serverBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        serverBuilder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509Certificate serverCertificate = sign(serverBuilder, caKeys.getPrivate());
        Party server = new Party(serverKeys.getPrivate(), serverCertificate, List.of(serverCertificate, caCertificate));

        TlsPki pki = new TlsPki(directory, ca, server);
        pki.writePkcs12(server, serverKeyStore(directory));
        Files.writeString(directory.resolve("ca.pem"), pem(caCertificate), StandardCharsets.US_ASCII);
        Files.writeString(directory.resolve("password.txt"), PASSWORD + "\n", StandardCharsets.UTF_8);
        return pki;
    }

    /** A client certificate the CA issued (extendedKeyUsage clientAuth). */
    public Party client(String name) throws Exception {
        KeyPair keys = keyPair();
        JcaX509v3CertificateBuilder builder = builder(CA_NAME, new X500Name("CN=" + name + ",O=Thu nghiem,C=VN"), keys,
                Duration.ofDays(365));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        X509Certificate certificate = sign(builder, ca.key());
        return new Party(keys.getPrivate(), certificate, List.of(certificate, ca.certificate()));
    }

    /** A client certificate nobody's CA issued, as a DMS vendor might make with openssl req -x509. */
    public static Party selfSigned(String name) throws Exception {
        KeyPair keys = keyPair();
        X500Name subject = new X500Name("CN=" + name + ",O=Thu nghiem,C=VN");
        X509Certificate certificate = sign(builder(subject, subject, keys, Duration.ofDays(365)), keys.getPrivate());
        return new Party(keys.getPrivate(), certificate, List.of(certificate));
    }

    public Party ca() {
        return ca;
    }

    public Party server() {
        return server;
    }

    public Path serverKeyStore() {
        return serverKeyStore(directory);
    }

    public Path passwordFile() {
        return directory.resolve("password.txt");
    }

    public Path caPem() {
        return directory.resolve("ca.pem");
    }

    /** lienthong.dms.tls.* for the server key store; with the CA as trust store, or pinned fingerprints only. */
    public Properties settings(boolean trustTheCa) {
        Properties properties = new Properties();
        properties.setProperty(DmsTls.KEYSTORE, serverKeyStore().toString());
        properties.setProperty(DmsTls.PASSWORD_FILE, passwordFile().toString());
        properties.setProperty(DmsTls.TRUSTSTORE, trustTheCa ? caPem().toString() : "");
        return properties;
    }

    /** A client's TLS: trusts the connector's certificate (through the CA); presents {@code client}'s unless null. */
    public SSLContext clientContext(Party client) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trustFactory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustFactory.init(trust);
        KeyManagerFactory keyFactory = null;
        if (client != null) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", client.key(), PASSWORD.toCharArray(), client.chain().toArray(new X509Certificate[0]));
            keyFactory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyFactory.init(keys, PASSWORD.toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyFactory == null ? null : keyFactory.getKeyManagers(), trustFactory.getTrustManagers(), null);
        return context;
    }

    public static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    /** {@code party}'s key and chain as a PKCS#12 file with {@link #PASSWORD}. */
    public Path writePkcs12(Party party, Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", party.key(), PASSWORD.toCharArray(), party.chain().toArray(new X509Certificate[0]));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private static Path serverKeyStore(Path directory) {
        return directory.resolve("server.p12");
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static JcaX509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys, Duration validity) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), subject, keys.getPublic());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
    }
}
