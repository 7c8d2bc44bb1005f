package vn.lienthong.audit;

import java.time.Instant;

/**
 * What a checked anchor proves: the log had {@code size} entries with that root when the agency signed it, and,
 * when stamped, no later than {@code stampTime}.
 *
 * @param size          the tree size the head covers
 * @param root          the head's root, 64 hex digits
 * @param headTime      the time the head itself states (the connector's clock)
 * @param signerSubject the signing certificate's subject, RFC 2253
 * @param stamped       whether a time stamp was present and checked
 * @param stampTime     the TSA's time (genTime), or null when not stamped
 * @param tsaSubject    the TSA certificate's subject, or null when not stamped
 * @param tsaPinned     whether the TSA was checked against a certificate the auditor gave
 */
public record AnchorVerdict(long size, String root, Instant headTime, String signerSubject, boolean stamped,
        Instant stampTime, String tsaSubject, boolean tsaPinned) {
}
