package vn.lienthong.axis;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an answer of the axis in one streaming pass: the shared status fields in whatever place they come, the
 * call's own fields through {@link AnswerFields}, everything else skipped without being held.
 */
final class AxisAnswerReader {

    /** The answers carry more fields than we model ({@code "..."} in the spec); new ones must not break us. */
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private AxisAnswerReader() {
    }

    /**
     * Reads the whole answer; the call's fields are handed over as they pass, before the status is known.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the answer is not a JSON object
     * @throws IOException                                         when the connection fails while reading
     */
    static AxisAnswer read(InputStream body, AnswerFields fields) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(parser, "the answer is not a JSON object");
            }
            String status = null;
            String errorCode = null;
            String errorDesc = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equalsIgnoreCase("status")) {
                    status = scalarText(parser);
                } else if (name.equalsIgnoreCase("ErrorCode")) {
                    errorCode = scalarText(parser);
                } else if (name.equalsIgnoreCase("ErrorDesc")) {
                    errorDesc = scalarText(parser);
                } else if (!fields.read(name, parser)) {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new JsonParseException(parser, "the answer ends before its JSON object closes");
            }
            return new AxisAnswer(status, errorCode, errorDesc);
        }
    }

    /** The status fields of an error answer, if it has any; an unreadable one is no worse than none. */
    static AxisAnswer readErrorQuietly(InputStream body) {
        try {
            byte[] head = body.readNBytes(64 * 1024);
            return read(new ByteArrayInputStream(head), AnswerFields.NONE);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static String scalarText(JsonParser parser) throws IOException {
        if (parser.currentToken().isScalarValue()) {
            return parser.getValueAsString();
        }
        parser.skipChildren();
        return null;
    }
}
