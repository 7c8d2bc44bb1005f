package vn.lienthong.dms.rest;

import java.time.Duration;
import java.util.Properties;

/**
 * What the REST API allows one request and one client, so that slow or numerous requests cannot take every worker
 * thread: the largest envelope ({@code lienthong.limits.max-envelope-bytes}), the requests a client may have in
 * progress at once ({@code lienthong.api.max-requests-per-client}; more are answered 429 with Retry-After), and the
 * slowest a body may arrive ({@code lienthong.api.min-upload-bytes-per-second}, measured over each window of
 * {@code lienthong.api.upload-rate-window-ms}; a slower one is answered 408 and its connection closed).
 */
public record RestLimits(long maxEnvelopeBytes, int maxRequestsPerClient, long minUploadBytesPerSecond, Duration rateWindow) {

    /** How long a client over its limit is told to wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 5;

    public RestLimits {
        if (maxRequestsPerClient < 1 || minUploadBytesPerSecond < 0 || rateWindow.toMillis() < 1) {
            throw new IllegalArgumentException("REST limits must be positive: " + maxRequestsPerClient + ", "
                    + minUploadBytesPerSecond + ", " + rateWindow);
        }
    }

    public static RestLimits from(Properties properties, long maxEnvelopeBytes) {
        return new RestLimits(maxEnvelopeBytes,
                (int) number(properties, "lienthong.api.max-requests-per-client", 4),
                number(properties, "lienthong.api.min-upload-bytes-per-second", 1024),
                Duration.ofMillis(number(properties, "lienthong.api.upload-rate-window-ms", 10_000)));
    }

    /** The bytes a body in progress must bring in each window. */
    long minimumPerWindow() {
        return minUploadBytesPerSecond * rateWindow.toMillis() / 1000;
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
