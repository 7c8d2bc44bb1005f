package vn.lienthong.audit;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * How the log is anchored ({@code lienthong.audit.*}).
 *
 * @param interval      anchor-interval: a new anchor when this long has passed since the last one and entries came
 *                      in (default PT10M)
 * @param everyEntries  anchor-every: also when this many entries came in since the last anchor (0: only by time)
 * @param tsaUrl        tsa-url: the RFC 3161 time-stamping authority; without it the log is not anchored
 * @param tsaTimeout    tsa-timeout: how long one call to the TSA may take (default PT10S)
 * @param retryDelay    tsa-retry: the first wait before asking an unreachable TSA again, doubled up to the interval
 *                      (default PT15S)
 */
public record AnchoringSettings(Duration interval, long everyEntries, Optional<URI> tsaUrl, Duration tsaTimeout,
        Duration retryDelay) {

    public static AnchoringSettings from(Properties properties) {
        String url = value(properties, "lienthong.audit.tsa-url", "");
        AnchoringSettings settings = new AnchoringSettings(
                Duration.parse(value(properties, "lienthong.audit.anchor-interval", "PT10M")),
                Long.parseLong(value(properties, "lienthong.audit.anchor-every", "0")),
                url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url)),
                Duration.parse(value(properties, "lienthong.audit.tsa-timeout", "PT10S")),
                Duration.parse(value(properties, "lienthong.audit.tsa-retry", "PT15S")));
        if (settings.interval().isNegative() || settings.interval().isZero() || settings.everyEntries() < 0
                || settings.retryDelay().isNegative() || settings.retryDelay().isZero()) {
            throw new IllegalArgumentException("lienthong.audit.anchor-interval and tsa-retry must be positive and"
                    + " anchor-every at least 0");
        }
        return settings;
    }

    private static String value(Properties properties, String key, String fallback) {
        String value = properties.getProperty(key, "").strip();
        return value.isEmpty() ? fallback : value;
    }
}
