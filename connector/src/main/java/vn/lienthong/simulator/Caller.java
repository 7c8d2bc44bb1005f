package vn.lienthong.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An authenticated caller: its system and the logical headers it signed, spelled and ordered as signed. Call
 * parameters are read only from signed headers, as a real axis would trust nothing else.
 */
record Caller(String systemId, Map<String, String> signedHeaders) {

    Caller {
        signedHeaders = Collections.unmodifiableMap(new LinkedHashMap<>(signedHeaders));
    }

    /**
     * A signed header's value, stripped; empty when it is absent or blank. Names match in any case, but the
     * spelling asked for (the spec's) wins over another: the SDK keeps a stale {@code docid} of an earlier call
     * beside this call's {@code docId}, and only the spec's spelling is this call's own.
     */
    Optional<String> header(String name) {
        String value = signedHeaders.get(name);
        if (value == null) {
            value = signedHeaders.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
