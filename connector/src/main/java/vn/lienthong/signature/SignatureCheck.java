package vn.lienthong.signature;

import java.time.Instant;
import java.util.List;

/**
 * The verdict on one signature, with every reason, the signer, and the time it was judged at.
 *
 * @param kind          the envelope's XML-DSig or a PDF signature
 * @param where         which signature: "envelope", or the attachment name and the PDF signature field
 * @param signer        null when no certificate could be found
 * @param signingTime   the time the certificate was judged at: the time stamp's time when there is a valid one,
 *                      else the claimed signing time, else null
 * @param timestamped   whether a valid RFC 3161 time stamp vouches for the signing time
 * @param algorithm     the signature algorithm, e.g. http://www.w3.org/2001/04/xmldsig-more#rsa-sha256 or SHA256withRSA
 */
public record SignatureCheck(
        Kind kind,
        String where,
        Verdict verdict,
        List<Reason> reasons,
        SignerIdentity signer,
        Instant signingTime,
        boolean timestamped,
        String algorithm) {

    public enum Kind { ENVELOPE_XMLDSIG, PDF }

    public SignatureCheck {
        reasons = List.copyOf(reasons);
    }

    /** The verdict the reasons imply together (VALID when there are none). */
    public static Verdict verdictOf(List<Reason> reasons) {
        return reasons.stream().map(Reason::implies).reduce(Verdict.VALID, Verdict::and);
    }
}
