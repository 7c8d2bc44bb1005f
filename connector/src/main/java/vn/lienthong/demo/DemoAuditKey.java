package vn.lienthong.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Properties;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import vn.lienthong.demo.DemoNetwork.Agency;
import vn.lienthong.transport.FilePermissions;

/**
 * A demo agency's key for anchoring its transmission log: a fresh RSA key with a self-signed certificate in a
 * PKCS#12 file beside the agency's data, its password in a file of its own (both the user's alone). A real agency
 * anchors with its own signing key; the demo's envelopes stay unsigned as before, so only the log uses this one.
 */
final class DemoAuditKey {

    private DemoAuditKey() {
    }

    /** Makes the key (or keeps the one made before) and points {@code properties} at it. */
    static void configure(Path root, Agency agency, Properties properties) throws IOException {
        Path store = root.resolve(agency.systemId() + "-audit.p12");
        Path secret = root.resolve(agency.systemId() + "-audit.secret");
        if (!Files.exists(store) || !Files.exists(secret)) {
            Files.deleteIfExists(store);
            Files.deleteIfExists(secret);
            make(agency, store, secret);
        }
        properties.setProperty("lienthong.audit.signing.pkcs12", store.toString());
        properties.setProperty("lienthong.audit.signing.secret-file", secret.toString());
    }

    private static void make(Agency agency, Path store, Path secret) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("audit", keys.getPrivate(), password,
                    new Certificate[] {selfSigned(keys, "CN=" + agency.organId() + " demo log anchoring,O=LienThong demo,C=VN")});
            try (OutputStream out = FilePermissions.newOwnerOnlyFile(secret)) {
                out.write(new String(password).getBytes(StandardCharsets.UTF_8));
            }
            try (OutputStream out = FilePermissions.newOwnerOnlyFile(store)) {
                keyStore.store(out, password);
            }
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make the demo's anchoring key for " + agency.organId(), e);
        }
    }

    private static X509Certificate selfSigned(KeyPair keys, String subject)
            throws OperatorCreationException, GeneralSecurityException {
        Instant now = Instant.now();
        X500Name name = new X500Name(subject);
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }
}
