package vn.lienthong.tracking;

import java.time.Instant;

/**
 * One entry of the transmission log.
 *
 * @param sequence     1, 2, 3, ... without gaps
 * @param time         when it was appended, to the millisecond
 * @param documentKey  null for system events
 * @param step         what was done, e.g. "intake", "validate", "send-to-axis"
 * @param outcome      how it ended, e.g. "ok", "refused", "retry", "dead-lettered"
 * @param attempt      1 for the first try of the step
 * @param contentHash  e.g. the envelope SHA-256; may be null
 * @param detail       short plain text; never document content or secrets; may be null
 * @param previousHash the entryHash of the entry before, or 64 zeros for the first entry
 * @param entryHash    see {@link LogEntryHash}
 */
public record LogEvent(long sequence, Instant time, String documentKey, String step, String outcome, int attempt,
        String contentHash, String detail, String previousHash, String entryHash) {
}
