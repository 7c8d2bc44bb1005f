package vn.lienthong.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentState;

/**
 * Which entries an export shows in full. {@code from} is inclusive, {@code to} exclusive; a date given alone means
 * that whole UTC day (as {@code --to} too: {@code --to 2026-12-04} ends at the start of 2026-12-05). Agency, direction
 * and state select documents (the agency as sender or any recipient); entries of other documents, and system entries,
 * are then exported as {@code omitted} lines, which keep the chain and the tree checkable. Every criterion may be null.
 */
public record ExportFilter(Instant from, Instant to, String agency, Direction direction, DocumentState state) {

    public static final ExportFilter ALL = new ExportFilter(null, null, null, null, null);

    /** From the command line or a query string; a value that cannot be read is refused in both languages. */
    public static ExportFilter parse(String from, String to, String agency, String direction, String state) {
        Instant start = blank(from) ? null : time(from.strip(), false);
        Instant end = blank(to) ? null : time(to.strip(), true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("Thời điểm --from phải trước --to / --from must be before --to");
        }
        return new ExportFilter(start, end, blank(agency) ? null : agency.strip(),
                blank(direction) ? null : value(Direction.class, direction, "--direction"),
                blank(state) ? null : value(DocumentState.class, state, "--state"));
    }

    /** Whether entries are chosen by their document too, not only by time. */
    public boolean selectsDocuments() {
        return agency != null || direction != null || state != null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant time(String text, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Không đọc được thời điểm '" + text + "': hãy dùng ngày 2026-12-04 (cả"
                    + " ngày theo giờ UTC) hoặc thời điểm 2026-12-04T02:00:00Z / Cannot read the time '" + text
                    + "': give a date 2026-12-04 (that whole UTC day) or an instant 2026-12-04T02:00:00Z");
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String text, String option) {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Giá trị " + option + " không hợp lệ: '" + text + "' / Not a valid "
                    + option + ": '" + text + "' (" + java.util.Arrays.toString(type.getEnumConstants()) + ")");
        }
    }
}
