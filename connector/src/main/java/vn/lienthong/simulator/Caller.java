package vn.lienthong.simulator;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An authenticated caller: its system and the logical headers it signed, by lower-cased name. Call parameters
 * are read only from signed headers, as a real axis would trust nothing else.
 */
record Caller(String systemId, Map<String, String> signedHeaders) {

    Caller {
        signedHeaders = Map.copyOf(signedHeaders);
    }

    /** A signed header's value, stripped; empty when it is absent or blank. */
    Optional<String> header(String name) {
        String value = signedHeaders.get(name.toLowerCase(Locale.ROOT));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
