package vn.lienthong.ops.alerts;

/**
 * A condition an alert rule finds now. {@code key} names the alert it raises: the same key while the condition lasts
 * (so it is raised once), another key for another condition of the same rule (another certificate, a nearer
 * expiry stage).
 */
public record Breach(String key, String ruleId, Severity severity, String vietnamese, String english) {

    public enum Severity {
        WARNING,
        CRITICAL
    }
}
