package vn.lienthong.transport;

/** File names the connector writes into folders a DMS reads: nothing that climbs out or hides. */
public final class FileNames {

    private static final int MAX_LENGTH = 120;

    private FileNames() {
    }

    /** Keeps letters (Vietnamese included), digits and {@code . - _}; everything else becomes {@code _}. */
    public static String safe(String name) {
        StringBuilder safe = new StringBuilder();
        name.codePoints().forEach(c -> safe.appendCodePoint(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_'));
        String result = safe.toString().replaceAll("^\\.+", "_");
        if (result.isEmpty()) {
            result = "_";
        }
        return result.length() > MAX_LENGTH ? result.substring(0, MAX_LENGTH) : result;
    }

    /**
     * {@code name} cut, by whole characters, to at most {@code maxBytes} bytes of UTF-8 (file systems count a name's
     * length in bytes, and a Vietnamese letter takes two or three).
     */
    public static String fit(String name, int maxBytes) {
        StringBuilder fitted = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes) {
                break;
            }
            fitted.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return fitted.toString();
    }
}
