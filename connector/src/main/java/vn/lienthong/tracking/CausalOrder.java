package vn.lienthong.tracking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * The order a recipient's statuses happened in, which their timestamps alone do not give: our own "sent" is
 * recorded to the millisecond, a recipient's answers only to the second (edXML's Timestamp), so an answer given in
 * the second we sent looked older than the send ({@code 01 → sent → 03 → 06}). Nothing a recipient says can come
 * before we sent it the document, so "sent" comes first; then the answers by the second they were given in, and
 * answers within one second in the status codes' order (01 received, 03 accepted, ... 06 done).
 */
final class CausalOrder {

    static final String SENT = "sent";

    /** Within one recipient's timeline. */
    static final Comparator<RecipientStatus> OF_ONE_RECIPIENT = Comparator
            .comparing((RecipientStatus status) -> !SENT.equals(status.statusCode()))
            .thenComparing(status -> second(status.at()), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RecipientStatus::statusCode, CausalOrder::compareCodes)
            .thenComparing(RecipientStatus::at, Comparator.nullsLast(Comparator.naturalOrder()));

    /** Grouped by recipient, then each recipient's statuses as {@link #OF_ONE_RECIPIENT} orders them. */
    static final Comparator<RecipientStatus> TIMELINE = Comparator
            .comparing(RecipientStatus::recipientOrganId).thenComparing(OF_ONE_RECIPIENT);

    private CausalOrder() {
    }

    private static Instant second(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Two-digit codes by their number ("06" before "13"); anything else after them, alphabetically. */
    private static int compareCodes(String a, String b) {
        boolean aNumeric = a.chars().allMatch(Character::isDigit) && !a.isEmpty();
        boolean bNumeric = b.chars().allMatch(Character::isDigit) && !b.isEmpty();
        if (aNumeric && bNumeric) {
            int byNumber = Long.compare(Long.parseLong(a), Long.parseLong(b));
            return byNumber != 0 ? byNumber : a.compareTo(b);
        }
        if (aNumeric != bNumeric) {
            return aNumeric ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
