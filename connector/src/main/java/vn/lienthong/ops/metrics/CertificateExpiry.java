package vn.lienthong.ops.metrics;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/**
 * One certificate the connector is configured with, and when it stops being valid: the agency's signing key, the DMS
 * interfaces' TLS key, the axis's TLS trust, a trust anchor for signatures.
 *
 * @param purpose  signing, dms-tls, dms-tls-client-issuer, axis-tls-trust or trust-anchor
 * @param subject  the certificate's subject (public; never a key or a secret)
 * @param notAfter the end of its validity
 */
public record CertificateExpiry(String purpose, String subject, Instant notAfter) {

    private static final double SECONDS_PER_DAY = 86_400.0;

    public static CertificateExpiry of(String purpose, X509Certificate certificate) {
        return new CertificateExpiry(purpose, certificate.getSubjectX500Principal().getName(),
                certificate.getNotAfter().toInstant());
    }

    /** Days until it expires; negative once it has. */
    public double daysLeft(Instant now) {
        return Duration.between(now, notAfter).toSeconds() / SECONDS_PER_DAY;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(notAfter);
    }
}
