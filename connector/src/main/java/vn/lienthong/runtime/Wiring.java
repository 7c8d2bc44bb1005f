package vn.lienthong.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.apache.camel.main.Main;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.validation.ValidationSettings;

/**
 * What every assembler reads from and binds into: the settings, read once (the resolved properties, the validation
 * settings, the DMS clients), the prepared data directory, the clock, and the Camel Main whose registry the flows
 * look their beans up in.
 */
record Wiring(ConnectorSettings settings, Properties properties, ValidationSettings validation, ClientRegistry clients,
              Path data, Clock clock, Main main) {

    long maxEnvelopeBytes() {
        return validation.limits().maxEnvelopeBytes();
    }

    /** lienthong.queue.max-delivery-attempts: the attempt after which the broker dead-letters a message. */
    int maxDeliveryAttempts() {
        return Integer.parseInt(properties.getProperty("lienthong.queue.max-delivery-attempts").strip());
    }

    String property(String key, String fallback) {
        String value = properties.getProperty(key, "").strip();
        return value.isEmpty() ? fallback : value;
    }

    void bind(String name, Object bean) {
        main.bind(name, bean);
    }
}
