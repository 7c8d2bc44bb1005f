package vn.lienthong.runtime;

import java.nio.file.Path;
import java.util.Properties;
import vn.lienthong.dms.ClientRegistry;

/** The DMS clients of {@code lienthong.dms.clients-file}; none when it is not set. */
final class DmsClients {

    private DmsClients() {
    }

    static ClientRegistry load(Properties properties) {
        String file = properties.getProperty("lienthong.dms.clients-file", "").strip();
        if (file.isEmpty()) {
            return ClientRegistry.empty();
        }
        try {
            return ClientRegistry.load(Path.of(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lienthong.dms.clients-file: " + e.getMessage(), e);
        }
    }
}
