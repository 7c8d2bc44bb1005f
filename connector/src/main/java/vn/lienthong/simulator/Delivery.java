package vn.lienthong.simulator;

import java.time.Instant;

/**
 * One recipient's copy of a package, in the mailbox of the system receiving for that recipient. Mutable, and
 * only ever touched under the {@link PostOffice}'s lock.
 */
final class Delivery {

    /** Where the copy stands: waiting to be collected, reported failed (still listed), or collected. */
    enum State { WAITING, FAILED, DONE }

    final String recipient;
    final String systemId;
    State state = State.WAITING;
    Instant updatedAt;
    Instant receivedAt;
    String receiveStatus = "";
    String receiveStatusDescription = "";

    Delivery(String recipient, String systemId, Instant createdAt) {
        this.recipient = recipient;
        this.systemId = systemId;
        this.updatedAt = createdAt;
    }

    boolean listed() {
        return state != State.DONE;
    }
}
