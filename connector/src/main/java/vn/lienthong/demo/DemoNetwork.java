package vn.lienthong.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.time.Clock;
import java.time.Duration;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.axis.AxisSettings;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.edxml.Organization;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.runtime.ConnectorSettings;
import vn.lienthong.simulator.AxisSimulator;
import vn.lienthong.simulator.SimulatorSettings;

/**
 * An axis simulator and one connector per agency, all on loopback in this JVM, each connector with its own data
 * directory, embedded broker and tracking database: the setting of the demo and of the transport tests.
 */
public final class DemoNetwork implements AutoCloseable {

    /** An agency on the network: its identity and the system it connects as. */
    public record Agency(Organization organization, String systemId) {

        public String organId() {
            return organization.organId();
        }
    }

    private final AxisSimulator simulator;
    private final Map<String, ConnectorRuntime> connectors;
    private final Map<String, Agency> agencies;
    private final Map<String, String> secrets;

    private DemoNetwork(AxisSimulator simulator, Map<String, ConnectorRuntime> connectors, Map<String, Agency> agencies,
                        Map<String, String> secrets) {
        this.simulator = simulator;
        this.connectors = connectors;
        this.agencies = agencies;
        this.secrets = secrets;
    }

    /**
     * Starts the simulator and a connector per agency under {@code root}. {@code overrides} change the defaults
     * of config/application.properties for every connector (tests use short delays); connector {@code i} serves
     * HTTP on {@code lienthong.http.port + i} when HTTP is enabled, SOAP on {@code lienthong.soap.port + i}, and the
     * DMS REST API on {@code lienthong.api.port + i} when the API is enabled.
     */
    public static DemoNetwork start(Path root, List<Agency> agencies, Properties overrides) throws Exception {
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, String> owners = new LinkedHashMap<>();
        for (Agency agency : agencies) {
            secrets.put(agency.systemId(), newSecret());
            owners.put(agency.organId(), agency.systemId());
        }
        AxisSimulator simulator = AxisSimulator.start(
                SimulatorSettings.local(secrets, owners, Files.createDirectories(root.resolve("axis"))));
        Map<String, ConnectorRuntime> connectors = new LinkedHashMap<>();
        Map<String, Agency> byOrganId = new LinkedHashMap<>();
        try {
            int index = 0;
            for (Agency agency : agencies) {
                Properties properties = ConnectorProperties.load(null);
                properties.putAll(overrides);
                properties.setProperty("lienthong.data.directory", root.resolve(agency.systemId()).toString());
                properties.setProperty("lienthong.axis.endpoint", simulator.endpoint().toString());
                properties.setProperty("lienthong.axis.system-id", agency.systemId());
                if (properties.getProperty("lienthong.audit.tsa-url", "").isBlank()
                        && Boolean.parseBoolean(properties.getProperty("lienthong.audit.enabled", "true").strip())) {
                    // The demo anchors its logs on the simulator's time-stamping authority, with a key of its own.
                    properties.setProperty("lienthong.audit.tsa-url", simulator.timestampAuthority().toString());
                    DemoAuditKey.configure(root, agency, properties);
                }
                if (properties.getProperty("lienthong.agencies", "").isBlank()) {
                    // Each connector serves its own agency: a package the axis brings for another is mis-delivered.
                    properties.setProperty("lienthong.agencies", agency.organId());
                }
                int basePort = Integer.parseInt(properties.getProperty("lienthong.http.port").strip());
                properties.setProperty("lienthong.http.port", Integer.toString(basePort + index));
                int apiPort = Integer.parseInt(properties.getProperty("lienthong.api.port").strip());
                properties.setProperty("lienthong.api.port", Integer.toString(apiPort + index));
                int soapBasePort = Integer.parseInt(properties.getProperty("lienthong.soap.port", "8772").strip());
                properties.setProperty("lienthong.soap.port", Integer.toString(soapBasePort + index));
                ConnectorSettings settings = ConnectorSettings.from(properties, secrets.get(agency.systemId()),
                        nextVmId());
                connectors.put(agency.organId(), ConnectorRuntime.start(settings));
                byOrganId.put(agency.organId(), agency);
                index++;
            }
        } catch (Exception e) {
            connectors.values().forEach(ConnectorRuntime::close);
            simulator.close();
            throw e;
        }
        return new DemoNetwork(simulator, connectors, byOrganId, secrets);
    }

    private static int vmIds = 100;

    /** In-VM broker ids are per JVM; each connector started in this JVM gets a fresh one. */
    private static synchronized int nextVmId() {
        return vmIds++;
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    public AxisSimulator simulator() {
        return simulator;
    }

    public ConnectorRuntime connector(String organId) {
        ConnectorRuntime connector = connectors.get(organId);
        if (connector == null) {
            throw new IllegalArgumentException("no connector for " + organId);
        }
        return connector;
    }

    /**
     * A client of the axis acting as that agency's system without its connector, e.g. to put on the axis a
     * package the agency's own connector would never send (tests of the receiving side).
     */
    public AxisClient axisClientOf(String organId) {
        Agency agency = agency(organId);
        return new AxisClient(new AxisSettings(simulator.endpoint(), agency.systemId(), secrets.get(agency.systemId()),
                Duration.ofSeconds(2), Duration.ofSeconds(30), null, true), Clock.systemUTC());
    }

    public Agency agency(String organId) {
        return agencies.get(organId);
    }

    public List<Agency> agencies() {
        return new ArrayList<>(agencies.values());
    }

    @Override
    public void close() {
        connectors.values().forEach(ConnectorRuntime::close);
        simulator.close();
    }
}
