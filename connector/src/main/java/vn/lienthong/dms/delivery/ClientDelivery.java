package vn.lienthong.dms.delivery;

import java.nio.file.Path;
import java.util.List;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.tracking.TrackedDocument;

/**
 * One way of handing a received document to a DMS client (webhook, JMS); must be idempotent per (document,
 * client), since a delivery message can be redelivered after a crash. Throwing rolls the delivery back, and the
 * broker tries again later.
 */
public interface ClientDelivery {

    /**
     * @param findingCodes the codes of what validation found in the document (warnings it was delivered with), each
     *                     once, in report order; empty when nothing was found
     */
    void deliver(DmsClient client, TrackedDocument document, Path envelope, List<String> findingCodes) throws Exception;
}
