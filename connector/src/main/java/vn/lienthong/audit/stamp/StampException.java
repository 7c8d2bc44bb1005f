package vn.lienthong.audit.stamp;

import java.util.Objects;

/**
 * A signature or time stamp of the log's head that cannot be made or does not hold, with a stable code for
 * programs and the reason in Vietnamese and in English for people.
 */
public final class StampException extends Exception {

    private final String code;
    private final String vietnamese;
    private final String english;

    public StampException(String code, String vietnamese, String english) {
        this(code, vietnamese, english, null);
    }

    public StampException(String code, String vietnamese, String english, Throwable cause) {
        super(vietnamese + " / " + english, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.vietnamese = Objects.requireNonNull(vietnamese, "vietnamese");
        this.english = Objects.requireNonNull(english, "english");
    }

    /** e.g. {@code ANCHOR_SIGNATURE_INVALID}, {@code TSA_UNREACHABLE}, {@code TIMESTAMP_OTHER_DATA}. */
    public String code() {
        return code;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public String english() {
        return english;
    }
}
