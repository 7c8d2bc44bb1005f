package vn.lienthong.signature;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * What the connector does with a document given its signatures' verdict, in both directions, configured by
 * {@code lienthong.signature.policy.valid|indeterminate|invalid|unsigned = accept | accept-with-warning |
 * quarantine | refuse}. Quarantine holds the document for a person to decide; refuse sends it back with the reasons.
 */
public final class SignaturePolicy {

    /** What happens to a document. */
    public enum Action {
        ACCEPT, ACCEPT_WITH_WARNING, QUARANTINE, REFUSE;

        public boolean letsThrough() {
            return this == ACCEPT || this == ACCEPT_WITH_WARNING;
        }

        static Action parse(String key, String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " must be accept, accept-with-warning, quarantine or refuse, not '"
                        + value + "'");
            }
        }
    }

    static final String PREFIX = "lienthong.signature.policy.";

    private final Map<Verdict, Action> byVerdict;
    private final Action unsigned;

    public SignaturePolicy(Map<Verdict, Action> byVerdict, Action unsigned) {
        this.byVerdict = new EnumMap<>(Verdict.class);
        this.byVerdict.putAll(byVerdict);
        for (Verdict verdict : Verdict.values()) {
            if (!this.byVerdict.containsKey(verdict)) {
                throw new IllegalArgumentException("no action for verdict " + verdict);
            }
        }
        this.unsigned = unsigned;
    }

    public static SignaturePolicy fromProperties(Properties properties) {
        Map<Verdict, Action> byVerdict = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            String key = PREFIX + verdict.name().toLowerCase(Locale.ROOT);
            byVerdict.put(verdict, Action.parse(key, required(properties, key)));
        }
        return new SignaturePolicy(byVerdict, Action.parse(PREFIX + "unsigned", required(properties, PREFIX + "unsigned")));
    }

    public Action decide(DocumentSignatures signatures) {
        return signatures.signed() ? byVerdict.get(signatures.verdict()) : unsigned;
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is not configured");
        }
        return value;
    }
}
