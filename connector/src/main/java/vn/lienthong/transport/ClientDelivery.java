package vn.lienthong.transport;

import java.nio.file.Path;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.tracking.TrackedDocument;

/**
 * One way of handing a received document to a DMS client (webhook, JMS); must be idempotent per (document,
 * client), since a delivery message can be redelivered after a crash. Throwing rolls the delivery back, and the
 * broker tries again later.
 */
public interface ClientDelivery {

    void deliver(DmsClient client, TrackedDocument document, Path envelope) throws Exception;
}
