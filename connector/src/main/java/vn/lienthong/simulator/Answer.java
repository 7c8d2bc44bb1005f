package vn.lienthong.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One answer to a call, in the conventions agreed with the axis client: OK is HTTP 200 with
 * {@code {"status":"OK","ErrorCode":"0","ErrorDesc":"", ...}}; a failure carries the same number as HTTP status
 * and ErrorCode ({@code {"status":"FAIL","ErrorCode":"400","ErrorDesc":"<reason>"}}). Large answers are streamed.
 */
final class Answer {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /** Writes a streamed answer's body; the stream is the response body, closed by the caller. */
    @FunctionalInterface
    interface BodyWriter {
        void writeTo(OutputStream body) throws IOException;
    }

    private final int httpStatus;
    private final byte[] json;
    private final BodyWriter streamed;
    private final String docId;
    private final String logNote;

    private Answer(int httpStatus, byte[] json, BodyWriter streamed, String docId, String logNote) {
        this.httpStatus = httpStatus;
        this.json = json;
        this.streamed = streamed;
        this.docId = docId;
        this.logNote = logNote;
    }

    /** The fields every OK answer starts with; a call adds its own. */
    static ObjectNode okFields() {
        ObjectNode fields = JSON.createObjectNode();
        fields.put("status", "OK");
        fields.put("ErrorCode", "0");
        fields.put("ErrorDesc", "");
        return fields;
    }

    static Answer ok() {
        return ok(okFields());
    }

    static Answer ok(ObjectNode fields) {
        return new Answer(200, bytes(fields), null, null, null);
    }

    static Answer fail(int httpStatus, String reason) {
        ObjectNode fields = JSON.createObjectNode();
        fields.put("status", "FAIL");
        fields.put("ErrorCode", String.valueOf(httpStatus));
        fields.put("ErrorDesc", reason);
        return new Answer(httpStatus, bytes(fields), null, null, null);
    }

    /** An OK answer too large to hold in memory, written by {@code writer} as it is sent. */
    static Answer streamed(BodyWriter writer) {
        return new Answer(200, null, writer, null, null);
    }

    /** The same answer, noting which package it is about (for the log line). */
    Answer about(String aboutDocId) {
        return new Answer(httpStatus, json, streamed, aboutDocId, logNote);
    }

    /** The same answer with a word for the log line; only text free of header values and document content. */
    Answer noted(String note) {
        return new Answer(httpStatus, json, streamed, docId, note);
    }

    /** The outcome as the log line shows it: the HTTP status, and the note if there is one. */
    String outcome() {
        return logNote == null ? String.valueOf(httpStatus) : httpStatus + " " + logNote;
    }

    int httpStatus() {
        return httpStatus;
    }

    String docId() {
        return docId;
    }

    void send(HttpExchange exchange) throws IOException {
        drainRequestBody(exchange);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        if (streamed == null) {
            exchange.sendResponseHeaders(httpStatus, json.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(json);
            }
        } else {
            exchange.sendResponseHeaders(httpStatus, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                streamed.writeTo(body);
            }
        }
    }

    /**
     * Reads what the client is still sending before answering. Answering a refused upload early makes the
     * server drop the connection, and the client then sees a reset instead of the reason.
     */
    private static void drainRequestBody(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
        }
    }

    private static byte[] bytes(ObjectNode fields) {
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
