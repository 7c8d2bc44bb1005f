package vn.lienthong.dms.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import vn.lienthong.dms.DmsError;
import vn.lienthong.dms.Outcome;

/**
 * Turns answers into HTTP responses. Every response starts from no headers at all, so nothing the client sent
 * (its API key above all) and no Camel header is ever echoed back.
 */
final class Responses {

    static final String JSON = "application/json; charset=utf-8";
    private static final byte[] INTERNAL_ERROR = internalErrorBody();

    private Responses() {
    }

    /** ACCEPTED 202, OK 200, REFUSED 400, UNAUTHENTICATED 401, FORBIDDEN 403, NOT_FOUND 404. */
    static void outcome(Message message, Outcome outcome) throws IOException {
        switch (outcome.status()) {
            case ACCEPTED -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("key", outcome.key());
                body.put("state", outcome.body() instanceof String state ? state : "QUEUED");
                json(message, 202, body);
            }
            case OK -> json(message, 200, outcome.body());
            case REFUSED -> errors(message, 400, outcome.errors());
            case UNAUTHENTICATED -> {
                errors(message, 401, outcome.errors());
                message.setHeader("WWW-Authenticate", "Bearer realm=\"lienthong\"");
            }
            case FORBIDDEN -> errors(message, 403, outcome.errors());
            case NOT_FOUND -> errors(message, 404, outcome.errors());
            default -> throw new IllegalStateException("no HTTP status for " + outcome.status());
        }
    }

    /** 429 with {@code Retry-After}: the client has too many requests in progress. */
    static void tooManyRequests(Message message, DmsError error, int retryAfterSeconds) throws IOException {
        errors(message, 429, List.of(error));
        message.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    /** Whether the answer being prepared refuses the request (any 4xx or 5xx). */
    static boolean isRefusal(Message message) {
        Integer status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return status != null && status >= 400;
    }

    /** Says {@code Connection: close} and closes the connection once the answer has been sent. */
    static void closeAfterAnswer(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (!response.headWritten()) {
            response.putHeader("Connection", "close");
        }
        response.bodyEndHandler(sent -> request.connection().close());
    }

    /** For failure paths: the errors if they can be written, else the one internal error. */
    static void errorsOrInternal(Message message, int status, List<DmsError> errors) {
        try {
            errors(message, status, errors);
        } catch (IOException | RuntimeException e) {
            internalError(message);
        }
    }

    /** 500 with one INTERNAL_ERROR; prepared once, so answering it cannot fail in turn. */
    static void internalError(Message message) {
        bytes(message, 500, JSON, INTERNAL_ERROR);
    }

    static void errors(Message message, int status, List<DmsError> errors) throws IOException {
        json(message, status, RestJson.errors(errors));
    }

    static void json(Message message, int status, Object body) throws IOException {
        bytes(message, status, JSON, RestJson.write(body));
    }

    static void bytes(Message message, int status, String contentType, byte[] body) {
        fresh(message, status, contentType);
        message.setBody(body);
    }

    /** Streams a file: platform-http pumps an InputStream body to the client chunk by chunk and closes it. */
    static void file(Message message, Path file, String contentType, String downloadName) throws IOException {
        InputStream in = Files.newInputStream(file);
        fresh(message, 200, contentType);
        message.setHeader("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
        message.setBody(in);
    }

    private static byte[] internalErrorBody() {
        try {
            return RestJson.write(RestJson.errors(List.of(RestErrors.internal())));
        } catch (IOException e) {
            throw new IllegalStateException("the internal error cannot be written as JSON", e);
        }
    }

    private static void fresh(Message message, int status, String contentType) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, contentType);
    }
}
