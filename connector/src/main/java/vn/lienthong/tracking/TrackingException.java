package vn.lienthong.tracking;

/**
 * The tracking database failed in a way callers cannot act on (unreachable, disk full, schema broken).
 * Expected outcomes such as a duplicate key are results, never this exception.
 */
public final class TrackingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TrackingException(String message, Throwable cause) {
        super(message, cause);
    }
}
