package vn.lienthong.tracking;

import java.util.OptionalLong;

/**
 * The result of walking the transmission log.
 *
 * @param checkedEntries      entries read before the walk stopped (all of them when intact)
 * @param firstBrokenSequence the first sequence number at which the chain does not hold; empty when intact
 * @param reason              plain text: "intact", or what is wrong at that sequence
 */
public record ChainVerdict(boolean intact, long checkedEntries, OptionalLong firstBrokenSequence, String reason) {

    static ChainVerdict intact(long checkedEntries) {
        return new ChainVerdict(true, checkedEntries, OptionalLong.empty(), "intact");
    }

    static ChainVerdict broken(long checkedEntries, long sequence, String reason) {
        return new ChainVerdict(false, checkedEntries, OptionalLong.of(sequence), reason);
    }
}
