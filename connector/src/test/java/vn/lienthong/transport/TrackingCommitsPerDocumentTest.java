package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.runtime.ConnectorRuntime;

/**
 * How many times each connector's tracking database is written to the file per document (issue 14: one database
 * transaction per hop, group-committed). With WRITE_DELAY=0 every commit that changed something is one store of
 * the H2 MVStore, which bumps its version; the version survives in the file, so it is read after the network closed.
 * Two runs that differ only in the number of documents cancel what starting and stopping costs.
 */
class TrackingCommitsPerDocumentTest {

    private static final int FEW = 5;
    private static final int MANY = 45;

    @TempDir
    Path root;

    @Test
    void should_write_the_tracking_database_at_most_a_few_times_per_document() throws Exception {
        long[] few = storesFor(root.resolve("few"), FEW);
        long[] many = storesFor(root.resolve("many"), MANY);
        double sender = (many[0] - few[0]) / (double) (MANY - FEW);
        double recipient = (many[1] - few[1]) / (double) (MANY - FEW);
        System.out.printf("tracking database stores per document: sender %.2f (%d, %d), recipient %.2f (%d, %d)%n",
                sender, few[0], many[0], recipient, few[1], many[1]);
        // One hop each: intake (its signature verdict in it), queued, sent; fewer when hops share a commit.
        // Before issue 14: 10.5; with the verdict in a hop of its own: 4.3.
        assertThat(sender).as("stores per document in the sending connector").isLessThan(3.5);
        // Fetched, intake (with its verdict), queued, collected, the delivery mark, delivered. Before: 10.2, then 6.5.
        assertThat(recipient).as("stores per document in the receiving connector").isLessThan(6.5);
    }

    private static long[] storesFor(Path root, int documents) throws Exception {
        try (DemoNetwork network = TestNetworks.start(root, TestNetworks.fast())) {
            ConnectorRuntime office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
            ConnectorRuntime hanoi = network.connector(TestNetworks.HANOI.organId());
            new Traffic(root.resolve("work")).send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE,
                    TestNetworks.HANOI, 1, documents);
            await().alias(Traffic.SETTLED).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() ->
                    Traffic.settled(office, documents, 0) && Traffic.settled(hanoi, 0, documents)
                            && Traffic.axisDrained(network.simulator()));
        }
        return new long[] {storeVersion(root.resolve("vpcp.test").resolve("db")), storeVersion(root.resolve("hanoi.test").resolve("db"))};
    }

    private static long storeVersion(Path folder) throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("tracking").toAbsolutePath() + ";IFEXISTS=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CURRENT_VERSION'")) {
            assertThat(row.next()).as("H2 reports its store version").isTrue();
            return Long.parseLong(row.getString(1));
        }
    }
}
