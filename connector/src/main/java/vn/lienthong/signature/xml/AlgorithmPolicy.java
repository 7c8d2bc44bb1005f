package vn.lienthong.signature.xml;

import static org.apache.xml.security.algorithms.MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1;
import static org.apache.xml.security.algorithms.MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256;
import static org.apache.xml.security.algorithms.MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA384;
import static org.apache.xml.security.algorithms.MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA512;
import static org.apache.xml.security.signature.XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256;
import static org.apache.xml.security.signature.XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA384;
import static org.apache.xml.security.signature.XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA512;
import static org.apache.xml.security.signature.XMLSignature.ALGO_ID_SIGNATURE_RSA_PSS;
import static org.apache.xml.security.signature.XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1;
import static org.apache.xml.security.signature.XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
import static org.apache.xml.security.signature.XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256_MGF1;
import static org.apache.xml.security.signature.XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA384;
import static org.apache.xml.security.signature.XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA384_MGF1;
import static org.apache.xml.security.signature.XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512;
import static org.apache.xml.security.signature.XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512_MGF1;

import java.util.Map;
import java.util.Set;

/**
 * Which signature and digest algorithms an envelope signature may use: RSA (PKCS#1 v1.5 and PSS) and ECDSA with
 * SHA-256/384/512. rsa-sha1 and sha1 are legacy, accepted only when the policy allows SHA-1; everything else
 * (HMAC, MD5, DSA, SHA-224, SHA-3, RIPEMD) is refused — a list of what is allowed, not of what is forbidden, so that
 * an algorithm nobody thought of is refused too.
 */
final class AlgorithmPolicy {

    enum Standing { ALLOWED, LEGACY, REFUSED }

    private static final Set<String> SIGNATURE_METHODS = Set.of(
            ALGO_ID_SIGNATURE_RSA_SHA256, ALGO_ID_SIGNATURE_RSA_SHA384, ALGO_ID_SIGNATURE_RSA_SHA512,
            ALGO_ID_SIGNATURE_RSA_SHA256_MGF1, ALGO_ID_SIGNATURE_RSA_SHA384_MGF1, ALGO_ID_SIGNATURE_RSA_SHA512_MGF1,
            ALGO_ID_SIGNATURE_RSA_PSS,
            ALGO_ID_SIGNATURE_ECDSA_SHA256, ALGO_ID_SIGNATURE_ECDSA_SHA384, ALGO_ID_SIGNATURE_ECDSA_SHA512);

    /** Digest URIs and the JCA names of their algorithms. */
    private static final Map<String, String> DIGEST_METHODS = Map.of(
            ALGO_ID_DIGEST_SHA256, "SHA-256",
            ALGO_ID_DIGEST_SHA384, "SHA-384",
            ALGO_ID_DIGEST_SHA512, "SHA-512");

    private final boolean allowSha1;

    AlgorithmPolicy(boolean allowSha1) {
        this.allowSha1 = allowSha1;
    }

    Standing signatureMethod(String uri) {
        if (SIGNATURE_METHODS.contains(uri)) {
            return Standing.ALLOWED;
        }
        return ALGO_ID_SIGNATURE_RSA_SHA1.equals(uri) ? legacy() : Standing.REFUSED;
    }

    Standing digestMethod(String uri) {
        if (DIGEST_METHODS.containsKey(uri)) {
            return Standing.ALLOWED;
        }
        return ALGO_ID_DIGEST_SHA1.equals(uri) ? legacy() : Standing.REFUSED;
    }

    /** The JCA name of a digest this policy accepts (allowed or legacy), e.g. SHA-256. */
    static String jcaDigestName(String uri) {
        return ALGO_ID_DIGEST_SHA1.equals(uri) ? "SHA-1" : DIGEST_METHODS.get(uri);
    }

    private Standing legacy() {
        return allowSha1 ? Standing.LEGACY : Standing.REFUSED;
    }
}
