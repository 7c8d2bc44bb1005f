package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.tracking.TrackingDatabase;

/**
 * {@code run} when another program holds the DMS API's or the management port: Camel would run on without that
 * server, so the connector would look started while its API belonged to someone else. It refuses to start instead,
 * naming the port and its setting in one plain line, and leaves nothing running.
 */
class RunCommandPortTest {

    @TempDir
    Path directory;

    private final ExecutorService runner = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopRunner() throws InterruptedException {
        runner.shutdownNow();
        assertThat(runner.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void a_taken_dms_api_port_stops_the_start_naming_the_port() throws Exception {
        try (ServerSocket taken = takenPort()) {
            int management = freePort();
            String error = refusal(taken.getLocalPort(), management);

            assertThat(error).startsWith("Cấu hình không dùng được / Unusable configuration: cổng 127.0.0.1:"
                            + taken.getLocalPort() + " (lienthong.api.port) đang được chương trình khác dùng")
                    .contains("port 127.0.0.1:" + taken.getLocalPort() + " (lienthong.api.port) is already in use");
            assertReleased(management);
        }
    }

    @Test
    void a_taken_management_port_stops_the_start_naming_the_port() throws Exception {
        try (ServerSocket taken = takenPort()) {
            int api = freePort();
            String error = refusal(api, taken.getLocalPort());

            assertThat(error).contains("cổng 127.0.0.1:" + taken.getLocalPort() + " (lienthong.http.port)")
                    .contains("port 127.0.0.1:" + taken.getLocalPort() + " (lienthong.http.port) is already in use");
            assertReleased(api);
        }
    }

    /** Runs {@code run} (bounded: a start that wrongly succeeds would run until stopped) and returns its error line. */
    private String refusal(int apiPort, int managementPort) throws Exception {
        Path config = UnusableConfiguration.configWith(directory, """
                lienthong.api.port=%d
                lienthong.http.port=%d
                lienthong.soap.port=%d
                """.formatted(apiPort, managementPort, freePort()));
        StringWriter err = new StringWriter();
        Future<Integer> exitCode = runner.submit(() -> Main.run(new String[] {"run", "--config", config.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertThat(exitCode.get(120, TimeUnit.SECONDS)).isEqualTo(ExitCodes.UNREADABLE_OR_USAGE);
        String error = err.toString();
        assertThat(error).doesNotContain("Exception").doesNotContain("\tat ");
        return error;
    }

    /** Nothing of the refused start still runs: its other port and its database are free again. */
    private void assertReleased(int otherPort) throws IOException, SQLException {
        try (ServerSocket free = new ServerSocket()) {
            free.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), otherPort));
        }
        // H2 refuses a read-only opening while a running connector holds the file.
        try (TrackingDatabase database = TrackingDatabase.openH2ReadOnly(directory.resolve("data").resolve("db"));
                Connection connection = database.dataSource().getConnection()) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    private static ServerSocket takenPort() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = takenPort()) {
            return socket.getLocalPort();
        }
    }
}
