package vn.lienthong.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The connector's configuration, layered: the documented defaults shipped in the jar (config/application.properties),
 * then an operator's file if given, then {@code -Dlienthong.*} system properties.
 */
public final class ConnectorProperties {

    private static final String DEFAULTS = "/lienthong/config/application.properties";
    private static final String OWN_PREFIX = "lienthong.";

    private ConnectorProperties() {
    }

    public static Properties load(Path overrides) throws IOException {
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
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(OWN_PREFIX)) {
                properties.setProperty(key, System.getProperty(key));
            }
        }
        return properties;
    }
}
