package vn.lienthong.signature.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import vn.lienthong.findings.Bilingual;

/** Reading a CRL, checking it is the issuer's, and finding one certificate in it. Shared by the online and offline sources. */
final class CrlReading {

    /** Clocks of CAs and of agencies drift; a CRL issued "in the future" by a few minutes is still fine. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private CrlReading() {
    }

    static List<X509CRL> parse(InputStream in) throws IOException {
        try {
            // generateCRLs reads DER and PEM, one or more.
            return CertificateFactory.getInstance("X.509").generateCRLs(in).stream()
                    .filter(X509CRL.class::isInstance)
                    .map(X509CRL.class::cast)
                    .collect(Collectors.toList());
        } catch (GeneralSecurityException e) {
            throw new IOException("not a CRL: " + e.getMessage(), e);
        }
    }

    static List<X509CRL> parse(byte[] bytes) throws IOException {
        return parse(new ByteArrayInputStream(bytes));
    }

    /** Whether the CRL was issued and signed by this issuer: anyone could publish a CRL at a URL. */
    static boolean issuedBy(X509CRL crl, X509Certificate issuer) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * The certificate's status according to a CRL already known to be its issuer's. A listed certificate is revoked
     * even if the CRL is stale, because revocation is final; an unlisted one is only good while the CRL is current.
     */
    static RevocationStatus statusIn(X509CRL crl, X509Certificate certificate, Instant now, Bilingual source) {
        X509CRLEntry entry = crl.getRevokedCertificate(certificate);
        if (entry != null) {
            return RevocationStatus.revoked(entry.getRevocationDate().toInstant(), reasonName(entry.getRevocationReason()), source);
        }
        if (crl.getThisUpdate().toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            String thisUpdate = UtcDates.format(crl.getThisUpdate().toInstant());
            return RevocationStatus.unknown(Phrases.of(source.vietnamese() + " ghi ngày phát hành trong tương lai (" + thisUpdate + ")",
                    source.english() + " is dated in the future (" + thisUpdate + ")"));
        }
        if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            String nextUpdate = UtcDates.format(crl.getNextUpdate().toInstant());
            return RevocationStatus.unknown(Phrases.of(source.vietnamese() + " đã quá hạn (lẽ ra phải được cập nhật lúc " + nextUpdate + ")",
                    source.english() + " is out of date (next update was due " + nextUpdate + ")"));
        }
        return RevocationStatus.good(source);
    }

    /** The RFC 5280 names, indexed by reason code (CRLReason's ordinals are the same codes). */
    private static final String[] REASON_NAMES = {
        "unspecified", "keyCompromise", "cACompromise", "affiliationChanged", "superseded", "cessationOfOperation",
        "certificateHold", "unused", "removeFromCRL", "privilegeWithdrawn", "aACompromise",
    };

    static String reasonName(CRLReason reason) {
        return reason == null ? REASON_NAMES[0] : reasonName(reason.ordinal());
    }

    static String reasonName(int code) {
        // An unknown code is named by its ASN.1 type, not in words: the name goes into sentences of both languages.
        return code >= 0 && code < REASON_NAMES.length ? REASON_NAMES[code] : "CRLReason " + code;
    }
}
