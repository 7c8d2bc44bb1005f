package vn.lienthong.transport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.axis.AxisSettings;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.simulator.AxisSimulator;
import vn.lienthong.simulator.SimulatorSettings;
import vn.lienthong.edxml.Organization;

/** Two agencies on a simulated axis, tuned for tests: short polling and redelivery delays, no HTTP. */
public final class TestNetworks {

    static final Organization GOVERNMENT_OFFICE = Organization.withId("000.00.00.G22", "Văn phòng Chính phủ");
    static final Organization HANOI = Organization.withId("000.00.00.H26", "UBND thành phố Hà Nội");

    private TestNetworks() {
    }

    /** The settings every test network starts from: short polling, timeouts and redelivery delays, no HTTP. */
    public static Properties fast() {
        Properties properties = new Properties();
        properties.setProperty("lienthong.axis.poll-interval-ms", "200");
        properties.setProperty("lienthong.axis.poll-first-delay-ms", "100");
        properties.setProperty("lienthong.axis.request-timeout-ms", "5000");
        properties.setProperty("lienthong.axis.connect-timeout-ms", "1000");
        properties.setProperty("lienthong.dms.outbox-min-age-ms", "100");
        properties.setProperty("lienthong.dms.outbox-poll-ms", "100");
        properties.setProperty("lienthong.queue.redelivery-delay-ms", "100");
        properties.setProperty("lienthong.queue.redelivery-multiplier", "2.0");
        properties.setProperty("lienthong.queue.max-redelivery-delay-ms", "2000");
        properties.setProperty("lienthong.queue.max-delivery-attempts", "100");
        properties.setProperty("lienthong.http.enabled", "false");
        return properties;
    }

    /**
     * {@link #fast()} with the management port open (the operations API) on {@code httpBasePort} for the first
     * connector and the next port for the second, and the DMS REST and SOAP interfaces off.
     */
    static Properties operated(int httpBasePort) {
        Properties properties = fast();
        properties.setProperty("lienthong.http.enabled", "true");
        properties.setProperty("lienthong.http.port", Integer.toString(httpBasePort));
        properties.setProperty("lienthong.api.enabled", "false");
        properties.setProperty("lienthong.soap.enabled", "false");
        return properties;
    }

    static DemoNetwork start(Path root, Properties overrides) throws Exception {
        return DemoNetwork.start(root, List.of(
                new DemoNetwork.Agency(GOVERNMENT_OFFICE, "vpcp.test"),
                new DemoNetwork.Agency(HANOI, "hanoi.test")), overrides);
    }

    /**
     * The simulated axis alone, with the two agencies as systems {@code vpcp.test} and {@code hanoi.test} under the
     * given secrets, its files under {@code storage}: for tests that drive the axis or one connector themselves.
     */
    static AxisSimulator startAxis(Path storage, String officeSecret, String hanoiSecret) throws IOException {
        return AxisSimulator.start(SimulatorSettings.local(
                Map.of("vpcp.test", officeSecret, "hanoi.test", hanoiSecret),
                Map.of(GOVERNMENT_OFFICE.organId(), "vpcp.test", HANOI.organId(), "hanoi.test"),
                Files.createDirectories(storage)));
    }

    /** A client of that axis acting as {@code systemId}. */
    static AxisClient axisClient(AxisSimulator axis, String systemId, String secret) {
        return new AxisClient(new AxisSettings(axis.endpoint(), systemId, secret, Duration.ofSeconds(2),
                Duration.ofSeconds(30), null, true), Clock.systemUTC());
    }

    /** A free port on loopback whose next port is free too: the management ports of a network's two connectors. */
    public static int twoFreePorts() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // Try another pair.
            }
        }
        throw new IOException("no two consecutive free ports on loopback");
    }
}
