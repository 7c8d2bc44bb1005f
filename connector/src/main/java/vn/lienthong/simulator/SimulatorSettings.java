package vn.lienthong.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a simulator is set up.
 *
 * @param host               address to listen on; loopback by default so nothing is exposed by accident
 * @param port               0 picks any free port (tests), otherwise a fixed one
 * @param systems            systemId to secret: who may call, and the HMAC key each signs with
 * @param agencies           OrganId to systemId: whose mailbox a document addressed to that agency lands in. A
 *                           system id is itself addressable, so it need not be listed here.
 * @param timestampTolerance how far a request's timestamp may be from the simulator's clock (replay guard)
 * @param storageDirectory   where package files are kept (in a fresh sub-directory removed on close); null means
 *                           a temporary directory
 * @param faults             the faults injected from the start
 */
public record SimulatorSettings(String host, int port, Map<String, String> systems, Map<String, String> agencies,
                                Duration timestampTolerance, Path storageDirectory, Faults faults) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Duration DEFAULT_TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    public SimulatorSettings {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        systems = ordered(Objects.requireNonNull(systems, "systems"));
        agencies = ordered(agencies == null ? Map.of() : agencies);
        timestampTolerance = timestampTolerance == null ? DEFAULT_TIMESTAMP_TOLERANCE : timestampTolerance;
        if (timestampTolerance.isNegative()) {
            throw new IllegalArgumentException("timestampTolerance cannot be negative: " + timestampTolerance);
        }
        faults = faults == null ? Faults.NONE : faults;
        for (Map.Entry<String, String> agency : agencies.entrySet()) {
            if (!systems.containsKey(agency.getValue())) {
                throw new IllegalArgumentException("agency " + agency.getKey() + " is mapped to system "
                        + agency.getValue() + ", which is not among the systems");
            }
        }
    }

    /** Loopback, any free port, default tolerance, no faults: what tests and the demo usually want. */
    public static SimulatorSettings local(Map<String, String> systems, Map<String, String> agencies, Path storageDirectory) {
        return new SimulatorSettings(DEFAULT_HOST, 0, systems, agencies, DEFAULT_TIMESTAMP_TOLERANCE, storageDirectory,
                Faults.NONE);
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(host, newPort, systems, agencies, timestampTolerance, storageDirectory, faults);
    }

    public SimulatorSettings withTimestampTolerance(Duration tolerance) {
        return new SimulatorSettings(host, port, systems, agencies, tolerance, storageDirectory, faults);
    }

    public SimulatorSettings withFaults(Faults newFaults) {
        return new SimulatorSettings(host, port, systems, agencies, timestampTolerance, storageDirectory, newFaults);
    }

    /** Names the systems but never prints their secrets: settings end up in logs and banners. */
    @Override
    public String toString() {
        return "SimulatorSettings[host=" + host + ", port=" + port + ", systems=" + systems.keySet()
                + ", agencies=" + agencies + ", timestampTolerance=" + timestampTolerance
                + ", storageDirectory=" + storageDirectory + ", faults=" + faults + "]";
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        Map<String, String> copy = new LinkedHashMap<>();
        // Kept exactly as given: a secret is an HMAC key, and a stray space in it must not be "fixed" here.
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(value, "value of " + key)));
        return Collections.unmodifiableMap(copy);
    }
}
