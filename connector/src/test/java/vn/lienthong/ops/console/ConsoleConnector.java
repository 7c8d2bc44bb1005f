package vn.lienthong.ops.console;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.Organization;
import vn.lienthong.transport.TestNetworks;

/** A connector really started on the simulated axis, its management port (health, operations API, console) open. */
public final class ConsoleConnector {

    public static final Organization HANOI = Organization.withId("000.00.00.H26", "UBND thành phố Hà Nội");
    public static final Organization OFFICE = Organization.withId("000.00.00.G22", "Văn phòng Chính phủ");

    private ConsoleConnector() {
    }

    /** The test networks' short delays, the management port on free loopback ports, no DMS REST or SOAP. */
    public static Properties settings() throws IOException {
        Properties properties = TestNetworks.fast();
        properties.setProperty("lienthong.http.enabled", "true");
        properties.setProperty("lienthong.http.port", Integer.toString(freePorts(2)));
        properties.setProperty("lienthong.api.enabled", "false");
        properties.setProperty("lienthong.soap.enabled", "false");
        return properties;
    }

    /** The Government Office's connector first (management port +0), Hanoi's second (+1). */
    public static DemoNetwork start(Path root, Properties properties) throws Exception {
        return DemoNetwork.start(root, List.of(new DemoNetwork.Agency(OFFICE, "vpcp.test"),
                new DemoNetwork.Agency(HANOI, "hanoi.test")), properties);
    }

    /** The first of {@code count} consecutive free loopback ports. */
    public static int freePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                first = socket.getLocalPort();
            }
            boolean free = true;
            for (int next = 1; next < count && free; next++) {
                try (ServerSocket socket = new ServerSocket(first + next, 1, InetAddress.getLoopbackAddress())) {
                    free = true;
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("no " + count + " consecutive free ports");
    }
}
