package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.Organization;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.runtime.EmbeddedBroker;

/**
 * With an external broker (lienthong.broker.url over TCP), queue depths and dead letters are read from its management
 * address: the connector no longer answers -1, and /metrics shows them as it does for the embedded broker.
 */
class ExternalBrokerQueuesTest {

    private static final Organization UNKNOWN = Organization.withId("000.00.00.H99", "Cơ quan chưa đăng ký trên trục");

    @TempDir
    Path root;

    @Test
    void queue_depths_and_dead_letters_are_read_from_an_external_broker() throws Exception {
        String url = freeBrokerUrl();
        try (EmbeddedBroker external = externalBroker(url, 950)) {
            int port = Scrape.freePorts();
            Properties properties = MetricsEndpointTest.withManagementPort(port);
            properties.setProperty("lienthong.broker.url", url);
            try (DemoNetwork network = DemoNetwork.start(root, List.of(
                    new DemoNetwork.Agency(TestNetworks.GOVERNMENT_OFFICE, "vpcp.test")), properties)) {
                ConnectorRuntime office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
                assertThat(office.queueDepth("lienthong.outbound")).isZero();

                new Traffic(root.resolve("work")).send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE, UNKNOWN, 900, 1);

                await().atMost(Duration.ofSeconds(30)).until(() -> office.queueDepth("DLQ.lienthong.outbound") == 1);
                assertThat(external.depth("DLQ.lienthong.outbound")).isEqualTo(1);
                await().atMost(Duration.ofSeconds(10)).until(() -> Scrape.of(port)
                        .valueOrZero("lienthong_dead_letters", "address", "lienthong.outbound") == 1);
                Scrape scrape = Scrape.of(port);
                assertThat(scrape.value("lienthong_queue_stats_up")).hasValue(1);
                assertThat(scrape.value("lienthong_queue_messages", "queue", "DLQ.lienthong.outbound")).hasValue(1);
                assertThat(scrape.value("lienthong_broker_journal_bytes")).hasValue(0);
            }
        }
    }

    @Test
    void ready_says_so_when_the_external_broker_cannot_be_asked_for_its_queues() throws Exception {
        String url = freeBrokerUrl();
        EmbeddedBroker external = externalBroker(url, 951);
        try {
            int port = Scrape.freePorts();
            Properties properties = MetricsEndpointTest.withManagementPort(port);
            properties.setProperty("lienthong.broker.url", url);
            try (DemoNetwork network = DemoNetwork.start(root, List.of(
                    new DemoNetwork.Agency(TestNetworks.GOVERNMENT_OFFICE, "vpcp.test")), properties)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> Scrape.get(port, "/health/ready").statusCode() == 200);

                external.close();

                await().atMost(Duration.ofSeconds(20)).until(() -> Scrape.get(port, "/health/ready").body()
                        .contains("QUEUES_UNREADABLE"));
                assertThat(Scrape.get(port, "/health/ready").statusCode()).isEqualTo(503);
                assertThat(Scrape.get(port, "/health/ready").body())
                        .contains("Không đọc được các hàng đợi từ máy chủ hàng đợi")
                        .contains("The broker's queues cannot be read");
                assertThat(Scrape.of(port).value("lienthong_queue_stats_up")).hasValue(0);
            }
        } finally {
            external.close();
        }
    }

    private static String freeBrokerUrl() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "tcp://127.0.0.1:" + socket.getLocalPort();
        }
    }

    /** A broker of its own, with the connector's addresses, reached over TCP as an external one is. */
    private EmbeddedBroker externalBroker(String url, int vmId) throws Exception {
        Properties brokerSettings = ConnectorProperties.load(null);
        brokerSettings.putAll(TestNetworks.fast());
        return EmbeddedBroker.start(root.resolve("external-broker"), vmId, brokerSettings, null,
                configuration -> addAcceptor(configuration, url));
    }

    private static void addAcceptor(org.apache.activemq.artemis.core.config.Configuration configuration, String url) {
        try {
            configuration.addAcceptorConfiguration("tcp", url);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
