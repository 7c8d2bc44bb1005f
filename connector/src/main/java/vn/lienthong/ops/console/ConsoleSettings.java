package vn.lienthong.ops.console;

import java.time.Duration;
import java.util.Properties;

/**
 * How sign-in to the console behaves ({@code lienthong.console.*}): how many wrong passwords in a row lock a user
 * out and for how long, how long an unused session lives, and whether its cookie is sent only over TLS (when the
 * management port has TLS).
 */
public record ConsoleSettings(int lockoutFailures, Duration lockout, Duration sessionIdle, boolean secureCookie) {

    public static ConsoleSettings from(Properties properties, boolean tls) {
        return new ConsoleSettings(
                positive(properties, "lienthong.console.lockout-failures", 5),
                Duration.ofMinutes(positive(properties, "lienthong.console.lockout-minutes", 15)),
                Duration.ofMinutes(positive(properties, "lienthong.console.session-idle-minutes", 30)),
                tls);
    }

    private static int positive(Properties properties, String key, int fallback) {
        String value = properties.getProperty(key, "").strip();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException notNumber) {
            // said below
        }
        throw new IllegalArgumentException(key + " must be a whole number above 0, not '" + value + "'");
    }
}
