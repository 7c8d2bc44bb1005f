package vn.lienthong.validation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.lienthong.edxml.ReadOutcome;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Location;
import vn.lienthong.findings.Problem;

/**
 * What rules need while checking one envelope: settings, where elements are, and where to report. Of each code only
 * the first {@link ValidationSettings#maxFindingsPerCode()} problems are kept and the rest only counted: an envelope
 * of 100,000 faulty elements costs a count, not 100,000 sentences. Keeping at least one of each code keeps every
 * verdict what it would be.
 */
final class RuleContext {

    private final ValidationSettings settings;
    private final ReadOutcome outcome;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<FindingCode, Integer> counts = new EnumMap<>(FindingCode.class);

    RuleContext(ValidationSettings settings, ReadOutcome outcome) {
        this.settings = settings;
        this.outcome = outcome;
    }

    ValidationSettings settings() {
        return settings;
    }

    void report(FindingCode code, String path, Object... arguments) {
        if (keeps(code)) {
            problems.add(Problem.of(code, outcome.locate(path), arguments));
        }
    }

    /** A problem found at a known location (the structure check's). */
    void report(FindingCode code, Location location, Object... arguments) {
        if (keeps(code)) {
            problems.add(Problem.of(code, location, arguments));
        }
    }

    private boolean keeps(FindingCode code) {
        return counts.merge(code, 1, Integer::sum) <= settings.maxFindingsPerCode();
    }

    /** The problems kept, in the order reported. */
    List<Problem> problems() {
        return problems;
    }

    /** For each code with more problems than were kept, how many were not. */
    Map<FindingCode, Integer> omitted() {
        Map<FindingCode, Integer> omitted = new EnumMap<>(FindingCode.class);
        counts.forEach((code, count) -> {
            if (count > settings.maxFindingsPerCode()) {
                omitted.put(code, count - settings.maxFindingsPerCode());
            }
        });
        return omitted;
    }
}
