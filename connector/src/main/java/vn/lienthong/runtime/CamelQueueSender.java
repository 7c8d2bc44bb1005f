package vn.lienthong.runtime;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import vn.lienthong.dms.QueueSender;
import vn.lienthong.transport.InboundHold;
import vn.lienthong.transport.InboundIntake;
import vn.lienthong.transport.OutboundIntake;
import vn.lienthong.transport.OutboundQuarantine;

/**
 * Puts a key on one of the flows' queues synchronously: the broker has persisted it when this returns. A key
 * accepted through a DMS interface goes on the outbound (or status-out) queue, so the interface may answer
 * "accepted", as does an outbound document an operator released from quarantine; a held inbound package an
 * operator released goes on the delivery queue. The same queues the flows use.
 */
final class CamelQueueSender implements QueueSender, InboundHold.DeliveryQueue, OutboundQuarantine.SendQueue {

    private final Main main;
    private final OutboundIntake outbound;
    private final InboundIntake inbound;
    private volatile ProducerTemplate producer;

    CamelQueueSender(Main main, OutboundIntake outbound, InboundIntake inbound) {
        this.main = main;
        this.outbound = outbound;
        this.inbound = inbound;
    }

    @Override
    public void enqueue(String key, boolean status) {
        producer().sendBody(status ? "jms:queue:lienthong.status.out" : "jms:queue:lienthong.outbound", key);
        outbound.queued(key);
    }

    @Override
    public void enqueue(String key) {
        producer().sendBody("jms:queue:lienthong.delivery", key);
        inbound.queued(key);
    }

    /** Made on first use: the Camel context exists only once the connector has started. */
    private ProducerTemplate producer() {
        ProducerTemplate current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = main.getCamelContext().createProducerTemplate();
                }
                current = producer;
            }
        }
        return current;
    }
}
