package vn.lienthong.signature.pki;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.fixtures.pki.TestPki.Credential;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.pki.RevocationSettings.Failure;
import vn.lienthong.signature.pki.RevocationSettings.Mode;
import vn.lienthong.testing.SteppedClock;

/**
 * The caches of certificate paths, CRLs and OCSP answers: bounded, and never used past what made their content true
 * (the certificates' validity at the signing time, the CRL's nextUpdate, the configured TTL).
 */
class CertificateCacheTest {

    private static final Duration TTL = Duration.ofMinutes(10);

    private final TestPki pki = SharedTestPki.pki();

    // --- certificate paths ---

    private CertificatePathBuilder builder(SteppedClock clock, long maxPaths) {
        return new CertificatePathBuilder(SharedTestPki.anchors(), clock, TTL, maxPaths);
    }

    @Test
    void a_second_path_for_the_same_signer_and_intermediates_is_not_built_again() {
        CertificatePathBuilder builder = builder(new SteppedClock(Instant.now()), 100);
        Credential signer = pki.signer();

        CertificatePathBuilder.Result first = builder.build(signer.certificate(), signer.chain(), pki.generatedAt());
        CertificatePathBuilder.Result second = builder.build(signer.certificate(), signer.chain(),
                pki.generatedAt().plus(Duration.ofDays(100)));

        assertThat(first.found()).isTrue();
        assertThat(second.path()).isEqualTo(first.path());
        assertThat(builder.builds()).isEqualTo(1);
    }

    @Test
    void a_path_offered_other_intermediates_is_built_anew() {
        CertificatePathBuilder builder = builder(new SteppedClock(Instant.now()), 100);
        Credential signer = pki.signer();
        builder.build(signer.certificate(), signer.chain(), pki.generatedAt());

        CertificatePathBuilder.Result withoutIntermediate = builder.build(signer.certificate(), List.of(), pki.generatedAt());

        assertThat(withoutIntermediate.found()).isFalse();
        assertThat(builder.builds()).isGreaterThan(1);
    }

    @Test
    void a_cached_path_is_not_used_for_a_signing_time_outside_its_certificates_validity() {
        CertificatePathBuilder builder = builder(new SteppedClock(Instant.now()), 100);
        Credential signer = pki.signer();
        builder.build(signer.certificate(), signer.chain(), pki.generatedAt());
        long afterFirst = builder.builds();

        Instant afterExpiry = signer.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));
        builder.build(signer.certificate(), signer.chain(), afterExpiry);
        long afterExpired = builder.builds();
        Instant beforeIssue = signer.certificate().getNotBefore().toInstant().minus(Duration.ofDays(1));
        builder.build(signer.certificate(), signer.chain(), beforeIssue);

        assertThat(afterExpired).as("the JDK was asked again for a date after the signer's notAfter")
                .isGreaterThan(afterFirst);
        assertThat(builder.builds()).as("and again for a date before its notBefore").isGreaterThan(afterExpired);
    }

    @Test
    void a_signature_made_after_the_certificate_expired_is_still_caught_once_its_path_is_cached() {
        CertificateValidator validator = new CertificateValidator(SharedTestPki.anchors(), RevocationSettings.off(),
                SharedTestPki.http(), new SteppedClock(Instant.now()));
        Credential signer = pki.signer();
        assertThat(validator.assess(signer.certificate(), signer.chain(), pki.generatedAt()).reasons()).isEmpty();

        Instant afterExpiry = signer.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));

        assertThat(validator.assess(signer.certificate(), signer.chain(), afterExpiry).reasons())
                .extracting(Reason::problem).containsExactly(SignatureProblem.CERTIFICATE_EXPIRED);
    }

    @Test
    void a_cached_path_lapses_after_the_configured_age() {
        SteppedClock clock = new SteppedClock(Instant.now());
        CertificatePathBuilder builder = builder(clock, 100);
        Credential signer = pki.signer();
        builder.build(signer.certificate(), signer.chain(), pki.generatedAt());

        clock.advance(TTL.minusSeconds(1));
        builder.build(signer.certificate(), signer.chain(), pki.generatedAt());
        assertThat(builder.builds()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        builder.build(signer.certificate(), signer.chain(), pki.generatedAt());

        assertThat(builder.builds()).isEqualTo(2);
    }

    @Test
    void the_path_cache_is_bounded() {
        CertificatePathBuilder builder = builder(new SteppedClock(Instant.now()), 2);

        for (Credential credential : List.of(pki.signer(), pki.seal(), pki.ecdsaSigner(), pki.revoked(), pki.tsa())) {
            assertThat(builder.build(credential.certificate(), credential.chain(), pki.generatedAt()).found()).isTrue();
        }

        assertThat(builder.cachedPaths()).isLessThanOrEqualTo(2);
        assertThat(builder.builds()).isEqualTo(5);
    }

    // --- the cache itself ---

    @Test
    void an_entry_is_not_served_at_or_after_its_own_instant() {
        SteppedClock clock = new SteppedClock(Instant.now());
        ExpiringCache<String, String> cache = new ExpiringCache<>(clock, 10);
        cache.put("crl", "current", clock.instant().plus(Duration.ofMinutes(3)));

        clock.advance(Duration.ofMinutes(3).minusMillis(1));
        assertThat(cache.get("crl")).contains("current");
        clock.advance(Duration.ofMillis(1));

        assertThat(cache.get("crl")).isEmpty();
    }

    @Test
    void an_entry_already_lapsed_is_not_kept() {
        SteppedClock clock = new SteppedClock(Instant.now());
        ExpiringCache<String, String> cache = new ExpiringCache<>(clock, 10);

        cache.put("ocsp", "stale", clock.instant());

        assertThat(cache.get("ocsp")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void the_cache_is_bounded() {
        SteppedClock clock = new SteppedClock(Instant.now());
        ExpiringCache<Integer, String> cache = new ExpiringCache<>(clock, 50);

        for (int i = 0; i < 1_000; i++) {
            cache.put(i, "answer " + i, clock.instant().plus(TTL));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(50);
    }

    // --- revocation answers: a certificate revoked after a good answer was cached ---

    private static Path directory;
    private static HttpServer server;
    private static TestPki ownPki;
    private static final Map<String, byte[]> CRLS = new ConcurrentHashMap<>();
    private static final AtomicInteger CRL_REQUESTS = new AtomicInteger();

    /** A PKI of its own, whose CRLs this test publishes and changes; OCSP is down, so the CRL is what counts. */
    @BeforeAll
    static void startOwnPki() throws IOException {
        directory = Files.createTempDirectory("lienthong-cache-test-pki");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/crl/", exchange -> {
            try (exchange) {
                CRL_REQUESTS.incrementAndGet();
                byte[] crl = CRLS.get(exchange.getRequestURI().getPath().substring("/crl/".length()));
                if (crl == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.sendResponseHeaders(200, crl.length);
                    exchange.getResponseBody().write(crl);
                }
            }
        });
        server.createContext("/ocsp", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(503, -1);
            }
        });
        server.start();
        InetSocketAddress address = server.getAddress();
        ownPki = TestPki.generate(directory, URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort()));
        CRLS.put("root.crl", Files.readAllBytes(ownPki.crlFile(ownPki.root())));
    }

    @AfterAll
    static void stopOwnPki() throws IOException {
        server.stop(0);
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static CertificateValidator crlFirstValidator(SteppedClock clock) {
        RevocationSettings settings = new RevocationSettings(Mode.ONLINE, Failure.HARD, List.of(), TTL,
                Duration.ofSeconds(3), false);
        return new CertificateValidator(TrustAnchors.load(ownPki.trustStoreDirectory()), settings, SharedTestPki.http(), clock);
    }

    /** The intermediate CA's CRL, issued now and current until {@code nextUpdate}, listing {@code revoked} if given. */
    private static byte[] intermediateCrl(Instant now, Instant nextUpdate, X509Certificate revoked) throws Exception {
        Credential ca = ownPki.intermediate();
        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(now.minusSeconds(60)));
        builder.setNextUpdate(Date.from(nextUpdate));
        if (revoked != null) {
            builder.addCRLEntry(revoked.getSerialNumber(), Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
        }
        return builder.build(new JcaContentSignerBuilder(signatureAlgorithm(ca.privateKey())).build(ca.privateKey()))
                .getEncoded();
    }

    private static String signatureAlgorithm(PrivateKey key) {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static List<SignatureProblem> problems(CertificateValidator validator, Credential credential, Instant at) {
        return validator.assess(credential.certificate(), credential.chain(), at).reasons().stream()
                .map(Reason::problem).toList();
    }

    @Test
    void a_revoked_certificate_is_not_served_as_good_from_the_cache_beyond_the_configured_ttl() throws Exception {
        SteppedClock clock = new SteppedClock(Instant.now());
        Credential signer = ownPki.signer();
        CRLS.put("intermediate.crl", intermediateCrl(clock.instant(), clock.instant().plus(Duration.ofDays(30)), null));
        CertificateValidator validator = crlFirstValidator(clock);
        assertThat(problems(validator, signer, clock.instant())).isEmpty();

        // The CA revokes the signer; within the TTL the cached CRL still answers, without asking.
        CRLS.put("intermediate.crl", intermediateCrl(clock.instant(), clock.instant().plus(Duration.ofDays(30)),
                signer.certificate()));
        clock.advance(TTL.minusSeconds(1));
        int requestsBefore = CRL_REQUESTS.get();
        assertThat(problems(validator, signer, clock.instant())).isEmpty();
        assertThat(CRL_REQUESTS.get()).isEqualTo(requestsBefore);

        clock.advance(Duration.ofSeconds(1));

        assertThat(problems(validator, signer, clock.instant())).containsExactly(SignatureProblem.CERTIFICATE_REVOKED);
        assertThat(CRL_REQUESTS.get()).isGreaterThan(requestsBefore);
    }

    @Test
    void a_cached_crl_is_not_used_past_its_next_update_even_within_the_ttl() throws Exception {
        SteppedClock clock = new SteppedClock(Instant.now());
        Credential seal = ownPki.seal();
        CRLS.put("intermediate.crl", intermediateCrl(clock.instant(), clock.instant().plus(Duration.ofMinutes(2)), null));
        CertificateValidator validator = crlFirstValidator(clock);
        assertThat(problems(validator, seal, clock.instant())).isEmpty();

        CRLS.put("intermediate.crl", intermediateCrl(clock.instant(), clock.instant().plus(Duration.ofDays(30)),
                seal.certificate()));
        clock.advance(Duration.ofMinutes(2));

        assertThat(problems(validator, seal, clock.instant())).containsExactly(SignatureProblem.CERTIFICATE_REVOKED);
    }
}
