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
}
