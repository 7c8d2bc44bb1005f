package vn.lienthong.transport;

import java.util.Set;
import java.util.function.Predicate;
import vn.lienthong.edxml.StatusHeader;

/**
 * Who hands a document over, and what follows from it: the agencies it may send as (null: any, for the
 * connector's own outbox), and whether a refused document is parked in the DMS error folder (folder clients read
 * their refusals there) or only answered (REST, SOAP, JMS clients get the reasons in the answer).
 */
public record Submitter(String description, Set<String> allowedSenders, boolean parkRefused,
                        Predicate<StatusHeader> statusAllowed) {

    /** The connector's configured outbox folder: any sender, any status, refusals parked beside it. */
    public static final Submitter OUTBOX = new Submitter("outbox", null, true, status -> true);

    /**
     * A client bound to {@code agencies}: it sends only as them, and a status notice it sends must be about a
     * document one of them received ({@code statusAllowed} answers that).
     */
    public static Submitter client(String description, Set<String> agencies, Predicate<StatusHeader> statusAllowed) {
        return new Submitter(description, agencies, false, statusAllowed);
    }

    public Submitter {
        allowedSenders = allowedSenders == null ? null : Set.copyOf(allowedSenders);
    }

    public boolean maySendAs(String organId) {
        return allowedSenders == null || allowedSenders.contains(organId);
    }
}
