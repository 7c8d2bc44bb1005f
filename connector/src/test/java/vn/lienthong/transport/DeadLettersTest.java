package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.findings.Direction;
import vn.lienthong.runtime.EmbeddedBroker;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;

/** Dead letters on a real Artemis: the broker's own (after the last attempt) and the ones a route publishes. */
class DeadLettersTest {

    private static int vmIds = 7300;

    @TempDir
    Path root;

    private EmbeddedBroker broker;
    private ActiveMQConnectionFactory connections;
    private TrackingDatabase database;
    private DocumentTracker tracker;
    private TransmissionLog log;
    private DeadLetters deadLetters;

    @BeforeEach
    void start() throws Exception {
        int vmId = nextVmId();
        Properties properties = ConnectorProperties.load(null);
        properties.setProperty("lienthong.queue.redelivery-delay-ms", "0");
        properties.setProperty("lienthong.queue.max-delivery-attempts", "2");
        broker = EmbeddedBroker.start(root.resolve("broker"), vmId, properties);
        connections = new ActiveMQConnectionFactory("vm://" + vmId);
        database = TrackingDatabase.openH2(root.resolve("db"));
        tracker = new DocumentTracker(database, Clock.systemUTC());
        log = new TransmissionLog(database, Clock.systemUTC());
        deadLetters = new DeadLetters(connections, tracker, log, 2);
    }

    private static synchronized int nextVmId() {
        return vmIds++;
    }

    @AfterEach
    void stop() throws Exception {
        connections.close();
        database.close();
        broker.close();
    }

    @Test
    void a_delivery_the_broker_gave_up_on_is_listed_with_where_it_came_from_and_retried_back_there() throws Exception {
        TrackedDocument document = register("H26-1", Direction.INBOUND, DocumentState.QUEUED);
        failEveryAttempt("lienthong.delivery.h26-dms", document.key().value());

        List<DeadLetters.DeadLetter> letters = deadLetters.list();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.queue()).isEqualTo("DLQ.lienthong.delivery");
            assertThat(letter.origin()).isEqualTo("lienthong.delivery.h26-dms");
            assertThat(letter.documentKey()).isEqualTo(document.key().value());
            assertThat(letter.attempts()).isEqualTo(2);
            assertThat(letter.reason()).contains("gave up after 2 attempts");
            assertThat(letter.document()).map(TrackedDocument::state).contains(DocumentState.QUEUED);
        });

        assertThat(deadLetters.retry(document.key().value(), "operator 'lan'", "")).isEqualTo(DeadLetters.Result.DONE);
        assertThat(deadLetters.list()).isEmpty();
        assertThat(receive("lienthong.delivery.h26-dms")).isEqualTo(document.key().value());
        assertThat(log.events(document.key().value())).singleElement().satisfies(event -> {
            assertThat(event.step()).isEqualTo(Steps.DEAD_LETTER_RETRIED);
            assertThat(event.detail()).contains("retried by operator 'lan'")
                    .contains("back from DLQ.lienthong.delivery to lienthong.delivery.h26-dms");
        });
    }

    @Test
    void a_dead_letter_the_route_published_goes_back_without_its_dead_letter_marks_and_its_document_is_queued_again()
            throws Exception {
        TrackedDocument document = register("G22-7", Direction.OUTBOUND, DocumentState.DEAD_LETTERED);
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage message = session.createTextMessage(document.key().value());
            message.setStringProperty(DeadLetters.ORIGIN, "lienthong.outbound");
            message.setStringProperty(DeadLetters.REASON, "the axis refused the document: unknown recipient");
            message.setStringProperty(DeadLetters.ATTEMPTS, "1");
            try (MessageProducer producer = session.createProducer(session.createQueue("DLQ.lienthong.outbound"))) {
                producer.send(message);
            }
        }
        DeadLetters.DeadLetter letter = deadLetters.find(document.key().value()).orElseThrow();
        assertThat(letter.reason()).isEqualTo("the axis refused the document: unknown recipient");
        assertThat(letter.attempts()).isEqualTo(1);

        assertThat(deadLetters.retry(letter.id(), "operator 'lan'", "người nhận đã đăng ký")).isEqualTo(DeadLetters.Result.DONE);
        assertThat(tracker.find(document.key()).orElseThrow().state()).isEqualTo(DocumentState.QUEUED);
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue("lienthong.outbound"))) {
                Message back = consumer.receive(5000);
                assertThat(((TextMessage) back).getText()).isEqualTo(document.key().value());
                assertThat(back.propertyExists(DeadLetters.REASON)).isFalse();
                assertThat(back.propertyExists(DeadLetters.ORIGIN)).isFalse();
            }
        }
        assertThat(deadLetters.retry(letter.id(), "operator 'lan'", "")).isEqualTo(DeadLetters.Result.NOT_FOUND);
    }

    @Test
    void a_discarded_dead_letter_leaves_its_queue_and_ends_its_document_with_the_reason() throws Exception {
        TrackedDocument document = register("H26-2", Direction.INBOUND, DocumentState.QUEUED);
        failEveryAttempt("lienthong.inbound", document.key().value());

        assertThat(deadLetters.discard(document.key().value(), "operator 'lan'", "DMS đã nhận bản giấy"))
                .isEqualTo(DeadLetters.Result.DONE);
        assertThat(deadLetters.list()).isEmpty();
        TrackedDocument ended = tracker.find(document.key()).orElseThrow();
        assertThat(ended.state()).isEqualTo(DocumentState.DISCARDED);
        assertThat(ended.stateReason()).contains("DMS đã nhận bản giấy").contains("DLQ.lienthong.inbound");
        assertThat(log.events(document.key().value())).extracting(LogEvent::step)
                .containsExactly(Steps.DEAD_LETTER_DISCARDED);
    }

    private TrackedDocument register(String documentId, Direction direction, DocumentState state) {
        TrackedDocument document = new TrackedDocument(DocumentKey.of("000.00.00.G22", documentId, "ab".repeat(32)),
                direction, "edoc", "000.00.00.G22", List.of("000.00.00.H26"), documentId, "1/G22-LT", "ab".repeat(32),
                null, state, null, null, null);
        tracker.register(document);
        return document;
    }

    /** Takes the message and rolls back until the broker moves it to the dead-letter address. */
    private void failEveryAttempt(String queue, String body) throws Exception {
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
                producer.send(session.createTextMessage(body));
                session.commit();
            }
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
                while (consumer.receive(2000) != null) {
                    session.rollback();
                }
            }
        }
    }

    private String receive(String queue) throws Exception {
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
                Message message = consumer.receive(5000);
                return message == null ? null : ((TextMessage) message).getText();
            }
        }
    }
}
