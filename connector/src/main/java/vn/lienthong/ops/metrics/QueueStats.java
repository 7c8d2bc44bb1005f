package vn.lienthong.ops.metrics;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

/**
 * The connector's queues as the broker sees them: messages waiting, and the age of the oldest, for every
 * {@code lienthong.*} queue and its dead-letter queue ({@code DLQ.lienthong.*}). Asked through Artemis's management
 * address with JMS management messages, so the embedded broker (in-VM) and an external one (by URL, with a user
 * allowed to manage) are read the same way. /metrics, the ready check and the {@code queues} command share it.
 */
public final class QueueStats {

    private static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final String OURS = "lienthong.";
    private static final String DEAD_LETTERS = "DLQ.";

    /** One queue: its messages, and the age of the oldest (-1 when it is empty). */
    public record Queue(String name, long messages, long oldestAgeMillis) {

        /** A dead-letter queue: what it holds failed for good and waits for an operator. */
        public boolean deadLetter() {
            return name.startsWith(DEAD_LETTERS);
        }

        /** The address whose failures a dead-letter queue holds ({@code DLQ.lienthong.outbound}: lienthong.outbound). */
        public String flow() {
            return deadLetter() ? name.substring(DEAD_LETTERS.length()) : name;
        }
    }

    /** The broker could not be asked, or did not answer in time. */
    public static final class Unavailable extends Exception {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ConnectionFactory factory;
    private final Duration timeout;

    /** {@code factory} is a plain (not caching) factory of the connector's broker. */
    public QueueStats(ConnectionFactory factory, Duration timeout) {
        this.factory = factory;
        this.timeout = timeout;
    }

    /** Every queue of the connector, by name. */
    public List<Queue> read() throws Unavailable {
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            TemporaryQueue replies = session.createTemporaryQueue();
            try (MessageProducer producer = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                 MessageConsumer answers = session.createConsumer(replies)) {
                Asker asker = new Asker(session, producer, answers, replies);
                List<String> names = new ArrayList<>();
                for (Object name : (Object[]) asker.ask(ResourceNames.BROKER, "queueNames")) {
                    String queue = String.valueOf(name);
                    if (queue.startsWith(OURS) || queue.startsWith(DEAD_LETTERS + OURS)) {
                        names.add(queue);
                    }
                }
                names.sort(null);
                List<Queue> queues = new ArrayList<>();
                for (String name : names) {
                    Object count = asker.ask(ResourceNames.QUEUE + name, "messageCount");
                    Object age = asker.ask(ResourceNames.QUEUE + name, "firstMessageAge");
                    queues.add(new Queue(name, ((Number) count).longValue(), age instanceof Number n ? n.longValue() : -1));
                }
                return queues;
            } finally {
                replies.delete();
            }
        } catch (JMSException | RuntimeException e) {
            throw new Unavailable("the broker's queues could not be read: " + e.getMessage(), e);
        }
    }

    /** One management request and its reply at a time, over one session. */
    private final class Asker {
        private final Session session;
        private final MessageProducer producer;
        private final MessageConsumer answers;
        private final TemporaryQueue replies;

        Asker(Session session, MessageProducer producer, MessageConsumer answers, TemporaryQueue replies) {
            this.session = session;
            this.producer = producer;
            this.answers = answers;
            this.replies = replies;
        }

        Object ask(String resource, String attribute) throws JMSException {
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, resource, attribute);
            request.setJMSReplyTo(replies);
            producer.send(request);
            Message reply = answers.receive(timeout.toMillis());
            if (reply == null) {
                throw new JMSException("no answer from the broker's management in " + timeout.toMillis() + " ms");
            }
            Object result;
            try {
                result = JMSManagementHelper.getResult(reply);
            } catch (Exception unreadable) {
                throw new JMSException("the broker's answer about " + attribute + " of " + resource + " is unreadable: "
                        + unreadable.getMessage());
            }
            if (!JMSManagementHelper.hasOperationSucceeded(reply)) {
                throw new JMSException("the broker refused to tell " + attribute + " of " + resource + ": " + result);
            }
            return result instanceof Object[] array ? Arrays.copyOf(array, array.length) : result;
        }
    }
}
