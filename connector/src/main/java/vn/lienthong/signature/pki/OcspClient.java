package vn.lienthong.signature.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.findings.Bilingual;

/**
 * Asks the OCSP responder named in a certificate, with a fresh nonce, and believes the answer only when the issuer
 * (or a responder the issuer delegated to) signed it and it is current. Answers are cached (bounded) until their
 * nextUpdate or the cache TTL, whichever comes first; a cached answer is found before any request is built.
 */
final class OcspClient {

    private static final Logger LOG = LoggerFactory.getLogger(OcspClient.class);
    private static final int NONCE_BYTES = 16;

    /** Answers kept at most: one per certificate checked, each a few hundred bytes. */
    static final long MAX_ANSWERS = 10_000;

    /**
     * The certificate's serial under its issuer's public key: what an OCSP answer is about (RFC 6960 CertID). The key
     * by its encoding, so that the same key read by two providers is one key.
     */
    private record Key(ByteBuffer issuerKey, BigInteger serial) {
    }

    private final HttpFetcher fetcher;
    private final Clock clock;
    private final Duration ttl;
    private final ExpiringCache<Key, RevocationStatus> cache;
    private final SecureRandom random = new SecureRandom();

    OcspClient(HttpFetcher fetcher, Clock clock, Duration ttl) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.ttl = ttl;
        this.cache = new ExpiringCache<>(clock, MAX_ANSWERS);
    }

    RevocationStatus status(X509Certificate certificate, X509Certificate issuer) {
        List<URI> urls = CertificateFacts.ocspUrls(certificate);
        if (urls.isEmpty()) {
            return RevocationStatus.unknown(Phrases.of("chứng thư không ghi địa chỉ HTTP của máy chủ OCSP nào",
                    "the certificate names no OCSP responder over HTTP"));
        }
        Key key = new Key(ByteBuffer.wrap(issuer.getPublicKey().getEncoded()), certificate.getSerialNumber());
        Optional<RevocationStatus> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        CertificateID id;
        try {
            id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
        } catch (OperatorCreationException | OCSPException | java.security.cert.CertificateEncodingException e) {
            // The library's message is English; the Vietnamese phrase says the same without it.
            return RevocationStatus.unknown(Phrases.of("không lập được yêu cầu OCSP cho chứng thư này",
                    "no OCSP request can be made for this certificate (" + e.getMessage() + ")"));
        }
        List<Bilingual> failures = new ArrayList<>();
        for (URI url : urls) {
            try {
                Answer answer = ask(url, id, issuer);
                if (answer.status().known()) {
                    cache.put(key, answer.status(), answer.reuseUntil());
                    return answer.status();
                }
                failures.add(answer.status().detail());
            } catch (IOException | OCSPException e) {
                LOG.warn("OCSP responder {} unavailable: {}", url, e.getMessage());
                failures.add(Phrases.of("không dùng được máy chủ OCSP " + url,
                        "the OCSP responder " + url + " could not be used (" + e.getMessage() + ")"));
            }
        }
        return RevocationStatus.unknown(Phrases.joined(failures));
    }

    private record Answer(RevocationStatus status, Instant reuseUntil) {
    }

    private Answer ask(URI url, CertificateID id, X509Certificate issuer) throws IOException, OCSPException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        OCSPReq request = new OCSPReqBuilder()
                .addRequest(id)
                .setRequestExtensions(new Extensions(new Extension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new DEROctetString(nonce).getEncoded()))))
                .build();
        OCSPResp response = new OCSPResp(fetcher.post(url, "application/ocsp-request", request.getEncoded()));
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            return unknown("máy chủ OCSP " + url + " từ chối yêu cầu (mã trạng thái OCSP " + response.getStatus() + ")",
                    url + " refused the request (OCSP status " + response.getStatus() + ")");
        }
        if (!(response.getResponseObject() instanceof BasicOCSPResp)) {
            return unknown("câu trả lời của " + url + " không phải là phản hồi OCSP cơ bản (BasicOCSPResponse)",
                    url + " sent an answer that is not a basic OCSP response");
        }
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        if (!OcspResponderCheck.signedForIssuer(basic, issuer, clock.instant())) {
            return unknown("câu trả lời của " + url + " không do CA cấp chứng thư ký, cũng không do máy chủ được CA đó ủy quyền ký",
                    url + " sent an answer signed neither by the issuer nor by a responder it authorised");
        }
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        // Responders that pre-compute their answers send no nonce; that is allowed, a wrong one is not (replay).
        if (echoed != null && !sameNonce(echoed.getExtnValue().getOctets(), nonce)) {
            return unknown("câu trả lời của " + url + " mang giá trị nonce của một yêu cầu khác",
                    url + " answered with another request's nonce");
        }
        for (SingleResp single : basic.getResponses()) {
            if (single.getCertID().equals(id)) {
                return judge(single, url);
            }
        }
        return unknown("máy chủ OCSP " + url + " không trả lời về chứng thư này", url + " did not answer about this certificate");
    }

    private Answer judge(SingleResp single, URI url) {
        Instant now = clock.instant();
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
        if (thisUpdate.isAfter(now.plus(CrlReading.CLOCK_SKEW))) {
            return unknown("câu trả lời của " + url + " ghi ngày trong tương lai (" + UtcDates.format(thisUpdate) + ")",
                    url + " sent an answer dated in the future (" + UtcDates.format(thisUpdate) + ")");
        }
        if (nextUpdate != null && nextUpdate.plus(CrlReading.CLOCK_SKEW).isBefore(now)) {
            return unknown("câu trả lời của " + url + " đã quá hạn (lẽ ra phải được cập nhật lúc " + UtcDates.format(nextUpdate) + ")",
                    url + " sent an out-of-date answer (next update was due " + UtcDates.format(nextUpdate) + ")");
        }
        Instant byTtl = now.plus(ttl);
        Instant reuseUntil = nextUpdate != null && nextUpdate.isBefore(byTtl) ? nextUpdate : byTtl;
        CertificateStatus status = single.getCertStatus();
        Bilingual source = Phrases.of("máy chủ OCSP " + url, "the OCSP responder " + url);
        if (status == CertificateStatus.GOOD) {
            return new Answer(RevocationStatus.good(source), reuseUntil);
        }
        if (status instanceof RevokedStatus) {
            RevokedStatus revoked = (RevokedStatus) status;
            String reason = revoked.hasRevocationReason() ? CrlReading.reasonName(revoked.getRevocationReason()) : "unspecified";
            return new Answer(RevocationStatus.revoked(revoked.getRevocationTime().toInstant(), reason, source), reuseUntil);
        }
        return unknown("máy chủ OCSP " + url + " không biết chứng thư này", url + " does not know the certificate");
    }

    /** RFC 8954 wraps the nonce in an OCTET STRING; some responders echo it bare. Both are the same nonce. */
    private static boolean sameNonce(byte[] echoed, byte[] nonce) throws IOException {
        return java.util.Arrays.equals(echoed, nonce) || java.util.Arrays.equals(echoed, new DEROctetString(nonce).getEncoded());
    }

    private static Answer unknown(String vietnamese, String english) {
        return new Answer(RevocationStatus.unknown(Phrases.of(vietnamese, english)), Instant.MIN);
    }
}
