package vn.lienthong.axis;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code timestamp} header as the SDK writes it: Java's SimpleDateFormat pattern
 * {@code ddMMyyyy'T'HHmmss+SSSS}, where {@code SSSS} is the millisecond count zero-padded to four digits
 * (120 ms is {@code 0120}, not the fraction {@code 1200} that java.time's {@code SSSS} would give). Local time
 * of Vietnam.
 */
public final class AxisTimestamp {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter UP_TO_SECONDS = DateTimeFormatter.ofPattern("ddMMyyyy'T'HHmmss");
    private static final Pattern SHAPE = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})T(\\d{2})(\\d{2})(\\d{2})\\+(\\d{4})");

    private AxisTimestamp() {
    }

    public static String now(Clock clock) {
        return format(LocalDateTime.now(clock.withZone(VIETNAM)));
    }

    public static String format(LocalDateTime time) {
        int millis = time.getNano() / 1_000_000;
        return UP_TO_SECONDS.format(time) + "+" + String.format("%04d", millis);
    }

    /** The local time a header names, or empty when it is not of the SDK's shape or not a real time. */
    public static Optional<LocalDateTime> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            int millis = Integer.parseInt(matcher.group(7));
            if (millis > 999) {
                return Optional.empty();
            }
            return Optional.of(LocalDateTime.of(
                    Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(1)),
                    Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)), Integer.parseInt(matcher.group(6)),
                    millis * 1_000_000));
        } catch (java.time.DateTimeException notReal) {
            return Optional.empty();
        }
    }
}
