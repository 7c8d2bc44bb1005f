package vn.lienthong.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.axis.AxisSettings;
import vn.lienthong.dms.DmsTls;

/**
 * The settings of one connector instance, bound from {@code lienthong.*} (config/application.properties
 * documents every key). Folder keys left empty default to places under the data directory. The axis secret
 * never comes from the properties: it comes from the environment or a secret file ({@link #secretFrom}). The TLS of
 * the DMS interfaces ({@code dmsTls}, null when off) is loaded here too, so a wrong key store or password stops the
 * start before anything runs, with a message naming the key.
 */
public record ConnectorSettings(
        Properties properties,
        Path dataDirectory,
        AxisSettings axis,
        Path outbox,
        Path inbox,
        Path statusInbox,
        Path errorFolder,
        String brokerUrl,
        int brokerVmId,
        boolean httpEnabled,
        String httpHost,
        int httpPort,
        DmsTls dmsTls) {

    public static final String SECRET_ENVIRONMENT_VARIABLE = "LIENTHONG_AXIS_SECRET";

    /** Binds the properties; {@code secret} is the axis secret obtained by {@link #secretFrom}. */
    public static ConnectorSettings from(Properties properties, String secret, int brokerVmId) {
        Path data = Path.of(required(properties, "lienthong.data.directory")).toAbsolutePath();
        String endpoint = required(properties, "lienthong.axis.endpoint");
        AxisSettings axis = new AxisSettings(
                URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint),
                required(properties, "lienthong.axis.system-id"),
                secret,
                Duration.ofMillis(number(properties, "lienthong.axis.connect-timeout-ms")),
                Duration.ofMillis(number(properties, "lienthong.axis.request-timeout-ms")),
                AxisTls.sslContext(properties.getProperty("lienthong.axis.tls.trust-store"),
                        properties.getProperty("lienthong.axis.tls.trust-store-type"),
                        System.getenv(AxisTls.PASSWORD_ENVIRONMENT_VARIABLE)),
                Boolean.parseBoolean(properties.getProperty("lienthong.axis.sdk-hash-file-form", "true").strip()));
        return new ConnectorSettings(properties, data, axis,
                folder(properties, "lienthong.dms.outbox", data.resolve("dms/outbox")),
                folder(properties, "lienthong.dms.inbox", data.resolve("dms/inbox")),
                folder(properties, "lienthong.dms.status-inbox", data.resolve("dms/status-inbox")),
                folder(properties, "lienthong.dms.error", data.resolve("dms/error")),
                properties.getProperty("lienthong.broker.url", "").strip(),
                brokerVmId,
                Boolean.parseBoolean(properties.getProperty("lienthong.http.enabled", "true").strip()),
                properties.getProperty("lienthong.http.host", "127.0.0.1").strip(),
                (int) number(properties, "lienthong.http.port"),
                DmsTls.fromProperties(properties, System.getenv()));
    }

    /**
     * The axis secret: the environment variable {@value #SECRET_ENVIRONMENT_VARIABLE}, else the content of the
     * file named by {@code lienthong.axis.secret-file} (trailing line break ignored). Never a property value.
     */
    public static String secretFrom(Properties properties, Map<String, String> environment) throws IOException {
        String fromEnvironment = environment.get(SECRET_ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        String file = properties.getProperty("lienthong.axis.secret-file", "").strip();
        if (file.isEmpty()) {
            throw new IllegalArgumentException("no axis secret: set " + SECRET_ENVIRONMENT_VARIABLE
                    + " or lienthong.axis.secret-file");
        }
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
    }

    /**
     * The agencies this connector serves: {@code lienthong.agencies} and every agency a DMS client is bound to. An
     * inbound package addressed only to others was mis-delivered. Empty when neither names any: then nothing is
     * judged mis-delivered.
     */
    public Set<String> ourAgencies(ClientRegistry clients) {
        Set<String> agencies = new TreeSet<>();
        for (String agency : properties.getProperty("lienthong.agencies", "").split(",")) {
            if (!agency.isBlank()) {
                agencies.add(agency.strip());
            }
        }
        clients.all().forEach(client -> agencies.addAll(client.organIds()));
        return agencies;
    }

    /** Where the operations token lives ({@code lienthong.ops.token-file}, else {@code <data>/ops-token}). */
    public Path opsTokenFile() {
        String configured = properties.getProperty("lienthong.ops.token-file", "").strip();
        return configured.isEmpty() ? dataDirectory.resolve("ops-token") : Path.of(configured).toAbsolutePath();
    }

    public boolean embeddedBroker() {
        return brokerUrl.isEmpty();
    }

    /** Every property with the folder defaults filled in, for the routes' {{placeholders}}. */
    public Properties resolvedProperties() {
        Properties resolved = new Properties();
        resolved.putAll(properties);
        resolved.setProperty("lienthong.data.directory", dataDirectory.toString());
        resolved.setProperty("lienthong.dms.outbox", outbox.toString());
        resolved.setProperty("lienthong.dms.inbox", inbox.toString());
        resolved.setProperty("lienthong.dms.status-inbox", statusInbox.toString());
        resolved.setProperty("lienthong.dms.error", errorFolder.toString());
        return resolved;
    }

    @Override
    public String toString() {
        return "ConnectorSettings[data=" + dataDirectory + ", axis=" + axis + ", outbox=" + outbox + ", inbox=" + inbox
                + ", broker=" + (embeddedBroker() ? "embedded vm://" + brokerVmId : brokerUrl) + "]";
    }

    private static Path folder(Properties properties, String key, Path fallback) {
        String value = properties.getProperty(key, "").strip();
        return value.isEmpty() ? fallback : Path.of(value).toAbsolutePath();
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(key + " is not configured");
        }
        return value;
    }

    private static long number(Properties properties, String key) {
        String value = required(properties, key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
    }
}
