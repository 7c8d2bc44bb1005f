package vn.lienthong.runtime;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import vn.lienthong.transport.OutboundIntake;
import vn.lienthong.transport.OutboundQuarantine;

/**
 * Puts a key on the outbound (or status-out) queue on a session of its own, not the transaction of the message being
 * consumed on the calling thread (Spring exposes that one to Camel's producers): the key is durable when this
 * returns, then the document is marked QUEUED. Used by the intake queue's consumers (OutboxIntakeQueue says why).
 */
final class OwnSessionQueue implements OutboundQuarantine.SendQueue {

    private final ConnectionFactory connections;
    private final OutboundIntake outbound;

    OwnSessionQueue(ConnectionFactory connections, OutboundIntake outbound) {
        this.connections = connections;
        this.outbound = outbound;
    }

    @Override
    public void enqueue(String key, boolean status) throws JMSException {
        Connection connection = connections.createConnection();
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(
                     status ? "lienthong.status.out" : "lienthong.outbound"))) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage(key));
        } finally {
            connection.close();
        }
        outbound.queued(key);
    }
}
