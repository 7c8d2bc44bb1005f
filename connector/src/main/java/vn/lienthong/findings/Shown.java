package vn.lienthong.findings;

/**
 * How a value that came from outside (an envelope, a request, a file name) is shown to people: in a finding, an
 * answer or a log line. Control and invisible characters, which could end a log line, forge another, recolour a
 * terminal or reorder text, appear as {@code \\uXXXX}; a long value is cut to {@link #MAX_LENGTH} characters with an
 * ellipsis, so no answer or report echoes a hostile input back at length.
 */
public final class Shown {

    /** The most characters of one value shown in a sentence or a path. */
    public static final int MAX_LENGTH = 200;

    private Shown() {
    }

    /** The value escaped and cut to {@link #MAX_LENGTH} characters. */
    public static String text(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) + "…" : value;
        return escaped(cut);
    }

    /** An element path escaped and, when long, cut in the middle: its start and its end say the most. */
    public static String path(String path) {
        if (path == null || path.length() <= MAX_LENGTH) {
            return path == null ? null : escaped(path);
        }
        int half = MAX_LENGTH / 2;
        return escaped(path.substring(0, half) + "…" + path.substring(path.length() - half + 1));
    }

    /** Every control or invisible character as {@code \\uXXXX}; nothing is cut. */
    public static String escaped(String value) {
        if (value == null || value.codePoints().noneMatch(Shown::isInvisible)) {
            return value;
        }
        StringBuilder shown = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(codePoint -> {
            if (isInvisible(codePoint)) {
                shown.append(String.format("\\u%04X", codePoint));
            } else {
                shown.appendCodePoint(codePoint);
            }
        });
        return shown.toString();
    }

    /** Control characters (C0, DEL, C1), format characters (bidi overrides, zero-width ones) and line separators. */
    public static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
