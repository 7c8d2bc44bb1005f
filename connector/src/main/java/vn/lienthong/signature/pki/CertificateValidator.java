package vn.lienthong.signature.pki;

import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;

/**
 * Judges a signer's certificate at the time it signed: a path to a trusted root CA, every certificate of it valid
 * then, a key usage that allows signing documents, and nothing of the path revoked before then.
 * Thread-safe: one instance serves every signature check.
 */
public final class CertificateValidator {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateValidator.class);
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    /**
     * @param reasons the verdict-relevant reasons; empty means trusted, fit and not revoked
     * @param path    leaf first, ending with the anchor's certificate; empty when there is no path
     */
    public record CertificateAssessment(List<Reason> reasons, List<X509Certificate> path) {

        public CertificateAssessment {
            reasons = List.copyOf(reasons);
            path = List.copyOf(path);
        }

        public Verdict verdict() {
            return SignatureCheck.verdictOf(reasons);
        }
    }

    private final boolean anyAnchor;
    private final CertificatePathBuilder pathBuilder;
    private final RevocationSettings revocation;
    private final RevocationChecker revocationChecker;
    private final Clock clock;

    public CertificateValidator(TrustAnchors anchors, RevocationSettings revocation, HttpClient http, Clock clock) {
        this.anyAnchor = !anchors.anchors().isEmpty();
        // A built path is kept no longer than a revocation answer: the configured cache TTL.
        this.pathBuilder = new CertificatePathBuilder(anchors, clock, revocation.cacheTtl(), CertificatePathBuilder.MAX_PATHS);
        this.revocation = revocation;
        this.revocationChecker = new RevocationChecker(revocation, http, clock);
        this.clock = clock;
    }

    /**
     * Judges a signer certificate at {@code at}, the signing time (the time stamp's when there is one; null means now).
     * {@code intermediates} are the other certificates the signature carried.
     */
    public CertificateAssessment assess(X509Certificate signer, Collection<X509Certificate> intermediates, Instant at) {
        Instant when = at == null ? clock.instant() : at;
        List<Reason> reasons = new ArrayList<>();
        CertificatePathBuilder.Result built = pathBuilder.build(signer, intermediates == null ? List.of() : intermediates, when);
        if (!built.found()) {
            reasons.add(anyAnchor ? untrusted(signer, built.failure())
                    : SignatureProblem.NO_TRUST_ANCHOR.reason("'" + signer.getSubjectX500Principal().getName() + "'"));
            addValidity(signer, when, reasons);
        } else {
            // The anchor is configuration, not evidence: its own dates and revocation are the operator's concern.
            for (X509Certificate certificate : built.path().subList(0, Math.max(1, built.path().size() - 1))) {
                addValidity(certificate, when, reasons);
            }
        }
        addKeyUsage(signer, reasons);
        if (built.found()) {
            addRevocation(built.path(), when, reasons);
        }
        return new CertificateAssessment(reasons, built.path());
    }

    private static Reason untrusted(X509Certificate signer, String failure) {
        String subject = signer.getSubjectX500Principal().getName();
        if (CertificateFacts.selfSigned(signer)) {
            return SignatureProblem.CERTIFICATE_SELF_SIGNED.reason(Phrases.of("'" + subject + "' tự ký chứng thư của chính mình",
                    "'" + subject + "' signed its own certificate"));
        }
        LOG.debug("No path for {}: {}", CertificateFacts.logId(signer), failure);
        String issuer = signer.getIssuerX500Principal().getName();
        return SignatureProblem.CHAIN_UNTRUSTED.reason(Phrases.of(
                "không có CA gốc tin cậy nào bảo đảm cho '" + subject + "', do '" + issuer + "' cấp",
                "no trusted root CA vouches for '" + subject + "', issued by '" + issuer + "'"));
    }

    private static void addValidity(X509Certificate certificate, Instant at, List<Reason> reasons) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (at.isAfter(notAfter)) {
            reasons.add(SignatureProblem.CERTIFICATE_EXPIRED.reason(UtcDates.format(notAfter), UtcDates.format(at)));
        } else if (at.isBefore(notBefore)) {
            reasons.add(SignatureProblem.CERTIFICATE_NOT_YET_VALID.reason(UtcDates.format(notBefore), UtcDates.format(at)));
        }
    }

    /** No KeyUsage extension means no restriction (RFC 5280 §4.2.1.3); with one, it must allow signing. */
    private static void addKeyUsage(X509Certificate signer, List<Reason> reasons) {
        boolean[] usage = signer.getKeyUsage();
        if (usage == null) {
            return;
        }
        boolean signs = (usage.length > DIGITAL_SIGNATURE && usage[DIGITAL_SIGNATURE])
                || (usage.length > NON_REPUDIATION && usage[NON_REPUDIATION]);
        if (!signs) {
            reasons.add(SignatureProblem.KEY_USAGE_NOT_ALLOWED.reason(Phrases.of(
                    "chứng thư không cho phép cả digitalSignature lẫn nonRepudiation",
                    "the certificate allows neither digitalSignature nor nonRepudiation")));
        }
    }

    private void addRevocation(List<X509Certificate> path, Instant at, List<Reason> reasons) {
        if (revocation.mode() == RevocationSettings.Mode.OFF) {
            return;
        }
        for (int i = 0; i + 1 < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            RevocationStatus status = revocationChecker.status(certificate, path.get(i + 1));
            Bilingual whose = i == 0 ? Phrases.of("", "") : issuingCa(certificate);
            switch (status.state()) {
                case REVOKED:
                    // Revoked after it signed: the signature was made while the certificate was good, so it stands.
                    // Without a time stamp that signing time is only claimed; the policy weighs SignatureCheck.timestamped.
                    if (!status.revokedAt().isAfter(at)) {
                        // The CRL reason is an RFC 5280 name, the same in both languages.
                        Bilingual why = Phrases.followedBy(Phrases.of(status.reason(), status.reason()), whose);
                        reasons.add(SignatureProblem.CERTIFICATE_REVOKED.reason(UtcDates.format(status.revokedAt()), why));
                    } else {
                        LOG.info("Certificate {} was revoked on {}, after the signing time {}: the signature stands",
                                CertificateFacts.logId(certificate), UtcDates.format(status.revokedAt()), UtcDates.format(at));
                    }
                    break;
                case UNKNOWN:
                    addUnknown(certificate, status, whose, reasons);
                    break;
                default:
                    break;
            }
        }
    }

    /** Says that the certificate a revocation reason is about is not the signer's but a CA's on its path. */
    private static Bilingual issuingCa(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        return Phrases.of(", đối với chứng thư của CA cấp phát '" + subject + "'", " of the issuing CA '" + subject + "'");
    }

    private void addUnknown(X509Certificate certificate, RevocationStatus status, Bilingual whose, List<Reason> reasons) {
        if (revocation.onFailure() == RevocationSettings.Failure.HARD) {
            reasons.add(SignatureProblem.REVOCATION_UNKNOWN.reason(Phrases.followedBy(status.detail(), whose)));
        } else {
            LOG.warn("Revocation status of certificate {} unknown, tolerated by the SOFT policy: {}",
                    CertificateFacts.logId(certificate), status.detail().english());
        }
    }
}
