package vn.lienthong.signature.pdf;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.tsp.TimeStampToken;

/** The certificates an RFC 3161 time-stamp token carries, as JCA certificates (unreadable ones skipped). */
final class TimestampCertificates {

    private TimestampCertificates() {
    }

    static List<X509Certificate> carried(TimeStampToken token) {
        List<X509Certificate> all = new ArrayList<>();
        for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
            toX509(holder).ifPresent(all::add);
        }
        return all;
    }

    static Optional<X509Certificate> toX509(X509CertificateHolder holder) {
        try {
            return Optional.of(new JcaX509CertificateConverter().getCertificate(holder));
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }
}
