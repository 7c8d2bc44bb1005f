package vn.lienthong.validation;

import vn.lienthong.findings.Shown;

/**
 * Makes a value from an envelope safe to show in a report: control and invisible characters (which could
 * reorder or hide text on a terminal) are shown as {@code \\uXXXX}, and very long values are shortened.
 */
final class Display {

    private static final int MAX_SHOWN = 120;

    private Display() {
    }

    /** The value for use inside quotes in a sentence; the template supplies the quotes. */
    static String quoted(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(MAX_SHOWN).forEach(codePoint -> {
            if (isInvisible(codePoint)) {
                shown.append(String.format("\\u%04X", codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
        });
        if (value.codePointCount(0, value.length()) > MAX_SHOWN) {
            shown.append('…');
        }
        return shown.toString();
    }

    static boolean isInvisible(int codePoint) {
        return Shown.isInvisible(codePoint);
    }
}
