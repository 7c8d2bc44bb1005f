package vn.lienthong.transport;

/**
 * What became of a file taken from the outbox: filed in the store as the intake item {@code id}, for the intake
 * queue, or nothing to queue (refused unread, parked, or taken back by the DMS before it was read).
 *
 * @param name the name the DMS handed it over under, for the findings and the log
 */
public record OutboxFiling(boolean filed, String id, String name) {

    static final OutboxFiling NOTHING = new OutboxFiling(false, null, null);

    static OutboxFiling filed(String id, String name) {
        return new OutboxFiling(true, id, name);
    }
}
