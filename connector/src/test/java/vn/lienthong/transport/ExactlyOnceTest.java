package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.simulator.Faults;

/** Many documents each way through the simulated axis; every recipient's DMS sees each exactly once. */
class ExactlyOnceTest {

    @TempDir
    Path root;

    @Test
    void should_deliver_a_thousand_documents_each_way_exactly_once() throws Exception {
        try (DemoNetwork network = TestNetworks.start(root, TestNetworks.fast())) {
            ConnectorRuntime office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
            ConnectorRuntime hanoi = network.connector(TestNetworks.HANOI.organId());
            Traffic traffic = new Traffic(root.resolve("work"));
            List<String> toHanoi = traffic.send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE,
                    TestNetworks.HANOI, 1, 1000);
            List<String> toOffice = traffic.send(hanoi.settings().outbox(), TestNetworks.HANOI,
                    TestNetworks.GOVERNMENT_OFFICE, 5001, 1000);

            // Not "1,000 files arrived": a duplicate can only come after that, from a message still in a queue or a
            // package still on the axis. Wait until there is none left anywhere, then count.
            await().alias(Traffic.SETTLED).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    Traffic.settled(office, 1000, 1000) && Traffic.settled(hanoi, 1000, 1000)
                            && Traffic.axisDrained(network.simulator()));

            Traffic.assertDeliveredExactlyOnce(hanoi.settings().inbox(), toHanoi);
            Traffic.assertDeliveredExactlyOnce(office.settings().inbox(), toOffice);
            Traffic.assertTrackedOnce(office, 1000, 1000);
            Traffic.assertTrackedOnce(hanoi, 1000, 1000);
            assertThat(office.transmissionLog().verify().intact()).isTrue();
            assertThat(hanoi.transmissionLog().verify().intact()).isTrue();
        }
    }

    @Test
    void should_deliver_everything_exactly_once_through_30_percent_errors_and_a_20_second_outage() throws Exception {
        try (DemoNetwork network = TestNetworks.start(root, TestNetworks.fast())) {
            ConnectorRuntime office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
            ConnectorRuntime hanoi = network.connector(TestNetworks.HANOI.organId());
            network.simulator().setFaults(Faults.NONE.withErrorRate(0.3).withRandomSeed(20261125L));
            Traffic traffic = new Traffic(root.resolve("work"));
            List<String> toHanoi = traffic.send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE,
                    TestNetworks.HANOI, 1, 150);
            List<String> toOffice = traffic.send(hanoi.settings().outbox(), TestNetworks.HANOI,
                    TestNetworks.GOVERNMENT_OFFICE, 5001, 150);

            // Let traffic get going through the errors, then take the axis away for 20 seconds mid-stream.
            await().atMost(Duration.ofMinutes(1)).until(() -> Traffic.envelopeCount(hanoi.settings().inbox()) >= 10);
            network.simulator().outageNow(Duration.ofSeconds(20));

            await().alias(Traffic.SETTLED).atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    Traffic.settled(office, 150, 150) && Traffic.settled(hanoi, 150, 150)
                            && Traffic.axisDrained(network.simulator()));

            Traffic.assertDeliveredExactlyOnce(hanoi.settings().inbox(), toHanoi);
            Traffic.assertDeliveredExactlyOnce(office.settings().inbox(), toOffice);
            Traffic.assertTrackedOnce(office, 150, 150);
            Traffic.assertTrackedOnce(hanoi, 150, 150);
            assertThat(network.simulator().stats().injectedErrors()).isPositive();
            assertThat(office.queueDepth("DLQ.lienthong.outbound")).isZero();
            assertThat(hanoi.queueDepth("DLQ.lienthong.outbound")).isZero();
        }
    }
}
