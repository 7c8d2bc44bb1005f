package vn.lienthong.signature.pki;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.findings.Bilingual;

/**
 * CRLs fetched from the certificates' distribution points and kept (bounded) until their nextUpdate or the cache TTL,
 * whichever comes first.
 */
final class OnlineCrls {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineCrls.class);

    /** CRLs kept at most: one per distribution point and issuer, and a CA's CRL can run to megabytes. */
    static final long MAX_CRLS = 64;

    /**
     * Keyed by URL and issuer key (its encoding), so a cached CRL is only ever used for the issuer whose key verified
     * it.
     */
    private record Key(URI url, ByteBuffer issuerKey) {
    }

    private final HttpFetcher fetcher;
    private final Clock clock;
    private final Duration ttl;
    private final ExpiringCache<Key, X509CRL> cache;

    OnlineCrls(HttpFetcher fetcher, Clock clock, Duration ttl) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.ttl = ttl;
        this.cache = new ExpiringCache<>(clock, MAX_CRLS);
    }

    RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        List<URI> urls = CertificateFacts.crlUrls(certificate);
        if (urls.isEmpty()) {
            return RevocationStatus.unknown(Phrases.of("chứng thư không ghi điểm phân phối CRL nào qua HTTP",
                    "the certificate names no CRL distribution point over HTTP"));
        }
        List<Bilingual> failures = new ArrayList<>();
        for (URI url : urls) {
            try {
                X509CRL crl = crl(url, issuer);
                RevocationStatus status = CrlReading.statusIn(crl, certificate, clock.instant(),
                        Phrases.of("CRL tại " + url, "the CRL at " + url));
                if (status.known()) {
                    return status;
                }
                failures.add(status.detail());
            } catch (IOException e) {
                LOG.warn("CRL {} unavailable: {}", url, e.getMessage());
                // The library's message is English; the Vietnamese phrase says the same without it.
                failures.add(Phrases.of("không dùng được CRL tại " + url,
                        "the CRL at " + url + " could not be used (" + e.getMessage() + ")"));
            }
        }
        return RevocationStatus.unknown(Phrases.joined(failures));
    }

    private X509CRL crl(URI url, X509Certificate issuer) throws IOException {
        Key key = new Key(url, ByteBuffer.wrap(issuer.getPublicKey().getEncoded()));
        Optional<X509CRL> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        List<X509CRL> crls = CrlReading.parse(fetcher.get(url));
        if (crls.size() != 1) {
            throw new IOException("expected one CRL, found " + crls.size());
        }
        X509CRL crl = crls.get(0);
        if (!CrlReading.issuedBy(crl, issuer)) {
            throw new IOException("the CRL is not signed by the certificate's issuer");
        }
        cache.put(key, crl, expiry(crl));
        return crl;
    }

    private Instant expiry(X509CRL crl) {
        Instant byTtl = clock.instant().plus(ttl);
        if (crl.getNextUpdate() == null) {
            return byTtl;
        }
        Instant nextUpdate = crl.getNextUpdate().toInstant();
        return nextUpdate.isBefore(byTtl) ? nextUpdate : byTtl;
    }
}
