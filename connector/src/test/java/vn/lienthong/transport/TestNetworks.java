package vn.lienthong.transport;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import vn.lienthong.demo.DemoNetwork;
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

    static DemoNetwork start(Path root, Properties overrides) throws Exception {
        return DemoNetwork.start(root, List.of(
                new DemoNetwork.Agency(GOVERNMENT_OFFICE, "vpcp.test"),
                new DemoNetwork.Agency(HANOI, "hanoi.test")), overrides);
    }
}
