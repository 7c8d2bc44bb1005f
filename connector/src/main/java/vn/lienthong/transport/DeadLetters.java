package vn.lienthong.transport;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;

/**
 * The messages waiting in the flows' dead-letter queues, and what an operator does with them: retry one (it goes
 * back on the queue it came from, in one broker transaction, and travels again) or discard it with a reason. Works
 * the same on the embedded broker and an external one, through JMS only.
 *
 * <p>Where a dead letter came from: what the route said when it moved it itself ({@value #ORIGIN}, for a document
 * the axis refused), else what Artemis said when it moved it after the last attempt ({@code _AMQ_ORIG_ADDRESS}),
 * else the dead-letter queue's own name without {@code DLQ.}. Before a retry the document's tracking state leaves
 * DEAD_LETTERED for QUEUED, so the send or delivery that follows is recorded; a retried document the axis already has
 * is recognised by the recipient's intake (its key), and one the axis already took is not sent again (the sent mark).
 */
public final class DeadLetters {

    /** Every dead-letter address of config/broker.xml. */
    public static final List<String> QUEUES = List.of("DLQ.lienthong.outbound.intake", "DLQ.lienthong.outbound",
            "DLQ.lienthong.status.out", "DLQ.lienthong.inbound", "DLQ.lienthong.status.in", "DLQ.lienthong.delivery",
            "DLQ.lienthong.dms");
    /** Set by the route that dead-letters a document the axis refuses: the queue it was taken from. */
    static final String ORIGIN = "lienthongOriginQueue";
    static final String REASON = "lienthongDeadLetterReason";
    static final String ATTEMPTS = "lienthongAttempts";
    private static final String ARTEMIS_ORIGIN = "_AMQ_ORIG_ADDRESS";
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private static final long RECEIVE_MS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    /** One dead-lettered message; {@code document} is empty when it carries no tracked document's key. */
    public record DeadLetter(String id, String queue, String origin, String documentKey, Instant time, int attempts,
                             String reason, Optional<TrackedDocument> document) {
    }

    /** What an operator's action did. */
    public enum Result {
        DONE,
        /** No dead-letter queue holds a message with that id or document key (retried or discarded meanwhile). */
        NOT_FOUND,
        /** The dead letter does not say where it came from, so it cannot be put back. */
        ORIGIN_UNKNOWN
    }

    private final ConnectionFactory connections;
    private final DocumentTracker tracker;
    private final TransmissionLog log;
    private final int maxAttempts;

    /** {@code connections} should not cache consumers: each action opens and closes its own. */
    public DeadLetters(ConnectionFactory connections, DocumentTracker tracker, TransmissionLog log, int maxAttempts) {
        this.connections = connections;
        this.tracker = tracker;
        this.log = log;
        this.maxAttempts = maxAttempts;
    }

    /** Every dead letter of every dead-letter queue, queue by queue, oldest first in each. */
    public List<DeadLetter> list() throws JMSException {
        List<DeadLetter> all = new ArrayList<>();
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String queue : QUEUES) {
                try (QueueBrowser browser = session.createBrowser(session.createQueue(queue))) {
                    Enumeration<?> messages = browser.getEnumeration();
                    while (messages.hasMoreElements()) {
                        all.add(describe(queue, (Message) messages.nextElement()));
                    }
                } catch (InvalidDestinationException notDeclared) {
                    // An external broker without this flow's dead-letter address has no dead letters there.
                    LOG.debug("Dead-letter queue {} does not exist on the broker", queue);
                }
            }
        }
        return all;
    }

    /** The dead letter with this message id, or the first one carrying this document key. */
    public Optional<DeadLetter> find(String idOrKey) throws JMSException {
        return list().stream().filter(letter -> letter.id().equals(idOrKey) || idOrKey.equals(letter.documentKey()))
                .findFirst();
    }

    /** Puts the dead letter back on the queue it came from; {@code reason} may be empty. */
    public Result retry(String idOrKey, String operator, String reason) throws JMSException {
        Optional<DeadLetter> found = find(idOrKey);
        return found.isEmpty() ? Result.NOT_FOUND : retry(found.get(), operator, reason);
    }

    /** Retries a dead letter as {@link #list} described it (NOT_FOUND if it left its queue since). */
    public Result retry(DeadLetter letter, String operator, String reason) throws JMSException {
        if (letter.origin() == null) {
            return Result.ORIGIN_UNKNOWN;
        }
        String why = "retried by " + operator + (reason.isBlank() ? "" : ": " + reason) + "; back from " + letter.queue()
                + " to " + letter.origin();
        Optional<DocumentKey> key = trackedKey(letter);
        String sha256 = letter.document().map(TrackedDocument::envelopeSha256).orElse(null);
        // Tracking and the log first: the flow may take the message the moment it is back, and must find the document
        // QUEUED, and its next step must come after the retry in the log. An append-only log is corrected, not undone.
        boolean moved = key.isPresent() && tracker.retryDeadLetter(key.get(), why);
        log.append(letter.documentKey(), Steps.DEAD_LETTER_RETRIED, Steps.OK, letter.attempts(), sha256, why);
        boolean done = false;
        try {
            done = moveOrRemove(letter, letter.origin());
        } finally {
            if (!done) {
                if (moved) {
                    tracker.returnToDeadLetter(key.get(), letter.reason());
                }
                log.append(letter.documentKey(), Steps.DEAD_LETTER_RETRIED, Steps.REFUSED, letter.attempts(), sha256,
                        "retry by " + operator + " did not happen: the message had left " + letter.queue());
            }
        }
        if (!done) {
            return Result.NOT_FOUND;
        }
        LOG.info("Dead letter {} ({}) retried by {}: back on {}", letter.id(), letter.documentKey(), operator,
                letter.origin());
        return Result.DONE;
    }

    /** Removes the dead letter for good, with the operator's reason; its document is DISCARDED. */
    public Result discard(String idOrKey, String operator, String reason) throws JMSException {
        Optional<DeadLetter> found = find(idOrKey);
        return found.isEmpty() ? Result.NOT_FOUND : discard(found.get(), operator, reason);
    }

    /** Discards a dead letter as {@link #list} described it (NOT_FOUND if it left its queue since). */
    public Result discard(DeadLetter letter, String operator, String reason) throws JMSException {
        if (!moveOrRemove(letter, null)) {
            return Result.NOT_FOUND;
        }
        String why = "dead letter discarded by " + operator + ": " + reason + " (was in " + letter.queue() + ")";
        trackedKey(letter).ifPresent(key -> tracker.discardDeadLetter(key, why));
        log.append(letter.documentKey(), Steps.DEAD_LETTER_DISCARDED, Steps.OK, letter.attempts(),
                letter.document().map(TrackedDocument::envelopeSha256).orElse(null), why);
        LOG.info("Dead letter {} ({}) discarded by {}", letter.id(), letter.documentKey(), operator);
        return Result.DONE;
    }

    private static Optional<DocumentKey> trackedKey(DeadLetter letter) {
        return letter.document().map(TrackedDocument::key);
    }

    /**
     * Takes the message off its dead-letter queue and, with {@code destination}, puts a copy on that queue, in one
     * broker transaction. False when the message is no longer there.
     */
    private boolean moveOrRemove(DeadLetter letter, String destination) throws JMSException {
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            String selector = "JMSMessageID = '" + letter.id().replace("'", "''") + "'";
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(letter.queue()), selector)) {
                Message message = consumer.receive(RECEIVE_MS);
                if (message == null) {
                    session.rollback();
                    return false;
                }
                if (destination != null) {
                    Queue queue = session.createQueue(destination);
                    try (MessageProducer producer = session.createProducer(queue)) {
                        producer.send(copy(session, message));
                    }
                }
                session.commit();
                return true;
            }
        }
    }

    /** The body and our own properties; not the dead-letter marks, which a new failure sets anew. */
    private static Message copy(Session session, Message message) throws JMSException {
        Message copy;
        if (message instanceof TextMessage text) {
            copy = session.createTextMessage(text.getText());
        } else if (message instanceof BytesMessage bytes) {
            BytesMessage out = session.createBytesMessage();
            byte[] buffer = new byte[64 * 1024];
            for (int read = bytes.readBytes(buffer); read > 0; read = bytes.readBytes(buffer)) {
                out.writeBytes(buffer, 0, read);
            }
            copy = out;
        } else {
            throw new JMSException("a dead letter of type " + message.getClass().getSimpleName() + " cannot be retried");
        }
        for (Object name : Collections.list(message.getPropertyNames())) {
            String property = (String) name;
            boolean deadLetterMark = property.equals(ORIGIN) || property.equals(REASON) || property.equals(ATTEMPTS);
            if (!property.startsWith("_AMQ") && !property.startsWith("JMSX") && !deadLetterMark) {
                copy.setObjectProperty(property, message.getObjectProperty(property));
            }
        }
        copy.setJMSCorrelationID(message.getJMSCorrelationID());
        return copy;
    }

    private DeadLetter describe(String queue, Message message) throws JMSException {
        String key = keyOf(message);
        Optional<TrackedDocument> document = key == null ? Optional.empty() : tracker.find(new DocumentKey(key));
        boolean deadLettered = document.isPresent() && document.get().state() == DocumentState.DEAD_LETTERED;
        String reason = message.getStringProperty(REASON);
        if (reason == null) {
            reason = deadLettered && document.get().stateReason() != null ? document.get().stateReason()
                    : "gave up after " + maxAttempts + " attempts (lienthong.queue.max-delivery-attempts)";
        }
        int attempts = message.propertyExists(ATTEMPTS) ? message.getIntProperty(ATTEMPTS) : maxAttempts;
        Instant time = deadLettered ? document.get().updated() : Instant.ofEpochMilli(message.getJMSTimestamp());
        return new DeadLetter(message.getJMSMessageID(), queue, originOf(queue, message), key, time, attempts, reason,
                document);
    }

    private static String originOf(String queue, Message message) throws JMSException {
        String origin = message.getStringProperty(ORIGIN);
        if (origin == null) {
            origin = message.getStringProperty(ARTEMIS_ORIGIN);
        }
        if (origin == null && !queue.equals("DLQ.lienthong.dms")) {
            origin = queue.substring("DLQ.".length());
        }
        return origin;
    }

    /** The document key a flow's message carries as its body; null for anything else (a DMS client's envelope). */
    private static String keyOf(Message message) throws JMSException {
        if (message instanceof TextMessage text && text.getText() != null && KEY.matcher(text.getText().strip()).matches()) {
            return text.getText().strip();
        }
        return null;
    }
}
