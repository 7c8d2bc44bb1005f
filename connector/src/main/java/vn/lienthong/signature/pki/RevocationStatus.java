package vn.lienthong.signature.pki;

import java.time.Instant;

/**
 * What a CRL or an OCSP responder said about one certificate.
 *
 * @param revokedAt  set when REVOKED
 * @param reason     the CRL reason when REVOKED (e.g. keyCompromise), else null
 * @param detail     where the answer came from, or why there is none (plain English, for reasons and logs)
 */
record RevocationStatus(State state, Instant revokedAt, String reason, String detail) {

    enum State { GOOD, REVOKED, UNKNOWN }

    static RevocationStatus good(String source) {
        return new RevocationStatus(State.GOOD, null, null, source);
    }

    static RevocationStatus revoked(Instant at, String reason, String source) {
        return new RevocationStatus(State.REVOKED, at, reason, source);
    }

    static RevocationStatus unknown(String why) {
        return new RevocationStatus(State.UNKNOWN, null, null, why);
    }

    boolean known() {
        return state != State.UNKNOWN;
    }
}
