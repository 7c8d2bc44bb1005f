package vn.lienthong.transport;

import java.util.Set;

/**
 * Who hands a document over, and what follows from it: the agencies it may send as (null: any, for the
 * connector's own outbox), and whether a refused document is parked in the DMS error folder (folder clients read
 * their refusals there) or only answered (REST, SOAP, JMS clients get the reasons in the answer).
 */
public record Submitter(String description, Set<String> allowedSenders, boolean parkRefused) {

    /** The connector's configured outbox folder: any sender, refusals parked beside it. */
    public static final Submitter OUTBOX = new Submitter("outbox", null, true);

    public Submitter {
        allowedSenders = allowedSenders == null ? null : Set.copyOf(allowedSenders);
    }

    public boolean maySendAs(String organId) {
        return allowedSenders == null || allowedSenders.contains(organId);
    }
}
