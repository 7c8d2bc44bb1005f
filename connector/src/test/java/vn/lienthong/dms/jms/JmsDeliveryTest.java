package vn.lienthong.dms.jms;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.runtime.EmbeddedBroker;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TrackingDatabase;

/** JMS delivery on a real embedded broker: what the client finds on its queue, and that it finds it once. */
class JmsDeliveryTest {

    private static int vmIds = 7900;

    @TempDir
    Path root;

    private EmbeddedBroker broker;
    private ActiveMQConnectionFactory connections;
    private TrackingDatabase database;
    private Path envelope;
    private final TrackedDocument document = new TrackedDocument(DocumentKey.of("000.00.00.G22", "G22-1", "ab".repeat(32)),
            Direction.INBOUND, "edoc", "000.00.00.G22", List.of("000.00.00.H26"), "G22-1", "1/G22-LT", "ab".repeat(32),
            null, DocumentState.RECEIVED, null, null, null);

    @BeforeEach
    void start() throws Exception {
        int vmId = nextVmId();
        broker = EmbeddedBroker.start(root.resolve("broker"), vmId, ConnectorProperties.load(null));
        connections = new ActiveMQConnectionFactory("vm://" + vmId);
        database = TrackingDatabase.openH2(root.resolve("db"));
        envelope = Files.writeString(root.resolve("envelope.edxml"), "<edXML>…</edXML>", StandardCharsets.UTF_8);
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

    private static DmsClient client(String queue) {
        return new DmsClient("h26-dms", null, Set.of("000.00.00.H26"), "00".repeat(32), null,
                new Delivery(Delivery.Mode.JMS, null, null, null, queue));
    }

    @Test
    void the_envelope_arrives_on_the_clients_out_queue_with_its_key_type_and_sender() throws Exception {
        new JmsDelivery(connections, new ProcessedMarks(database, Clock.systemUTC())).deliver(client(null), document, envelope, List.of());

        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("lienthong.dms.h26-dms.out"));
            BytesMessage message = (BytesMessage) consumer.receive(5000);
            byte[] body = new byte[(int) message.getBodyLength()];
            message.readBytes(body);
            assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("<edXML>…</edXML>");
            assertThat(message.getStringProperty(JmsHeaders.KEY)).isEqualTo(document.key().value());
            assertThat(message.getStringProperty(JmsHeaders.MESSAGE_TYPE)).isEqualTo("edoc");
            assertThat(message.getStringProperty(JmsHeaders.SENDER)).isEqualTo("000.00.00.G22");
            assertThat(message.getStringProperty(JmsHeaders.FINDINGS)).as("nothing found, nothing said").isNull();
        }
    }

    @Test
    void what_validation_found_travels_with_the_envelope_as_its_codes() throws Exception {
        new JmsDelivery(connections, new ProcessedMarks(database, Clock.systemUTC())).deliver(client(null), document,
                envelope, List.of("ATTACHMENT_TYPE_MISMATCH", "SCHEMA_UNEXPECTED_ELEMENT"));

        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("lienthong.dms.h26-dms.out"));
            BytesMessage message = (BytesMessage) consumer.receive(5000);
            assertThat(message.getStringProperty(JmsHeaders.FINDINGS))
                    .isEqualTo("ATTACHMENT_TYPE_MISMATCH,SCHEMA_UNEXPECTED_ELEMENT");
        }
    }

    @Test
    void a_queue_named_in_the_clients_file_receives_the_delivery() throws Exception {
        new JmsDelivery(connections, new ProcessedMarks(database, Clock.systemUTC()))
                .deliver(client("hanoi.edoc.inbox"), document, envelope, List.of());

        assertThat(broker.depth("hanoi.edoc.inbox")).isEqualTo(1);
    }

    @Test
    void a_redelivered_delivery_message_puts_nothing_more_on_the_queue() throws Exception {
        JmsDelivery delivery = new JmsDelivery(connections, new ProcessedMarks(database, Clock.systemUTC()));

        delivery.deliver(client(null), document, envelope, List.of());
        delivery.deliver(client(null), document, envelope, List.of());

        assertThat(broker.depth("lienthong.dms.h26-dms.out")).isEqualTo(1);
    }

    @Test
    void a_send_repeated_because_the_mark_was_lost_in_a_crash_is_dropped_by_the_broker() throws Exception {
        new JmsDelivery(connections, new ProcessedMarks(database, Clock.systemUTC())).deliver(client(null), document, envelope, List.of());
        TrackingDatabase freshDatabase = TrackingDatabase.openH2(root.resolve("db-without-the-mark"));
        try {
            new JmsDelivery(connections, new ProcessedMarks(freshDatabase, Clock.systemUTC()))
                    .deliver(client(null), document, envelope, List.of());
        } finally {
            freshDatabase.close();
        }

        assertThat(broker.depth("lienthong.dms.h26-dms.out")).isEqualTo(1);
    }
}
