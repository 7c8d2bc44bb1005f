package vn.lienthong.axis;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import vn.lienthong.axis.AxisException.Kind;

/**
 * Turns what went wrong in a call into an {@link AxisException} of the right kind, by the rules agreed with the
 * simulator: no answer, 5xx, 408 and 429 are transient; 401 and 403 are authentication; other 4xx are permanent;
 * a FAIL answer's ErrorCode is judged by the same numbers; anything we cannot read is transient. Every message
 * passes through {@link #redact}, because an ErrorDesc is the server's text and could echo what we sent.
 */
final class AxisFailures {

    private static final String REDACTED = "(secret)";

    private final String secret;

    AxisFailures(String secret) {
        this.secret = secret;
    }

    static Kind kindOfStatusCode(int code) {
        if (code == 401 || code == 403) {
            return Kind.AUTHENTICATION;
        }
        if (code == 408 || code == 429) {
            return Kind.TRANSIENT;
        }
        if (code >= 400 && code < 500) {
            return Kind.PERMANENT;
        }
        return Kind.TRANSIENT;
    }

    /** An ErrorCode that is not a number, or not one we know, says nothing certain: retrying is the safe side. */
    static Kind kindOfErrorCode(String errorCode) {
        if (errorCode == null) {
            return Kind.TRANSIENT;
        }
        try {
            return kindOfStatusCode(Integer.parseInt(errorCode.strip()));
        } catch (NumberFormatException notANumber) {
            return Kind.TRANSIENT;
        }
    }

    /** The HTTP status decides the kind; the body's ErrorCode, when there is one, is the more precise code. */
    AxisException httpStatus(String call, int statusCode, AxisAnswer answerOrNull) {
        String detail = answerOrNull == null ? "" : answerOrNull.describeError();
        String errorCode = answerOrNull == null || answerOrNull.errorCode() == null || answerOrNull.errorCode().isBlank()
                ? Integer.toString(statusCode) : answerOrNull.errorCode();
        return failure(kindOfStatusCode(statusCode), errorCode,
                call + ": the axis answered HTTP " + statusCode + (detail.isEmpty() ? "" : " with " + detail), null);
    }

    AxisException failAnswer(String call, AxisAnswer answer) {
        String detail = answer.describeError();
        return failure(kindOfErrorCode(answer.errorCode()), answer.errorCode(),
                call + ": the axis answered " + answer.status() + (detail.isEmpty() ? "" : " with " + detail), null);
    }

    /** Connection refused, reset or timed out: the request may or may not have reached the axis. */
    AxisException noAnswer(String call, IOException cause) {
        String what = cause instanceof HttpTimeoutException ? "no answer in time" : "the connection failed";
        return failure(Kind.TRANSIENT, "", call + ": " + what + " (" + describe(cause) + ")", cause);
    }

    /** The answer began but broke off, or (getEdoc) its content could not be written out. */
    AxisException brokenAnswer(String call, IOException cause) {
        return failure(Kind.TRANSIENT, "", call + ": the answer could not be read to its end (" + describe(cause) + ")", cause);
    }

    /**
     * The parser's message quotes the server's bytes, so only its redacted description is kept, not the parser
     * exception itself.
     */
    AxisException unreadableAnswer(String call, Exception cause) {
        return failure(Kind.TRANSIENT, "", call + ": the axis's answer is not the expected JSON (" + describe(cause) + ")", null);
    }

    AxisException answerWithoutStatus(String call) {
        return failure(Kind.TRANSIENT, "", call + ": the axis's answer has no status", null);
    }

    AxisException missingField(String call, String field) {
        return failure(Kind.TRANSIENT, "", call + ": the axis answered OK without " + field, null);
    }

    AxisException interrupted(String call, InterruptedException cause) {
        return failure(Kind.TRANSIENT, "", call + ": interrupted while waiting for the axis", cause);
    }

    /** A local file problem; the caller says whether retrying can help. */
    AxisException localFile(String call, Kind kind, String what, IOException cause) {
        return failure(kind, "", call + ": " + what + " (" + describe(cause) + ")", cause);
    }

    String redact(String text) {
        if (text == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, REDACTED);
    }

    private AxisException failure(Kind kind, String errorCode, String message, Throwable cause) {
        return new AxisException(kind, redact(errorCode), redact(message), cause);
    }

    private static String describe(Exception cause) {
        String message = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message.strip();
    }
}
