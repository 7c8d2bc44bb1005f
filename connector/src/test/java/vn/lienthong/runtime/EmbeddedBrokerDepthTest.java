package vn.lienthong.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.config.ConnectorProperties;

/**
 * A queue's depth counts a message from the moment its durable send returns. The broker keeps a message just routed
 * in the queue's intake list until the queue's executor moves it on; a depth read in between must not say 0 (the
 * inbox poll's test read that as "acknowledged on the axis, yet neither on our queue nor tracked").
 */
class EmbeddedBrokerDepthTest {

    private static final int VM_ID = 7950;

    @TempDir
    Path root;

    @Test
    void should_count_a_message_whose_durable_send_returned_before_its_queue_moved_it_on() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(root.resolve("broker"), VM_ID, ConnectorProperties.load(null));
             Connection connection = new ActiveMQConnectionFactory(broker.url()).createConnection()) {
            Queue inbound = broker.locate("lienthong.inbound");
            CountDownLatch release = new CountDownLatch(1);
            // The queue's executor is busy: what is sent now stays in the queue's intake list.
            inbound.getExecutor().execute(() -> awaitQuietly(release));
            try {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue("lienthong.inbound"));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                producer.send(session.createTextMessage("a document key")); // returns once stored

                assertThat(broker.depth("lienthong.inbound", Duration.ofMillis(300)))
                        .as("a queue that has not taken in what was sent to it is not counted as empty").isEqualTo(-1);
            } finally {
                release.countDown();
            }
            assertThat(broker.depth("lienthong.inbound")).isEqualTo(1);
            assertThat(broker.depth("lienthong.outbound")).isZero();
            assertThat(broker.depth("no.such.queue")).isZero();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
