package vn.lienthong.dms;

/** Puts an accepted document's key on its queue (durably, before returning) and records that it is queued. */
@FunctionalInterface
public interface QueueSender {

    void enqueue(String key, boolean status) throws Exception;
}
