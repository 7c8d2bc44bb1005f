package vn.lienthong.signature.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds the path from a certificate to a trust anchor with the JDK's PKIX builder. The JDK refuses any path with a
 * certificate outside its validity at the given date, and would then say only "no path"; to tell an expired
 * certificate from an untrusted one, a failed search is retried at a date inside the leaf's validity, and the
 * validator judges the dates itself.
 *
 * <p>Paths found are cached (bounded, Caffeine), keyed by the leaf and the intermediates offered with it; the trust
 * anchors are fixed for a builder, so they are part of every key by construction. A path holds at a date only while
 * every certificate on it is inside its validity, so a cached path is used only for a date inside all of them
 * (otherwise the JDK builds anew, as without the cache), and never longer than {@code maxAge} after it was built.
 * Everything else the JDK checked (signatures, CA constraints, key usage, name constraints) does not depend on the
 * date. Revocation is not part of a path: the validator asks the {@link RevocationChecker} for every assessment.
 * Failures are not cached: a signer without a path is rare and must not crowd out the paths that work.
 */
final class CertificatePathBuilder {

    /** Paths kept at most: far more signers than an agency's correspondents hold certificates. */
    static final long MAX_PATHS = 10_000;

    /** The path leaf first, ending with the anchor's certificate; empty with a failure when there is none. */
    record Result(List<X509Certificate> path, String failure) {

        boolean found() {
            return !path.isEmpty();
        }
    }

    /** What a path was built from: the leaf and the other certificates the signature offered, in any order. */
    private record Key(X509Certificate leaf, Set<X509Certificate> offered) {
    }

    /** A path found, and the dates at which all of its certificates are valid (both ends included). */
    private record Found(List<X509Certificate> path, Instant validFrom, Instant validTo) {

        static Found of(List<X509Certificate> path) {
            Instant from = Instant.MIN;
            Instant to = Instant.MAX;
            for (X509Certificate certificate : path) {
                Instant notBefore = certificate.getNotBefore().toInstant();
                Instant notAfter = certificate.getNotAfter().toInstant();
                from = notBefore.isAfter(from) ? notBefore : from;
                to = notAfter.isBefore(to) ? notAfter : to;
            }
            return new Found(path, from, to);
        }

        boolean holdsAt(Instant at) {
            return !at.isBefore(validFrom) && !at.isAfter(validTo);
        }
    }

    private final TrustAnchors anchors;
    private final Clock clock;
    private final Duration maxAge;
    private final ExpiringCache<Key, Found> paths;
    private final AtomicLong builds = new AtomicLong();

    CertificatePathBuilder(TrustAnchors anchors, Clock clock, Duration maxAge, long maxPaths) {
        this.anchors = anchors;
        this.clock = clock;
        this.maxAge = maxAge;
        this.paths = new ExpiringCache<>(clock, maxPaths);
    }

    Result build(X509Certificate leaf, Collection<X509Certificate> intermediates, Instant at) {
        if (anchors.contains(leaf)) {
            return new Result(List.of(leaf), null);
        }
        if (anchors.size() == 0) {
            return new Result(List.of(), "no trusted root CA is configured");
        }
        Key key = new Key(leaf, Set.copyOf(intermediates));
        try {
            return cachedOrBuilt(key, at);
        } catch (GeneralSecurityException atSigningTime) {
            Instant insideValidity = clamp(at, leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
            if (insideValidity.equals(at)) {
                return new Result(List.of(), atSigningTime.getMessage());
            }
            try {
                return cachedOrBuilt(key, insideValidity);
            } catch (GeneralSecurityException e) {
                return new Result(List.of(), e.getMessage());
            }
        }
    }

    /** How many paths the JDK has built (cache misses): for tests and benchmarks. */
    long builds() {
        return builds.get();
    }

    /** How many paths are cached now: for tests of the bound. */
    long cachedPaths() {
        return paths.size();
    }

    private Result cachedOrBuilt(Key key, Instant at) throws GeneralSecurityException {
        Found cached = paths.get(key).orElse(null);
        if (cached != null && cached.holdsAt(at)) {
            return new Result(cached.path(), null);
        }
        Result built = attempt(key.leaf(), key.offered(), at);
        Found found = Found.of(built.path());
        if (found.holdsAt(at)) {
            paths.put(key, found, clock.instant().plus(maxAge));
        }
        return built;
    }

    private Result attempt(X509Certificate leaf, Collection<X509Certificate> intermediates, Instant at)
            throws GeneralSecurityException {
        builds.incrementAndGet();
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
