package vn.lienthong.dms.jms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** A DMS connected to the connector's broker over TCP, as a vendor would write it with the Artemis JMS client. */
final class DmsOnJms implements AutoCloseable {

    private final ActiveMQConnectionFactory factory;
    private final Connection connection;
    private final Session session;

    DmsOnJms(int port, String clientId, String apiKey) throws JMSException {
        factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port);
        try {
            connection = factory.createConnection(clientId, apiKey);
        } catch (JMSException e) {
            factory.close();
            throw e;
        }
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        connection.start();
    }

    /** Sends an envelope file as a BytesMessage streamed from the file (a large message when it is big). */
    void send(String queue, Path envelope, String correlationId) throws Exception {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue));
             InputStream body = Files.newInputStream(envelope)) {
            BytesMessage message = session.createBytesMessage();
            message.setJMSCorrelationID(correlationId);
            message.setObjectProperty("JMS_AMQ_InputStream", body);
            producer.send(message);
        }
    }

    void send(String queue, Message message) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(message);
        }
    }

    Session session() {
        return session;
    }

    /** The answer to the message sent with {@code correlationId}, read from the results queue. */
    JsonNode answer(String resultsQueue, String correlationId) throws Exception {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(resultsQueue),
                "JMSCorrelationID = '" + correlationId + "'")) {
            TextMessage answer = (TextMessage) consumer.receive(30_000);
            if (answer == null) {
                throw new AssertionError("no answer for " + correlationId + " within 30 s");
            }
            return new ObjectMapper().readTree(answer.getText());
        }
    }

    /** The answer to {@code correlationId} if one comes within {@code wait}, else null. */
    JsonNode answerWithin(String resultsQueue, String correlationId, java.time.Duration wait) throws Exception {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(resultsQueue),
                "JMSCorrelationID = '" + correlationId + "'")) {
            TextMessage answer = (TextMessage) consumer.receive(wait.toMillis());
            return answer == null ? null : new ObjectMapper().readTree(answer.getText());
        }
    }

    /** Receives one message from {@code queue} and writes its body to {@code target}; null after 30 s. */
    BytesMessage receiveTo(String queue, Path target) throws Exception {
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
            BytesMessage message = (BytesMessage) consumer.receive(30_000);
            if (message != null) {
                try (OutputStream out = Files.newOutputStream(target)) {
                    message.setObjectProperty("JMS_AMQ_SaveStream", out);
                }
            }
            return message;
        }
    }

    MessageConsumer consumer(String queue) throws JMSException {
        return session.createConsumer(session.createQueue(queue));
    }

    @Override
    public void close() throws JMSException {
        connection.close();
        factory.close();
    }
}
