package vn.lienthong.dms;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to one DMS request, independent of the interface: what happened, the document key when there is
 * one, the result body for reads, and every error. REST maps it to 202/200/400/401/403/404, SOAP to responses
 * and faults, JMS and folders to result messages and findings files.
 * <p>
 * Every interface answers from here, so the size of an error answer is bounded here: at most {@link #MAX_ERRORS}
 * errors and about {@link #MAX_ERROR_CHARACTERS} characters of them, the last one saying how many more there were.
 */
public record Outcome(Status status, String key, Object body, List<DmsError> errors) {

    public enum Status { ACCEPTED, OK, REFUSED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND }

    /** The most errors one answer lists, the last of them ERRORS_OMITTED when there were more. */
    public static final int MAX_ERRORS = 100;
    /** The most characters of sentences and paths one answer carries (64 Ki), whatever the number of errors. */
    public static final int MAX_ERROR_CHARACTERS = 64 * 1024;

    public Outcome {
        errors = bounded(errors);
    }

    private static List<DmsError> bounded(List<DmsError> errors) {
        List<DmsError> listed = new ArrayList<>();
        long characters = 0;
        for (DmsError error : errors) {
            characters += error.characters();
            boolean roomLeft = errors.size() <= MAX_ERRORS || listed.size() < MAX_ERRORS - 1;
            if (!roomLeft || characters > MAX_ERROR_CHARACTERS) {
                break;
            }
            listed.add(error);
        }
        if (listed.size() < errors.size()) {
            listed.add(DmsError.of(GatewayCode.ERRORS_OMITTED, errors.size() - listed.size(), listed.size()));
        }
        return List.copyOf(listed);
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
