package vn.lienthong.signature.pki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.findings.Bilingual;

/**
 * The CRL files an operator copies in by hand, for agencies without Internet access. Each file is re-read once its
 * cache entry lapses, so a replaced file is picked up without a restart.
 */
final class OfflineCrls {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineCrls.class);

    private final List<Path> files;
    private final Clock clock;
    private final Duration ttl;
    private final ExpiringCache<Path, List<X509CRL>> cache;

    OfflineCrls(List<Path> files, Clock clock, Duration ttl) {
        this.files = List.copyOf(files);
        this.clock = clock;
        this.ttl = ttl;
        // One entry per configured file: the bound is the list itself.
        this.cache = new ExpiringCache<>(clock, Math.max(1, this.files.size()));
    }

    RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        List<X509CRL> fromIssuer = new ArrayList<>();
        for (Path file : files) {
            for (X509CRL crl : crls(file)) {
                if (CrlReading.issuedBy(crl, issuer)) {
                    fromIssuer.add(crl);
                }
            }
        }
        // The newest CRL is the most complete; a listed certificate would also be listed there.
        return fromIssuer.stream()
                .max(Comparator.comparing(X509CRL::getThisUpdate))
                .map(crl -> CrlReading.statusIn(crl, certificate, clock.instant(), source(crl)))
                .orElseGet(() -> RevocationStatus.unknown(Phrases.of(
                        "không có tệp CRL đã cấu hình nào do '" + issuer.getSubjectX500Principal().getName() + "' ký",
                        "no configured CRL file is signed by " + issuer.getSubjectX500Principal().getName())));
    }

    private static Bilingual source(X509CRL crl) {
        String issuer = crl.getIssuerX500Principal().getName();
        return Phrases.of("tệp CRL của '" + issuer + "'", "the CRL file of " + issuer);
    }

    private List<X509CRL> crls(Path file) {
        return cache.get(file).orElseGet(() -> {
            List<X509CRL> read = read(file);
            cache.put(file, read, clock.instant().plus(ttl));
            return read;
        });
    }

    private static List<X509CRL> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CrlReading.parse(in);
        } catch (IOException e) {
            LOG.warn("Skipping CRL file {}: {}", file, e.getMessage());
            return List.of();
        }
    }
}
