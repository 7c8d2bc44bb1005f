package vn.lienthong.edxml;

import java.io.IOException;

/** Thrown from inside the parser's text callback to stop reading an attachment larger than the limit. */
final class AttachmentTooLargeException extends IOException {

    private final long limit;

    AttachmentTooLargeException(long limit) {
        super("attachment larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
