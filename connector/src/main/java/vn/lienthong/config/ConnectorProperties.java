package vn.lienthong.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The connector's configuration, layered: the documented defaults shipped in the jar (config/application.properties),
 * then an operator's file if given, then environment variables named after the keys ({@code lienthong.axis.endpoint}
 * is {@code LIENTHONG_AXIS_ENDPOINT}: upper case, dots and dashes as underscores), then {@code -Dlienthong.*}
 * system properties. Containers configure it by environment alone.
 */
public final class ConnectorProperties {

    private static final String DEFAULTS = "/lienthong/config/application.properties";
    private static final String OWN_PREFIX = "lienthong.";

    private ConnectorProperties() {
    }

    /** {@code lienthong.axis.system-id} → {@code LIENTHONG_AXIS_SYSTEM_ID}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public static Properties load(Path overrides) throws IOException {
        return load(overrides, System.getenv());
    }

    static Properties load(Path overrides, Map<String, String> environment) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ConnectorProperties.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the jar");
            }
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        if (overrides != null) {
            try (Reader in = Files.newBufferedReader(overrides, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
        }
        for (String key : properties.stringPropertyNames()) {
            String fromEnvironment = environment.get(environmentName(key));
            if (fromEnvironment != null) {
                properties.setProperty(key, fromEnvironment);
            }
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(OWN_PREFIX)) {
                properties.setProperty(key, System.getProperty(key));
            }
        }
        return properties;
    }
}
