package vn.lienthong.axis;

import java.util.Objects;

/**
 * A call to the axis did not succeed. The kind tells the caller what to do next: retry later, give up on this
 * message, or fix the credentials. The message is plain English and never contains the secret.
 */
public final class AxisException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** Worth retrying as it is: the network, a timeout, an overloaded or failing axis, an unreadable answer. */
        TRANSIENT,
        /** Retrying the same request will fail the same way: the axis refused this request. */
        PERMANENT,
        /** The axis refused our signature or timestamp: wrong secret, wrong systemId or a skewed clock. */
        AUTHENTICATION
    }

    private final Kind kind;
    private final String errorCode;

    /**
     * @param errorCode the axis's ErrorCode when it gave one, else the HTTP status as text when an HTTP answer
     *                  came back, else the empty string (no answer reached us)
     */
    public AxisException(Kind kind, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.errorCode = errorCode == null ? "" : errorCode;
    }

    public AxisException(Kind kind, String errorCode, String message) {
        this(kind, errorCode, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The axis's ErrorCode, else the HTTP status as text, else {@code ""} when no answer came back. */
    public String errorCode() {
        return errorCode;
    }
}
