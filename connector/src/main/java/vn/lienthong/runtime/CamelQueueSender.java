package vn.lienthong.runtime;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import vn.lienthong.dms.QueueSender;
import vn.lienthong.transport.OutboundIntake;

/**
 * Puts a key accepted through a DMS interface on the outbound (or status-out) queue, synchronously: the broker
 * has persisted it when this returns, so the interface may answer "accepted". The same queues the outbox flow uses.
 */
final class CamelQueueSender implements QueueSender {

    private final Main main;
    private final OutboundIntake intake;
    private volatile ProducerTemplate producer;

    CamelQueueSender(Main main, OutboundIntake intake) {
        this.main = main;
        this.intake = intake;
    }

    @Override
    public void enqueue(String key, boolean status) {
        producer().sendBody(status ? "jms:queue:lienthong.status.out" : "jms:queue:lienthong.outbound", key);
        intake.queued(key);
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
