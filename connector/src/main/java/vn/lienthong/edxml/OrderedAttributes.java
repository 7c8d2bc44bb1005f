package vn.lienthong.edxml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable attribute maps that keep document order (Map.copyOf does not). */
final class OrderedAttributes {

    private OrderedAttributes() {
    }

    static Map<String, String> copyOf(Map<String, String> attributes) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
