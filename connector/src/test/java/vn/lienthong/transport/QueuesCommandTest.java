package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.cli.Main;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.Organization;
import vn.lienthong.runtime.ConnectorRuntime;

/** {@code queues} asks the running connector, over its operations API, for its queues as the broker has them now. */
class QueuesCommandTest {

    private static final Organization UNKNOWN = Organization.withId("000.00.00.H99", "Cơ quan chưa đăng ký trên trục");

    @TempDir
    Path root;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run queues(String... arguments) {
        Writer out = new StringWriter();
        Writer err = new StringWriter();
        int exitCode = Main.run(arguments, new PrintWriter(out), new PrintWriter(err));
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void queues_shows_depths_dead_letters_and_the_oldest_message_in_vietnamese_and_english() throws Exception {
        int port = Scrape.freePorts();
        Properties properties = MetricsEndpointTest.withManagementPort(port);
        try (DemoNetwork network = DemoNetwork.start(root, List.of(
                new DemoNetwork.Agency(TestNetworks.GOVERNMENT_OFFICE, "vpcp.test")), properties)) {
            ConnectorRuntime office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
            Path config = root.resolve("connector.properties");
            Files.writeString(config, "lienthong.http.port=" + port + "\nlienthong.data.directory="
                    + office.settings().dataDirectory().toString().replace("\\", "/") + "\n");
            new Traffic(root.resolve("work")).send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE, UNKNOWN, 900, 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> office.queueDepth("DLQ.lienthong.outbound") == 1);

            Run run = queues("queues", "--config", config.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Hàng đợi / Queue").contains("Số thư / Messages").contains("Thư cũ nhất / Oldest")
                    .containsPattern("(?m)^DLQ\\.lienthong\\.outbound \\*\\s+1\\s+\\d+s$")
                    .containsPattern("(?m)^lienthong\\.outbound\\s+0\\s+-$")
                    .contains("Thư không chuyển được, chờ người vận hành / Dead letters waiting for an operator: 1");
            assertThat(Scrape.get(port, "/ops/v1/queues").statusCode()).as("without the operations token").isEqualTo(401);
            Run json = queues("queues", "--json", "--config", config.toString());
            assertThat(json.out()).contains("\"name\":\"DLQ.lienthong.outbound\",\"messages\":1")
                    .contains("\"deadLetters\":1");
        }
    }

    @Test
    void queues_says_so_in_both_languages_when_no_connector_runs() throws Exception {
        int port = Scrape.freePorts();
        Path data = Files.createDirectories(root.resolve("data"));
        Files.writeString(data.resolve("ops-token"), "0".repeat(64));
        Path config = root.resolve("connector.properties");
        Files.writeString(config, "lienthong.http.port=" + port + "\nlienthong.data.directory="
                + data.toString().replace("\\", "/") + "\n");

        Run run = queues("queues", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Bộ kết nối không chạy").contains("The connector is not running");
    }
}
