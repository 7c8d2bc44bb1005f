package vn.lienthong.signature.xml;

import java.security.PublicKey;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.SignatureAlgorithm;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Element;

/**
 * The SignatureValue check, done by Santuario with secure validation on: the ds:Signature (a small DOM, in its
 * namespace context) is parsed, its SignedInfo canonicalized, and the value verified with a candidate key. The
 * Reference is deliberately not dereferenced here: its digest is computed by streaming ({@link CanonicalDigest}).
 */
final class SignatureValue {

    static {
        Init.init();
    }

    private final SignedInfo signedInfo;
    private final byte[] canonicalSignedInfo;
    private final byte[] value;

    private SignatureValue(SignedInfo signedInfo, byte[] canonicalSignedInfo, byte[] value) {
        this.signedInfo = signedInfo;
        this.canonicalSignedInfo = canonicalSignedInfo;
        this.value = value;
    }

    /** @throws XMLSecurityException when Santuario finds the signature malformed or refuses it under secure validation */
    static SignatureValue of(Element signature) throws XMLSecurityException {
        XMLSignature parsed = new XMLSignature(signature, "", true);
        SignedInfo signedInfo = parsed.getSignedInfo();
        try {
            return new SignatureValue(signedInfo, signedInfo.getCanonicalizedOctetStream(), parsed.getSignatureValue());
        } catch (java.io.IOException e) {
            throw new XMLSecurityException(e);
        }
    }

    /** Whether the value verifies with this key; a key of the wrong type simply does not verify. */
    boolean verifiesWith(PublicKey key) {
        try {
            SignatureAlgorithm algorithm = signedInfo.getSignatureAlgorithm();
            algorithm.initVerify(key);
            algorithm.update(canonicalSignedInfo);
            return algorithm.verify(value);
        } catch (XMLSecurityException | RuntimeException e) {
            return false;
        }
    }
}
