package vn.lienthong.dms.folder;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.edxml.Organization;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.runtime.ConnectorSettings;
import vn.lienthong.simulator.AxisSimulator;
import vn.lienthong.simulator.SimulatorSettings;
import vn.lienthong.transport.TestNetworks;

/**
 * Two agencies, G22 and H26, on a simulated axis, each connector with settings of its own (its own clients file,
 * its own DMS acceptor): unlike DemoNetwork, where every connector gets the same overrides. Shared by the folder,
 * JMS and webhook end-to-end tests. Everything on loopback, every port picked free at start.
 */
public final class ClientNetwork implements AutoCloseable {

    public static final Organization G22 = Organization.withId("000.00.00.G22", "Văn phòng Chính phủ");
    public static final Organization H26 = Organization.withId("000.00.00.H26", "UBND thành phố Hà Nội");
    private static final AtomicInteger VM_IDS = new AtomicInteger(7000);

    private final AxisSimulator simulator;
    private final Map<String, ConnectorRuntime> connectors;

    private ClientNetwork(AxisSimulator simulator, Map<String, ConnectorRuntime> connectors) {
        this.simulator = simulator;
        this.connectors = connectors;
    }

    /** Starts the simulator and both connectors; {@code g22} and {@code h26} are each connector's own settings. */
    public static ClientNetwork start(Path root, Properties g22, Properties h26) throws Exception {
        return start(root, g22, h26, List.of());
    }

    /**
     * As above, with {@code alsoServedByH26}: more agencies whose documents the axis hands to H26's connector (one
     * connector serving several agencies, each with a DMS client of its own).
     */
    public static ClientNetwork start(Path root, Properties g22, Properties h26, List<Organization> alsoServedByH26)
            throws Exception {
        Map<String, String> secrets = Map.of("vpcp.test", secret(), "hanoi.test", secret());
        Map<String, String> agencies = new LinkedHashMap<>(Map.of(G22.organId(), "vpcp.test", H26.organId(), "hanoi.test"));
        alsoServedByH26.forEach(agency -> agencies.put(agency.organId(), "hanoi.test"));
        AxisSimulator simulator = AxisSimulator.start(SimulatorSettings.local(secrets, agencies,
                Files.createDirectories(root.resolve("axis"))));
        Map<String, ConnectorRuntime> connectors = new LinkedHashMap<>();
        try {
            connectors.put(G22.organId(), connector(root, simulator, "vpcp.test", secrets, g22));
            connectors.put(H26.organId(), connector(root, simulator, "hanoi.test", secrets, h26));
        } catch (Exception e) {
            connectors.values().forEach(ConnectorRuntime::close);
            simulator.close();
            throw e;
        }
        return new ClientNetwork(simulator, connectors);
    }

    private static ConnectorRuntime connector(Path root, AxisSimulator simulator, String systemId,
                                              Map<String, String> secrets, Properties own) throws Exception {
        Properties properties = ConnectorProperties.load(null);
        properties.putAll(fast());
        properties.putAll(own);
        properties.setProperty("lienthong.data.directory", root.resolve(systemId).toString());
        properties.setProperty("lienthong.axis.endpoint", simulator.endpoint().toString());
        properties.setProperty("lienthong.axis.system-id", systemId);
        properties.setProperty("lienthong.http.port", Integer.toString(freePort()));
        // The REST and SOAP interfaces listen too when clients have API keys: never on a fixed port in tests.
        properties.setProperty("lienthong.soap.port", Integer.toString(freePort()));
        properties.setProperty("lienthong.api.port", Integer.toString(freePort()));
        return ConnectorRuntime.start(ConnectorSettings.from(properties, secrets.get(systemId), VM_IDS.getAndIncrement()));
    }

    /** The test networks' settings, with redelivery capped at one second (webhook retries are waited for). */
    static Properties fast() {
        Properties properties = TestNetworks.fast();
        properties.setProperty("lienthong.queue.max-redelivery-delay-ms", "1000");
        return properties;
    }

    /** Settings of one connector whose DMS clients are in {@code clientsFile}. */
    public static Properties withClients(Path clientsFile) {
        Properties properties = new Properties();
        properties.setProperty("lienthong.dms.clients-file", clientsFile.toString());
        return properties;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String secret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    public ConnectorRuntime connector(String organId) {
        return connectors.get(organId);
    }

    @Override
    public void close() {
        connectors.values().forEach(ConnectorRuntime::close);
        simulator.close();
    }
}
