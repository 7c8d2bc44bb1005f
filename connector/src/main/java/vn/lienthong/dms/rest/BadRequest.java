package vn.lienthong.dms.rest;

import java.util.List;
import vn.lienthong.dms.DmsError;

/**
 * A request the REST layer cannot even hand to the gateway (an unreadable body, a missing part, one too large):
 * answered with its HTTP status and errors in the one shape. Thrown only inside this package, where reading the
 * request is several steps deep; it never crosses into the gateway.
 */
final class BadRequest extends Exception {

    private final int httpStatus;
    private final transient List<DmsError> errors;

    BadRequest(int httpStatus, DmsError error) {
        super(error.code(), null, false, false);
        this.httpStatus = httpStatus;
        this.errors = List.of(error);
    }

    int httpStatus() {
        return httpStatus;
    }

    List<DmsError> errors() {
        return errors;
    }
}
