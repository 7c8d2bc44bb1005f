package vn.lienthong.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One answer to a call, in the conventions agreed with the axis client: OK is HTTP 200 with
 * {@code {"status":"OK","ErrorCode":"0","ErrorDesc":"", ...}}; a failure carries the same number as HTTP status
 * and ErrorCode ({@code {"status":"FAIL","ErrorCode":"400","ErrorDesc":"<reason>"}}). The three status keys are
 * written here, never by a call, and {@link #send} completes the call's own keys from its {@link AnswerKeys}, so
 * no branch of any call can leave out a key the SDK reads. Large answers are streamed.
 */
final class Answer {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final int BUFFER = 64 * 1024;

    /** Writes the text of a streamed JSON string value; it must need no escaping (base64 does not). */
    @FunctionalInterface
    interface BodyWriter {
        void writeTo(OutputStream body) throws IOException;
    }

    private final int httpStatus;
    private final String errorDesc;
    private final ObjectNode members;
    private final String streamedKey;
    private final BodyWriter streamedValue;
    private final String docId;
    private final String logNote;

    private Answer(int httpStatus, String errorDesc, ObjectNode members, String streamedKey, BodyWriter streamedValue,
                   String docId, String logNote) {
        this.httpStatus = httpStatus;
        this.errorDesc = errorDesc;
        this.members = members;
        this.streamedKey = streamedKey;
        this.streamedValue = streamedValue;
        this.docId = docId;
        this.logNote = logNote;
    }

    /** An empty set of a call's own members, to fill and pass to {@link #ok(ObjectNode)}. */
    static ObjectNode members() {
        return JSON.createObjectNode();
    }

    static Answer ok() {
        return ok(members());
    }

    static Answer ok(ObjectNode callMembers) {
        return new Answer(200, "", callMembers, null, null, null, null);
    }

    static Answer fail(int httpStatus, String reason) {
        return new Answer(httpStatus, reason, members(), null, null, null, null);
    }

    /** An OK answer whose string member {@code key} is too large to hold in memory, written as it is sent. */
    static Answer streamed(String key, BodyWriter value) {
        return new Answer(200, "", members(), key, value, null, null);
    }

    /** The same answer, noting which package it is about (for the log line). */
    Answer about(String aboutDocId) {
        return new Answer(httpStatus, errorDesc, members, streamedKey, streamedValue, aboutDocId, logNote);
    }

    /** The same answer with a word for the log line; only text free of header values and document content. */
    Answer noted(String note) {
        return new Answer(httpStatus, errorDesc, members, streamedKey, streamedValue, docId, note);
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

    /** Sends the answer with every key of {@code keys}, whichever branch of the call produced it. */
    void send(HttpExchange exchange, AnswerKeys keys) throws IOException {
        drainRequestBody(exchange);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        byte[] json = bytes(fields(keys));
        if (streamedValue == null) {
            exchange.sendResponseHeaders(httpStatus, json.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(json);
            }
            return;
        }
        exchange.sendResponseHeaders(httpStatus, 0);
        try (OutputStream body = new BufferedOutputStream(exchange.getResponseBody(), BUFFER)) {
            // The object so far, reopened for the streamed member: {"status":…,"data":" then the value, then "}.
            body.write(Arrays.copyOf(json, json.length - 1));
            body.write((",\"" + streamedKey + "\":\"").getBytes(StandardCharsets.UTF_8));
            streamedValue.writeTo(body);
            body.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private ObjectNode fields(AnswerKeys keys) {
        boolean ok = httpStatus / 100 == 2;
        ObjectNode fields = JSON.createObjectNode();
        fields.put("status", ok ? "OK" : "FAIL");
        fields.put("ErrorCode", ok ? "0" : String.valueOf(httpStatus));
        fields.put("ErrorDesc", errorDesc);
        fields.setAll(members);
        keys.complete(fields, streamedKey);
        return fields;
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
