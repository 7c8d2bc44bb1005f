package vn.lienthong.http;

import java.time.Duration;
import java.util.Properties;

/**
 * What one network listener allows a connection ({@code lienthong.api.*}, {@code lienthong.soap.*},
 * {@code lienthong.http.*}), so that idle, half-open or too many sockets cannot take the connector's file descriptors.
 *
 * @param headerTimeout  how long a connection may take to send a complete request header, from its opening or from
 *                       the end of the previous answer; a trickled header does not reset it
 * @param idleTimeout    how long a connection may send and receive nothing at all while a request is handled (between
 *                       requests the header timeout applies); it must cover the longest check of a document
 * @param maxConnections how many connections the listener holds at once; the excess is refused at once
 */
public record ListenerLimits(Duration headerTimeout, Duration idleTimeout, int maxConnections) {

    public ListenerLimits {
        if (headerTimeout.isNegative() || headerTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()
                || maxConnections < 1) {
            throw new IllegalArgumentException("listener limits must be positive: " + headerTimeout + ", " + idleTimeout
                    + ", " + maxConnections);
        }
    }

    /** The limits under {@code prefix} (e.g. "lienthong.api"), each key falling back to the given default. */
    public static ListenerLimits from(Properties properties, String prefix, long defaultIdleMillis, int defaultMaxConnections) {
        return new ListenerLimits(
                Duration.ofMillis(number(properties, prefix + ".header-timeout-ms", 5_000)),
                Duration.ofMillis(number(properties, prefix + ".idle-timeout-ms", defaultIdleMillis)),
                (int) number(properties, prefix + ".max-connections", defaultMaxConnections));
    }

    private static long number(Properties properties, String key, long fallback) {
        String value = properties.getProperty(key, "").strip();
        try {
            return value.isEmpty() ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a whole number: " + value, e);
        }
    }
}
