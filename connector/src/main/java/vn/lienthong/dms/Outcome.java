package vn.lienthong.dms;

import java.util.List;

/**
 * The answer to one DMS request, independent of the interface: what happened, the document key when there is
 * one, the result body for reads, and every error. REST maps it to 202/200/400/401/403/404, SOAP to responses
 * and faults, JMS and folders to result messages and findings files.
 */
public record Outcome(Status status, String key, Object body, List<DmsError> errors) {

    public enum Status { ACCEPTED, OK, REFUSED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND }

    public Outcome {
        errors = List.copyOf(errors);
    }

    /** Accepted and now durably queued. */
    public static Outcome accepted(String key) {
        return accepted(key, "QUEUED");
    }

    /** Accepted, the document being in {@code state} (a re-sent envelope: wherever the first one has got to). */
    public static Outcome accepted(String key, String state) {
        return new Outcome(Status.ACCEPTED, key, state, List.of());
    }

    public static Outcome ok(Object body) {
        return new Outcome(Status.OK, null, body, List.of());
    }

    public static Outcome refused(List<DmsError> errors) {
        return new Outcome(Status.REFUSED, null, null, errors);
    }

    public static Outcome failed(Status status, DmsError error) {
        return new Outcome(status, null, null, List.of(error));
    }
}
