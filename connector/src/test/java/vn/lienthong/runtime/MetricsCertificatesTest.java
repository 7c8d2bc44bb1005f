package vn.lienthong.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.DmsTls;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.ops.metrics.CertificateExpiry;
import vn.lienthong.signature.xml.EnvelopeSigner;
import vn.lienthong.signature.xml.SigningKey;

/**
 * Every kind of certificate the connector can be configured with is watched for expiry, each under its purpose: the
 * agency's signing key (PKCS#12 here), the DMS interfaces' TLS key and client issuers, the axis's TLS trust store, and
 * the trust anchors; real stores from the test PKI.
 */
class MetricsCertificatesTest {

    @TempDir
    Path root;

    @Test
    void every_configured_certificate_is_watched_under_its_purpose_with_its_real_expiry() throws Exception {
        TestPki pki = TestPki.generate(root.resolve("pki"), URI.create("http://127.0.0.1:9/"));
        EnvelopeSigner signer = new EnvelopeSigner(SigningKey.fromPkcs12(pki.pkcs12(pki.signer()), pki.pkcs12Password(), null));
        Properties properties = new Properties();
        properties.setProperty(DmsTls.KEYSTORE, pki.pkcs12(pki.seal()).toString());
        properties.setProperty(DmsTls.TRUSTSTORE, pki.certificateFile(pki.intermediate()).toString());
        DmsTls dmsTls = DmsTls.fromProperties(properties, Map.of(DmsTls.PASSWORD_VARIABLE, new String(pki.pkcs12Password())));
        Path axisTrust = root.resolve("axis-trust.jks");
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        store.setCertificateEntry("axis-ca", pki.untrustedRoot().certificate());
        try (OutputStream out = Files.newOutputStream(axisTrust)) {
            store.store(out, "changeit".toCharArray()); // read without it: a trust store's password guards only its integrity
        }
        properties.setProperty("lienthong.axis.tls.trust-store", axisTrust.toString());
        properties.setProperty("lienthong.axis.tls.trust-store-type", "JKS");

        List<CertificateExpiry> watched = MetricsWiring.certificates(signer, dmsTls, properties, pki.trustStoreDirectory());

        assertThat(watched).contains(
                CertificateExpiry.of("signing", pki.signer().certificate()),
                CertificateExpiry.of("dms-tls", pki.seal().certificate()),
                CertificateExpiry.of("dms-tls-client-issuer", pki.intermediate().certificate()),
                CertificateExpiry.of("axis-tls-trust", pki.untrustedRoot().certificate()),
                CertificateExpiry.of("trust-anchor", pki.root().certificate()));
        CertificateExpiry signing = watched.get(0);
        assertThat(signing.notAfter()).isEqualTo(pki.signer().certificate().getNotAfter().toInstant());
        assertThat(signing.expired(Instant.now())).isFalse();
        assertThat(CertificateExpiry.of("trust-anchor", pki.expired().certificate()).expired(Instant.now())).isTrue();
    }

    @Test
    void nothing_is_watched_when_nothing_is_configured() {
        assertThat(MetricsWiring.certificates(null, null, new Properties(), root.resolve("no-anchors"))).isEmpty();
    }
}
