package vn.lienthong.audit.tree;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A tree head signed with the agency's key and, once a time-stamping authority answered, time-stamped: the token's
 * message imprint is the SHA-256 of {@code signature} (RFC 3161), so it dates the signed head.
 *
 * @param head         what was signed ({@link TreeHead#bytes()})
 * @param algorithm    the JCA name of the signature algorithm, e.g. SHA256withRSA
 * @param signature    the signature over the head's bytes
 * @param certificates the signer's certificate first, then its chain
 * @param timestamp    the DER RFC 3161 TimeStampToken, or null while the TSA has not answered
 * @param stampedAt    when the token was obtained, or null
 */
public record Anchor(TreeHead head, String algorithm, byte[] signature, List<X509Certificate> certificates,
        byte[] timestamp, Instant stampedAt) {

    public Anchor {
        certificates = List.copyOf(certificates);
    }

    public boolean stamped() {
        return timestamp != null;
    }

    public Anchor withTimestamp(byte[] token, Instant at) {
        return new Anchor(head, algorithm, signature, certificates, token, at);
    }
}
