package vn.lienthong.validation;

import java.util.ArrayList;
import java.util.List;
import vn.lienthong.edxml.ReadOutcome;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Problem;

/** What rules need while checking one envelope: settings, where elements are, and where to report. */
final class RuleContext {

    private final ValidationSettings settings;
    private final ReadOutcome outcome;
    private final List<Problem> problems = new ArrayList<>();

    RuleContext(ValidationSettings settings, ReadOutcome outcome) {
        this.settings = settings;
        this.outcome = outcome;
    }

    ValidationSettings settings() {
        return settings;
    }

    void report(FindingCode code, String path, Object... arguments) {
        problems.add(Problem.of(code, outcome.locate(path), arguments));
    }

    List<Problem> problems() {
        return problems;
    }
}
