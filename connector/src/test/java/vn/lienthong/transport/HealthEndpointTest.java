package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoNetwork;

class HealthEndpointTest {

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> health(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void health_is_up_while_the_axis_answers_and_says_why_when_it_does_not() throws Exception {
        Properties properties = TestNetworks.fast();
        properties.setProperty("lienthong.http.enabled", "true");
        int port = freePort();
        properties.setProperty("lienthong.http.port", Integer.toString(port));
        try (DemoNetwork network = TestNetworks.start(root, properties)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> health(port).statusCode() == 200);
            assertThat(health(port).body()).contains("\"status\":\"UP\"");

            network.simulator().outageNow(Duration.ofSeconds(30));
            await().atMost(Duration.ofSeconds(10)).until(() -> health(port).statusCode() == 503);
            assertThat(health(port).body()).contains("\"name\":\"axis\"").contains("the axis does not answer");
        }
    }
}
