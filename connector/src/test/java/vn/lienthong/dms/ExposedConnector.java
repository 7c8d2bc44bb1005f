package vn.lienthong.dms;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.Organization;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.transport.TestNetworks;

/**
 * One agency's connector with every listener open on its own free loopback port (REST API, SOAP, health), as an
 * agency exposes it, and two DMS clients of that agency with API keys: what the listener attack tests aim at.
 */
public final class ExposedConnector implements AutoCloseable {

    public static final Organization OFFICE = Organization.withId("000.00.00.G22", "Văn phòng Chính phủ");

    public final String key = ApiKeys.newKey();
    public final String otherKey = ApiKeys.newKey();
    public final int apiPort;
    public final int soapPort;
    public final int healthPort;
    private final Path root;
    private final DemoNetwork network;

    /** {@code overrides} are applied over the test defaults (short polling, every listener on). */
    public ExposedConnector(Path root, Properties overrides) throws Exception {
        this.root = root;
        Path clients = Files.writeString(root.resolve("clients.json"), """
                {"clients": [
                  {"id": "vpcp-dms", "organIds": ["000.00.00.G22"], "apiKeySha256": "%s", "delivery": {"mode": "pull"}},
                  {"id": "vpcp-archive", "organIds": ["000.00.00.G22"], "apiKeySha256": "%s", "delivery": {"mode": "pull"}}
                ]}""".formatted(ApiKeys.sha256(key), ApiKeys.sha256(otherKey)), StandardCharsets.UTF_8);
        apiPort = freePort();
        soapPort = freePort();
        healthPort = freePort();
        Properties properties = TestNetworks.fast();
        properties.setProperty("lienthong.http.enabled", "true");
        properties.setProperty("lienthong.http.port", Integer.toString(healthPort));
        properties.setProperty("lienthong.api.enabled", "true");
        properties.setProperty("lienthong.api.port", Integer.toString(apiPort));
        properties.setProperty("lienthong.soap.enabled", "true");
        properties.setProperty("lienthong.soap.port", Integer.toString(soapPort));
        properties.setProperty("lienthong.dms.clients-file", clients.toString());
        properties.putAll(overrides);
        network = DemoNetwork.start(root.resolve("network"), List.of(new DemoNetwork.Agency(OFFICE, "vpcp.test")), properties);
    }

    public ConnectorRuntime connector() {
        return network.connector(OFFICE.organId());
    }

    /** The connector's data directory. */
    public Path data() {
        return root.resolve("network").resolve("vpcp.test");
    }

    public URI soapAddress() {
        return URI.create("http://127.0.0.1:" + soapPort + "/soap/dms");
    }

    public URI api(String path) {
        return URI.create("http://127.0.0.1:" + apiPort + "/api/v1" + path);
    }

    public URI health() {
        return URI.create("http://127.0.0.1:" + healthPort + "/health");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        network.close();
    }
}
