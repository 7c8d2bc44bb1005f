package vn.lienthong.audit;

import java.util.List;

/**
 * What a checked evidence bundle proves: the document's envelope is the one its intake entry hashed, each of its log
 * entries is in the log under a head the agency signed and a TSA dated.
 *
 * @param documentKey     the document the bundle is about
 * @param envelopeSha256  the envelope's SHA-256, equal to its intake entry's contentHash
 * @param intakeSequence  the intake (or inbound) entry whose contentHash that is
 * @param sequences       the bundle's log entries, each with an inclusion path to the head
 * @param anchor          the head's signature and time stamp, checked
 * @param manifestSigner  the subject of who signed the manifest, or null when it is not signed
 */
public record EvidenceVerdict(String documentKey, String envelopeSha256, long intakeSequence, List<Long> sequences,
        AnchorVerdict anchor, String manifestSigner) {

    public EvidenceVerdict {
        sequences = List.copyOf(sequences);
    }
}
