package vn.lienthong.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** Who signed, as the certificate says: subject, serial number (hex), issuer and validity. */
public record SignerIdentity(String subject, String serialNumber, String issuer, Instant notBefore, Instant notAfter) {

    public static SignerIdentity of(X509Certificate certificate) {
        return new SignerIdentity(
                certificate.getSubjectX500Principal().getName(),
                certificate.getSerialNumber().toString(16),
                certificate.getIssuerX500Principal().getName(),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant());
    }
}
