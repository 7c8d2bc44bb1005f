package vn.lienthong.findings;

import java.util.List;

/**
 * What a check found, before policy decides how much it matters: the code, where, and the values that go
 * into the sentence. {@link SeverityPolicy} turns it into a {@link Finding}.
 */
public record Problem(FindingCode code, Location location, List<Object> arguments) {

    public Problem {
        arguments = List.copyOf(arguments);
    }

    public static Problem of(FindingCode code, Location location, Object... arguments) {
        return new Problem(code, location, List.of(arguments));
    }
}
