package vn.lienthong.dms.jms;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.dms.delivery.ClientDelivery;

/**
 * Puts a received document (or status notice) on the queue a JMS client reads: the envelope's bytes in a
 * BytesMessage, streamed from the store file (Artemis sends it as a large message in chunks, never whole in the
 * heap), with the document key, the message type and the sender as properties.
 * <p>
 * Exactly once as the client sees it: the message is sent on a session of its own and is durable when
 * {@code send} returns; then (document, client) is marked. A redelivered delivery message finds the mark and sends
 * nothing. A crash between the send and the mark sends again with the same duplicate-detection id
 * ({@code _AMQ_DUPL_ID} = key:client), which the broker drops. The send deliberately does not join the delivery
 * message's transaction: the database mark cannot roll back with it, so a rolled-back send would be marked as done.
 */
public final class JmsDelivery implements ClientDelivery {

    static final String MARK = "delivered-to-dms:";
    /** Artemis's duplicate-detection header (org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID). */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    /** Artemis streams the body of a message from an InputStream set under this name. */
    static final String INPUT_STREAM = "JMS_AMQ_InputStream";
    private static final Logger LOG = LoggerFactory.getLogger(JmsDelivery.class);

    private final ConnectionFactory connections;
    private final ProcessedMarks marks;

    public JmsDelivery(ConnectionFactory connections, ProcessedMarks marks) {
        this.connections = connections;
        this.marks = marks;
    }

    @Override
    public void deliver(DmsClient client, TrackedDocument document, Path envelope, List<String> findingCodes)
            throws Exception {
        String step = MARK + client.id();
        if (marks.detail(document.key(), step).isPresent()) {
            return;
        }
        String queue = DmsQueues.of(client).out();
        Connection connection = connections.createConnection();
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(queue));
             InputStream body = Files.newInputStream(envelope)) {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            BytesMessage message = session.createBytesMessage();
            message.setStringProperty(JmsHeaders.KEY, document.key().value());
            message.setStringProperty(JmsHeaders.MESSAGE_TYPE, document.messageType());
            message.setStringProperty(JmsHeaders.SENDER, document.senderOrganId());
            if (!findingCodes.isEmpty()) {
                message.setStringProperty(JmsHeaders.FINDINGS, String.join(",", findingCodes));
            }
            message.setStringProperty(DUPLICATE_ID, document.key().value() + ":" + client.id());
            message.setObjectProperty(INPUT_STREAM, body);
            producer.send(message);
        } finally {
            connection.close();
        }
        marks.mark(document.key(), step, queue);
        LOG.info("Delivered {} {} to JMS client {} on {}", document.messageType(), document.key().value(), client.id(), queue);
    }
}
