package vn.lienthong.edxml;

import java.io.IOException;

/** Thrown by the size-limited input to stop the parser at the configured envelope size. */
final class EnvelopeTooLargeException extends IOException {

    private final long limit;

    EnvelopeTooLargeException(long limit) {
        super("envelope larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
