package vn.lienthong.transport;

/**
 * What intake decided about one document, for the route to act on: queue it for the axis (edoc or status),
 * or stop because it was refused or is a replay of one already queued.
 */
public record IntakeResult(Decision decision, String key) {

    public enum Decision { QUEUE_EDOC, QUEUE_STATUS, REFUSED, DUPLICATE }

    public boolean queued() {
        return decision == Decision.QUEUE_EDOC || decision == Decision.QUEUE_STATUS;
    }
}
