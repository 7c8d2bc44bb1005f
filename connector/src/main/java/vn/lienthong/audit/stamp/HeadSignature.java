package vn.lienthong.audit.stamp;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Signature;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.lienthong.signature.xml.SigningKey;

/**
 * A plain signature over bytes (a tree head's text) with the agency's signing key: SHA256withRSA for an RSA key,
 * SHA256withECDSA for an EC key, made by the key's own provider when it has one, so a key on a PKCS#11 token signs
 * on the token. Any tool checks it with the signer's certificate, e.g. {@code openssl dgst -sha256 -verify}.
 */
public final class HeadSignature {

    public static final String RSA = "SHA256withRSA";
    public static final String ECDSA = "SHA256withECDSA";
    private static final Set<String> ALGORITHMS = Set.of(RSA, ECDSA);

    private final String algorithm;
    private final byte[] signature;
    private final List<X509Certificate> certificates;

    public HeadSignature(String algorithm, byte[] signature, List<X509Certificate> certificates) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.signature = signature.clone();
        this.certificates = List.copyOf(certificates);
    }

    /**
     * Signs {@code data} with {@code key}.
     *
     * @throws IllegalArgumentException when the key is neither RSA nor EC
     * @throws IllegalStateException    when the key cannot sign (a token removed or locked), with a bilingual message
     *                                  and the provider's exception as its cause; the caller may retry later
     */
    public static HeadSignature sign(SigningKey key, byte[] data) {
        String algorithm = algorithmFor(key.privateKey().getAlgorithm());
        try {
            Signature signer = key.provider() == null
                    ? Signature.getInstance(algorithm)
                    : Signature.getInstance(algorithm, key.provider());
            signer.initSign(key.privateKey());
            signer.update(data);
            return new HeadSignature(algorithm, signer.sign(), key.chain());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Không ký được đầu nhật ký bằng khóa của cơ quan (" + e.getClass().getSimpleName()
                    + "). / The log head could not be signed with the agency's key (" + e.getClass().getSimpleName() + ").", e);
        }
    }

    /**
     * Checks that {@code signature} is {@code signer}'s signature over {@code data} with {@code algorithm}.
     *
     * @throws StampException {@code ANCHOR_ALGORITHM_UNSUPPORTED} for another algorithm,
     *                        {@code ANCHOR_SIGNATURE_INVALID} when the signature does not match
     */
    public static void verify(String algorithm, byte[] signature, X509Certificate signer, byte[] data)
            throws StampException {
        if (!ALGORITHMS.contains(algorithm)) {
            throw new StampException("ANCHOR_ALGORITHM_UNSUPPORTED",
                    "Thuật toán chữ ký của mốc neo không được hỗ trợ: " + algorithm + " (chỉ nhận " + RSA + ", " + ECDSA + ").",
                    "The anchor's signature algorithm is not supported: " + algorithm + " (only " + RSA + ", " + ECDSA + ").");
        }
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(signer);
            verifier.update(data);
            valid = verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException malformed) {
            // A signature of the wrong shape or for another kind of key is as invalid as a wrong one.
            valid = false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot verify " + algorithm, e);
        }
        if (!valid) {
            String subject = signer.getSubjectX500Principal().getName();
            throw new StampException("ANCHOR_SIGNATURE_INVALID",
                    "Chữ ký của mốc neo không hợp lệ: không khớp với nội dung đầu nhật ký và chứng thư số của " + subject + ".",
                    "The anchor's signature is invalid: it does not match the log head and the certificate of " + subject + ".");
        }
    }

    private static String algorithmFor(String keyAlgorithm) {
        return switch (keyAlgorithm) {
            case "RSA" -> RSA;
            case "EC" -> ECDSA;
            default -> throw new IllegalArgumentException("a log head is signed with an RSA or EC key, not " + keyAlgorithm);
        };
    }

    public String algorithm() {
        return algorithm;
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The key's chain, signer first. */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** The signer's own certificate. */
    public X509Certificate signer() {
        return certificates.get(0);
    }
}
