package vn.lienthong.edxml;

/** ContentIds appear both as {@code cid:xxxx} and bare {@code xxxx}; they match once the prefix is dropped. */
public final class ContentIds {

    private static final String PREFIX = "cid:";

    private ContentIds() {
    }

    public static String normalize(String contentId) {
        if (contentId == null) {
            return null;
        }
        String trimmed = contentId.trim();
        return trimmed.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? trimmed.substring(PREFIX.length()) : trimmed;
    }
}
