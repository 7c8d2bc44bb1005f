package vn.lienthong.findings;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Decides how much each finding matters: the default severity of its code unless configuration says otherwise
 * ({@code lienthong.validation.severity.CODE=error|warning|off}). Renders the finding in both languages.
 */
public final class SeverityPolicy {

    static final String SEVERITY_PREFIX = "lienthong.validation.severity.";

    private final Map<FindingCode, Severity> overrides;

    private SeverityPolicy(Map<FindingCode, Severity> overrides) {
        this.overrides = new EnumMap<>(FindingCode.class);
        this.overrides.putAll(overrides);
    }

    public static SeverityPolicy defaults() {
        return new SeverityPolicy(Map.of());
    }

    /** Reads every {@code lienthong.validation.severity.*} key; an unknown code or severity is a configuration error. */
    public static SeverityPolicy fromProperties(Properties properties) {
        Map<FindingCode, Severity> overrides = new EnumMap<>(FindingCode.class);
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith(SEVERITY_PREFIX)) {
                continue;
            }
            String codeName = key.substring(SEVERITY_PREFIX.length()).trim().toUpperCase(Locale.ROOT);
            FindingCode code;
            try {
                code = FindingCode.valueOf(codeName);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown finding code in " + key);
            }
            String value = properties.getProperty(key);
            try {
                overrides.put(code, Severity.parse(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + " must be error, warning or off, not '" + value + "'");
            }
        }
        return new SeverityPolicy(overrides);
    }

    public Severity severityOf(FindingCode code) {
        return overrides.getOrDefault(code, code.defaultSeverity());
    }

    /** The finding for a problem, or empty when policy turns its code off. */
    public Optional<Finding> apply(Problem problem) {
        Severity severity = severityOf(problem.code());
        if (severity == Severity.OFF) {
            return Optional.empty();
        }
        Object[] vietnamese = problem.arguments().stream()
                .map(argument -> argument instanceof Bilingual text ? text.vietnamese() : argument)
                .toArray();
        Object[] english = problem.arguments().stream()
                .map(argument -> argument instanceof Bilingual text ? text.english() : argument)
                .toArray();
        return Optional.of(new Finding(problem.code(), severity, problem.location(),
                problem.code().vietnamese(vietnamese), problem.code().english(english)));
    }
}
