package vn.lienthong.findings;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Decides how much each finding matters in each direction: the default severity of its code (see
 * {@link FindingCode}) unless configuration says otherwise, then renders the finding in both languages.
 * <ul>
 *   <li>{@code lienthong.validation.outbound.severity.CODE=error|warning|off}: what we send;</li>
 *   <li>{@code lienthong.validation.inbound.severity.CODE=...}: what the axis brings us;</li>
 *   <li>{@code lienthong.validation.severity.CODE=...}: both, unless a key of one direction says otherwise.</li>
 * </ul>
 */
public final class SeverityPolicy {

    static final String SEVERITY_PREFIX = "lienthong.validation.severity.";
    static final String OUTBOUND_PREFIX = "lienthong.validation.outbound.severity.";
    static final String INBOUND_PREFIX = "lienthong.validation.inbound.severity.";

    private final Map<Direction, Map<FindingCode, Severity>> overrides;

    private SeverityPolicy(Map<Direction, Map<FindingCode, Severity>> overrides) {
        this.overrides = new EnumMap<>(Direction.class);
        for (Direction direction : Direction.values()) {
            Map<FindingCode, Severity> ofDirection = new EnumMap<>(FindingCode.class);
            ofDirection.putAll(overrides.getOrDefault(direction, Map.of()));
            this.overrides.put(direction, ofDirection);
        }
    }

    public static SeverityPolicy defaults() {
        return new SeverityPolicy(Map.of());
    }

    /**
     * Reads every severity key; an unknown code or severity is a configuration error. A key of one direction wins
     * over the key for both, whatever their order in the file.
     */
    public static SeverityPolicy fromProperties(Properties properties) {
        Map<Direction, Map<FindingCode, Severity>> overrides = new EnumMap<>(Direction.class);
        for (Direction direction : Direction.values()) {
            overrides.put(direction, new EnumMap<>(FindingCode.class));
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(SEVERITY_PREFIX)) {
                Severity severity = severity(properties, key);
                FindingCode code = code(key, SEVERITY_PREFIX);
                overrides.values().forEach(ofDirection -> ofDirection.putIfAbsent(code, severity));
            }
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(OUTBOUND_PREFIX)) {
                overrides.get(Direction.OUTBOUND).put(code(key, OUTBOUND_PREFIX), severity(properties, key));
            } else if (key.startsWith(INBOUND_PREFIX)) {
                overrides.get(Direction.INBOUND).put(code(key, INBOUND_PREFIX), severity(properties, key));
            }
        }
        return new SeverityPolicy(overrides);
    }

    private static FindingCode code(String key, String prefix) {
        String codeName = key.substring(prefix.length()).trim().toUpperCase(Locale.ROOT);
        try {
            return FindingCode.valueOf(codeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown finding code in " + key);
        }
    }

    private static Severity severity(Properties properties, String key) {
        String value = properties.getProperty(key);
        try {
            return Severity.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + " must be error, warning or off, not '" + value + "'");
        }
    }

    public Severity severityOf(FindingCode code, Direction direction) {
        return overrides.get(direction).getOrDefault(code, code.defaultSeverity(direction));
    }

    /** What a finding of this code stops: sending, receiving, both or neither. */
    public Blocks blocks(FindingCode code) {
        return Blocks.of(severityOf(code, Direction.OUTBOUND) == Severity.ERROR,
                severityOf(code, Direction.INBOUND) == Severity.ERROR);
    }

    /** The finding for a problem met in {@code direction}, or empty when policy turns its code off there. */
    public Optional<Finding> apply(Problem problem, Direction direction) {
        Severity severity = severityOf(problem.code(), direction);
        if (severity == Severity.OFF) {
            return Optional.empty();
        }
        Object[] vietnamese = problem.arguments().stream()
                .map(argument -> shown(argument instanceof Bilingual text ? text.vietnamese() : argument))
                .toArray();
        Object[] english = problem.arguments().stream()
                .map(argument -> shown(argument instanceof Bilingual text ? text.english() : argument))
                .toArray();
        return Optional.of(new Finding(problem.code(), severity, blocks(problem.code()), shown(problem.location()),
                problem.code().vietnamese(vietnamese), problem.code().english(english)));
    }

    /**
     * The finding that says {@code count} more problems of {@code counted} were found than are listed. It has the
     * severity of the code it counts (what it stands for is that code's problems), unless FINDINGS_OMITTED is off.
     */
    public Optional<Finding> omitted(FindingCode counted, int count, int listed, Direction direction) {
        Severity severity = severityOf(counted, direction);
        if (severity == Severity.OFF || severityOf(FindingCode.FINDINGS_OMITTED, direction) == Severity.OFF) {
            return Optional.empty();
        }
        FindingCode code = FindingCode.FINDINGS_OMITTED;
        return Optional.of(new Finding(code, severity, blocks(counted), Location.UNKNOWN,
                code.vietnamese(count, counted.name(), listed), code.english(count, counted.name(), listed)));
    }

    /**
     * Every value from outside is escaped and cut (see {@link Shown}), so that no answer echoes a hostile input back
     * and no control character reaches a report or a terminal; numbers are kept as they are.
     */
    private static Object shown(Object argument) {
        if (argument == null || argument instanceof Number) {
            return argument;
        }
        return Shown.text(argument.toString());
    }

    private static Location shown(Location location) {
        String path = Shown.path(location.path());
        return path.equals(location.path()) ? location : location.withPath(path);
    }
}
