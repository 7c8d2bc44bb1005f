package vn.lienthong.audit.stamp;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A small RFC 3161 time-stamping authority for tests, the simulator and the demo: it answers a DER
 * TimeStampReq with a DER TimeStampResp, signed with its own key. By default the key is a fresh RSA-2048 one and
 * the certificate is self-signed with a critical extendedKeyUsage of id-kp-timeStamping (what RFC 3161 asks of a
 * TSA) and basicConstraints CA:true, so that {@code openssl ts -verify -CAfile tsa.pem} accepts it as its own
 * trust anchor. Not a trusted time source: its time is this machine's clock.
 */
public final class TimestampAuthority {

    /** A policy under the 2.999 arc, which X.660 sets aside for examples; a real TSA names its own. */
    public static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.999.3161.1");
    public static final String SUBJECT = "CN=LienThong Loopback TSA,O=LienThong test,C=VN";
    private static final Set<ASN1ObjectIdentifier> ACCEPTED_DIGESTS = Set.of(
            NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final X509Certificate certificate;
    private final TimeStampResponseGenerator responses;
    private final Clock clock;
    /** Started at random, so that an authority made again from the same key and certificate repeats no serial. */
    private final AtomicLong serials = new AtomicLong(new SecureRandom().nextLong() >>> 2);

    public TimestampAuthority(PrivateKey key, X509Certificate certificate, Clock clock) {
        this.certificate = certificate;
        this.clock = clock;
        try {
            String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .build(new JcaContentSignerBuilder(algorithm).build(key), certificate),
                    new JcaDigestCalculatorProviderBuilder().build().get(
                            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(certificate)));
            tokens.setTSA(new GeneralName(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())));
            this.responses = new TimeStampResponseGenerator(tokens, ACCEPTED_DIGESTS);
        } catch (OperatorCreationException | GeneralSecurityException | TSPException e) {
            throw new IllegalArgumentException("cannot make a time-stamping authority with this key and certificate", e);
        }
    }

    /** A fresh RSA-2048 key with a self-signed time-stamping certificate, on this machine's clock. */
    public static TimestampAuthority generate() {
        return generate(Clock.systemUTC());
    }

    /** A fresh RSA-2048 key with a self-signed time-stamping certificate, stamping the times of {@code clock}. */
    public static TimestampAuthority generate(Clock clock) {
        Credential fresh = Credential.generate();
        return new TimestampAuthority(fresh.keys().getPrivate(), fresh.certificate(), clock);
    }

    /**
     * With the key and certificate this JVM generated on first use, stamping the times of {@code clock}: for the
     * simulator, whose many starts in one test run should not each wait for a new RSA key. One simulator per
     * process (the demo, {@code simulate-axis}) still gets a key of its own.
     */
    public static TimestampAuthority ofThisJvm(Clock clock) {
        Credential shared = OfThisJvm.CREDENTIAL;
        return new TimestampAuthority(shared.keys().getPrivate(), shared.certificate(), clock);
    }

    /** Made when first asked for: class initialisation is lazy and thread-safe. */
    private static final class OfThisJvm {
        static final Credential CREDENTIAL = Credential.generate();
    }

    private record Credential(KeyPair keys, X509Certificate certificate) {

        static Credential generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair keys = generator.generateKeyPair();
                return new Credential(keys, selfSigned(keys));
            } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
                throw new IllegalStateException("cannot generate a key and certificate for the loopback TSA", e);
            }
        }
    }

    private static X509Certificate selfSigned(KeyPair keys)
            throws IOException, OperatorCreationException, GeneralSecurityException {
        Instant now = Instant.now();
        X500Name name = new X500Name(SUBJECT);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    /**
     * The answer to a DER TimeStampReq: a granted TimeStampResp, or a rejection (badAlg, badDataFormat, …) for a
     * request it cannot or will not stamp; never an exception for what a client sends.
     */
    public byte[] respond(byte[] requestDer) {
        try {
            TimeStampRequest request;
            try {
                request = new TimeStampRequest(requestDer);
            } catch (IOException | RuntimeException garbage) {
                return rejected(PKIFailureInfo.badDataFormat, "the request is not a DER TimeStampReq");
            }
            // The token generator signs with one signature engine, which serves one request at a time.
            synchronized (responses) {
                return responses.generate(request, BigInteger.valueOf(serials.incrementAndGet()), Date.from(clock.instant()))
                        .getEncoded();
            }
        } catch (TSPException | IOException | RuntimeException e) {
            return rejected(PKIFailureInfo.systemFailure, "the time stamp could not be made");
        }
    }

    /** A rejection with the given PKIFailureInfo bit, to answer what is not a request at all. */
    public byte[] rejected(int failInfo, String statusText) {
        try {
            return responses.generateFailResponse(PKIStatus.REJECTION, failInfo, statusText).getEncoded();
        } catch (TSPException | IOException e) {
            throw new IllegalStateException("cannot encode a time-stamp rejection", e);
        }
    }

    /** The certificate that verifies this authority's tokens; with the default setup also their trust anchor. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** {@link #certificate()} in PEM, for {@code openssl ts -verify -CAfile}. */
    public String certificatePem() {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
