package vn.lienthong.signature.pki;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Dates in reasons read the same everywhere: yyyy-MM-dd HH:mm:ss UTC, whatever the server's time zone. */
public final class UtcDates {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private UtcDates() {
    }

    public static String format(Instant instant) {
        return instant == null ? "unknown" : FORMAT.format(instant);
    }
}
