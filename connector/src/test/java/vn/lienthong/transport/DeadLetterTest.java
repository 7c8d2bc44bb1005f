package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.Organization;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.TrackedDocument;

class DeadLetterTest {

    @TempDir
    Path root;

    @Test
    void should_dead_letter_a_document_the_axis_refuses_with_the_reason_while_the_others_flow_on() throws Exception {
        try (DemoNetwork network = TestNetworks.start(root, TestNetworks.fast())) {
            ConnectorRuntime office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
            ConnectorRuntime hanoi = network.connector(TestNetworks.HANOI.organId());
            Traffic traffic = new Traffic(root.resolve("work"));
            // A valid document addressed to an agency the axis does not know: only the axis can refuse it.
            Organization unknown = Organization.withId("000.00.00.H99", "Cơ quan chưa đăng ký trên trục");
            traffic.send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE, unknown, 900, 1);
            List<String> good = traffic.send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE,
                    TestNetworks.HANOI, 1, 5);

            await().atMost(Duration.ofSeconds(30)).until(() -> office.queueDepth("DLQ.lienthong.outbound") == 1
                    && Traffic.envelopeCount(hanoi.settings().inbox()) == 5);

            TrackedDocument refused = office.tracker().list(Direction.OUTBOUND, 10).stream()
                    .filter(document -> document.recipients().contains("000.00.00.H99"))
                    .findFirst().orElseThrow();
            assertThat(refused.state()).isEqualTo(DocumentState.DEAD_LETTERED);
            assertThat(refused.stateReason()).contains("the axis refused the document").contains("000.00.00.H99");
            assertThat(office.transmissionLog().events(refused.key().value()))
                    .extracting(LogEvent::step).contains(Steps.SEND_FAILED, Steps.DEAD_LETTERED);
            assertThat(office.queueDepth("lienthong.outbound")).isZero();
            Traffic.assertDeliveredExactlyOnce(hanoi.settings().inbox(), good);
        }
    }
}
