package vn.lienthong.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Properties;
import vn.lienthong.dms.ClientRegistry;

/** The DMS clients of {@code lienthong.dms.clients-file}; none when it is not set. */
final class DmsClients {

    private DmsClients() {
    }

    static ClientRegistry load(Properties properties) throws IOException {
        String file = properties.getProperty("lienthong.dms.clients-file", "").strip();
        return file.isEmpty() ? ClientRegistry.empty() : ClientRegistry.load(Path.of(file));
    }
}
