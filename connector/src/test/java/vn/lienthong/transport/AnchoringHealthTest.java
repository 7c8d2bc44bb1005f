package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.runtime.ConnectorRuntime;

/**
 * A running connector anchors its log on the simulator's time-stamping authority; while the authority fails, /health
 * shows the gap (heads waiting, since when, why) and the connector stays ready; when it is back, every head is stamped.
 */
class AnchoringHealthTest {

    @TempDir
    Path root;

    @Test
    void the_gap_while_the_tsa_fails_is_in_health_details_and_closes_when_it_is_back() throws Exception {
        int port = Scrape.freePorts();
        Properties properties = MetricsEndpointTest.withManagementPort(port);
        properties.setProperty("lienthong.audit.anchor-interval", "PT1S");
        properties.setProperty("lienthong.audit.tsa-retry", "PT0.5S");
        try (DemoNetwork network = DemoNetwork.start(root, List.of(new DemoNetwork.Agency(TestNetworks.GOVERNMENT_OFFICE,
                "vpcp.test")), properties)) {
            ConnectorRuntime office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
            office.transmissionLog().append(null, "test-step", "ok", 1, null, "something to anchor");
            await().atMost(Duration.ofSeconds(30)).until(() -> health(port).contains("\"anchored.entries\""));

            network.simulator().setTimestampAuthorityAvailable(false);
            office.transmissionLog().append(null, "test-step", "ok", 1, null, "anchored only later");
            await().atMost(Duration.ofSeconds(30)).until(() -> health(port).contains("wait for a time stamp since"));
            assertThat(health(port)).contains("\"waiting.reason\"").contains("503");
            assertThat(Scrape.get(port, "/health/ready").statusCode()).isEqualTo(200);

            network.simulator().setTimestampAuthorityAvailable(true);
            await().atMost(Duration.ofSeconds(30)).until(() -> health(port).contains("\"waiting.anchors\":0"));
            assertThat(health(port)).contains("the transmission log is anchored up to entry");
            assertThat(office.transmissionLog().verify().intact()).isTrue();
        }
    }

    private static String health(int port) throws Exception {
        return Scrape.get(port, "/health?data=true").body();
    }
}
