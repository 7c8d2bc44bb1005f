package vn.lienthong.signature.pki;

import java.time.Instant;
import vn.lienthong.findings.Bilingual;

/**
 * What a CRL or an OCSP responder said about one certificate.
 *
 * @param revokedAt  set when REVOKED
 * @param reason     the CRL reason when REVOKED (e.g. keyCompromise), else null
 * @param detail     where the answer came from, or why there is none, in both languages: it ends up in a reason's
 *                   Vietnamese and English sentences (logs take the English)
 */
record RevocationStatus(State state, Instant revokedAt, String reason, Bilingual detail) {

    enum State { GOOD, REVOKED, UNKNOWN }

    static RevocationStatus good(Bilingual source) {
        return new RevocationStatus(State.GOOD, null, null, source);
    }

    static RevocationStatus revoked(Instant at, String reason, Bilingual source) {
        return new RevocationStatus(State.REVOKED, at, reason, source);
    }

    static RevocationStatus unknown(Bilingual why) {
        return new RevocationStatus(State.UNKNOWN, null, null, why);
    }

    boolean known() {
        return state != State.UNKNOWN;
    }
}
