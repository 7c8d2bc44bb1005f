package vn.lienthong.validation;

import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienthong.findings.Bilingual;

/**
 * Dates ({@code yyyy/MM/dd}) and timestamps ({@code yyyy/MM/dd HH:mm:ss}) as the standard writes them, checked
 * for shape first and then for being real: {@code 2014/02/30} has the right shape and does not exist.
 */
final class CalendarText {

    private static final Pattern DATE = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2})");
    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})");

    /** The outcome of a check: fine, wrong shape, or the reason the value is not a real date or time. */
    sealed interface Verdict {
        record Real() implements Verdict {
        }

        record WrongShape() implements Verdict {
        }

        record NotReal(Bilingual reason) implements Verdict {
        }
    }

    private CalendarText() {
    }

    static Verdict date(String text) {
        Matcher date = DATE.matcher(text);
        if (!date.matches()) {
            return new Verdict.WrongShape();
        }
        return dayProblem(date).<Verdict>map(Verdict.NotReal::new).orElse(new Verdict.Real());
    }

    static Verdict timestamp(String text) {
        Matcher timestamp = TIMESTAMP.matcher(text);
        if (!timestamp.matches()) {
            return new Verdict.WrongShape();
        }
        Optional<Bilingual> dayProblem = dayProblem(timestamp);
        if (dayProblem.isPresent()) {
            return new Verdict.NotReal(dayProblem.get());
        }
        int hour = Integer.parseInt(timestamp.group(4));
        int minute = Integer.parseInt(timestamp.group(5));
        int second = Integer.parseInt(timestamp.group(6));
        if (hour > 23) {
            return new Verdict.NotReal(new Bilingual("giờ " + hour + " không tồn tại (0..23)", "hour " + hour + " does not exist (0..23)"));
        }
        if (minute > 59) {
            return new Verdict.NotReal(new Bilingual("phút " + minute + " không tồn tại (0..59)", "minute " + minute + " does not exist (0..59)"));
        }
        if (second > 59) {
            return new Verdict.NotReal(new Bilingual("giây " + second + " không tồn tại (0..59)", "second " + second + " does not exist (0..59)"));
        }
        return new Verdict.Real();
    }

    /** Groups 1..3 of the matcher are year, month and day. */
    private static Optional<Bilingual> dayProblem(Matcher matcher) {
        int year = Integer.parseInt(matcher.group(1));
        int month = Integer.parseInt(matcher.group(2));
        int day = Integer.parseInt(matcher.group(3));
        if (year == 0) {
            return Optional.of(new Bilingual("năm 0000 không tồn tại", "year 0000 does not exist"));
        }
        if (month < 1 || month > 12) {
            return Optional.of(new Bilingual("tháng " + month + " không tồn tại (1..12)", "month " + month + " does not exist (1..12)"));
        }
        if (day < 1) {
            return Optional.of(new Bilingual("ngày " + day + " không tồn tại", "day " + day + " does not exist"));
        }
        int length = YearMonth.of(year, month).lengthOfMonth();
        if (day > length) {
            return Optional.of(new Bilingual(
                    "tháng " + month + "/" + year + " chỉ có " + length + " ngày",
                    Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year + " has only " + length + " days"));
        }
        return Optional.empty();
    }
}
