package vn.lienthong.signature.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Finds the path from a certificate to a trust anchor with the JDK's PKIX builder. The JDK refuses any path with a
 * certificate outside its validity at the given date, and would then say only "no path"; to tell an expired
 * certificate from an untrusted one, a failed search is retried at a date inside the leaf's validity, and the
 * validator judges the dates itself.
 */
final class CertificatePathBuilder {

    /** The path leaf first, ending with the anchor's certificate; empty with a failure when there is none. */
    record Result(List<X509Certificate> path, String failure) {

        boolean found() {
            return !path.isEmpty();
        }
    }

    private final TrustAnchors anchors;

    CertificatePathBuilder(TrustAnchors anchors) {
        this.anchors = anchors;
    }

    Result build(X509Certificate leaf, Collection<X509Certificate> intermediates, Instant at) {
        if (anchors.contains(leaf)) {
            return new Result(List.of(leaf), null);
        }
        if (anchors.size() == 0) {
            return new Result(List.of(), "no trusted root CA is configured");
        }
        try {
            return attempt(leaf, intermediates, at);
        } catch (GeneralSecurityException atSigningTime) {
            Instant insideValidity = clamp(at, leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
            if (insideValidity.equals(at)) {
                return new Result(List.of(), atSigningTime.getMessage());
            }
            try {
                return attempt(leaf, intermediates, insideValidity);
            } catch (GeneralSecurityException e) {
                return new Result(List.of(), e.getMessage());
            }
        }
    }

    private Result attempt(X509Certificate leaf, Collection<X509Certificate> intermediates, Instant at)
            throws GeneralSecurityException {
        X509CertSelector target = new X509CertSelector();
        target.setCertificate(leaf);
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors.anchors(), target);
        // Revocation is the RevocationChecker's job: caching, offline CRLs and SOFT/HARD are ours, not the JDK's.
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        List<X509Certificate> known = new ArrayList<>(intermediates);
        known.add(leaf);
        parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(known)));
        PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
        List<X509Certificate> path = new ArrayList<>();
        result.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
        path.add(result.getTrustAnchor().getTrustedCert());
        return new Result(List.copyOf(path), null);
    }

    private static Instant clamp(Instant at, Instant from, Instant to) {
        if (at.isBefore(from)) {
            return from;
        }
        return at.isAfter(to) ? to : at;
    }
}
