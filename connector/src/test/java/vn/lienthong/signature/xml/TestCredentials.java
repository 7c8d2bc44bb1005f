package vn.lienthong.signature.xml;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Small keys and certificates made with BouncyCastle for these tests: a root CA, an intermediate, RSA and EC
 * signers under it, and an unrelated self-signed signer. Generated once per JVM (RSA key generation is slow).
 */
public final class TestCredentials {

    /** A private key with its certificate chain, signer first. */
    public record Credential(PrivateKey privateKey, List<X509Certificate> chain) {

        public X509Certificate certificate() {
            return chain.get(0);
        }

        public SigningKey signingKey() {
            return new SigningKey(privateKey, chain);
        }
    }

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    public static final Credential ROOT = selfSigned("CN=Lien Thong Test Root CA,O=Test,C=VN", rsa(), true);
    public static final Credential INTERMEDIATE = issued(ROOT, "CN=Lien Thong Test Issuing CA,O=Test,C=VN", rsa(), true);
    public static final Credential RSA_SIGNER = issued(INTERMEDIATE, "CN=Văn phòng Chính phủ,O=Test,C=VN", rsa(), false);
    public static final Credential EC_SIGNER = issued(INTERMEDIATE, "CN=Bộ Thông tin EC,O=Test,C=VN", ec(), false);
    public static final Credential STRANGER = selfSigned("CN=Stranger,O=Elsewhere,C=VN", rsa(), false);

    private TestCredentials() {
    }

    public static KeyPair rsa() {
        return generate("RSA", 2048);
    }

    static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair generate(String algorithm, int size) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(size);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Credential selfSigned(String subject, KeyPair keys, boolean ca) {
        X509Certificate certificate = certificate(new X500Name(subject), keys, new X500Name(subject), keys.getPrivate(), ca);
        return new Credential(keys.getPrivate(), List.of(certificate));
    }

    static Credential issued(Credential issuer, String subject, KeyPair keys, boolean ca) {
        // The issuer's name exactly as encoded in its certificate, so that chains link byte for byte.
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        X509Certificate certificate = certificate(new X500Name(subject), keys, issuerName, issuer.privateKey(), ca);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuer.chain());
        return new Credential(keys.getPrivate(), chain);
    }

    private static X509Certificate certificate(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey,
                                               boolean ca) {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, ca
                    ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                    : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            String algorithm = issuerKey.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(algorithm).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
