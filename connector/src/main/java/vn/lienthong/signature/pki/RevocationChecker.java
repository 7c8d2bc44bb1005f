package vn.lienthong.signature.pki;

import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * One certificate's revocation status, from the sources the settings allow: online OCSP and CRL (in the preferred
 * order, the second asked only when the first cannot tell), or only the offline CRL files. It reports what it
 * found; what an unknown status means for the verdict (SOFT or HARD) is the validator's decision.
 */
final class RevocationChecker {

    private final RevocationSettings settings;
    private final OnlineCrls onlineCrls;
    private final OcspClient ocsp;
    private final OfflineCrls offlineCrls;

    RevocationChecker(RevocationSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        HttpFetcher fetcher = new HttpFetcher(http, settings.timeout());
        this.onlineCrls = new OnlineCrls(fetcher, clock, settings.cacheTtl());
        this.ocsp = new OcspClient(fetcher, clock, settings.cacheTtl());
        this.offlineCrls = new OfflineCrls(settings.crlFiles(), clock, settings.cacheTtl());
    }

    RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        switch (settings.mode()) {
            case OFF:
                return RevocationStatus.unknown(Phrases.of("việc kiểm tra thu hồi đang tắt", "revocation checking is off"));
            case OFFLINE:
                return offlineCrls.status(certificate, issuer);
            default:
                return online(certificate, issuer);
        }
    }

    private RevocationStatus online(X509Certificate certificate, X509Certificate issuer) {
        RevocationStatus first = settings.preferOcsp() ? ocsp.status(certificate, issuer) : onlineCrls.status(certificate, issuer);
        if (first.known()) {
            return first;
        }
        RevocationStatus second = settings.preferOcsp() ? onlineCrls.status(certificate, issuer) : ocsp.status(certificate, issuer);
        if (second.known()) {
            return second;
        }
        return RevocationStatus.unknown(Phrases.joined(List.of(first.detail(), second.detail())));
    }
}
