package vn.lienthong.axis;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads a call's own fields of an answer as the parser passes them, so that a large {@code data} field is consumed
 * as a stream. Field names match ignoring case: the spec spells them inconsistently ({@code DocId},
 * {@code docId}), and missing the one field we need would turn an accepted send into a retried duplicate.
 */
@FunctionalInterface
interface AnswerFields {

    /**
     * Called with the parser on the value of field {@code name}. Returns false, without touching the parser, when
     * the field is not one of this call's.
     */
    boolean read(String name, JsonParser parser) throws IOException;

    /** No fields of its own: the answer is only a status. */
    AnswerFields NONE = (name, parser) -> false;

    /** A scalar field, as text ({@code "12"} and {@code 12} alike). */
    static AnswerFields text(String field, Consumer<String> into) {
        return (name, parser) -> {
            if (!name.equalsIgnoreCase(field)) {
                return false;
            }
            if (parser.currentToken().isScalarValue() && parser.currentToken() != JsonToken.VALUE_NULL) {
                into.accept(parser.getValueAsString());
            } else {
                parser.skipChildren();
            }
            return true;
        };
    }

    /** An array field, one element at a time; a {@code null} array is an empty one. */
    static <T> AnswerFields eachOf(String field, Class<T> type, Consumer<T> each) {
        return (name, parser) -> {
            if (!name.equalsIgnoreCase(field)) {
                return false;
            }
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return true;
            }
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw new JsonParseException(parser, "field " + field + " is not an array");
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                T element = parser.readValueAs(type);
                if (element != null) {
                    each.accept(element);
                }
            }
            return true;
        };
    }

    /**
     * A base64 string field, decoded straight into {@code out}: the decoder works through the text a buffer at a
     * time, so a 300 MB package passes through a few KB of heap. {@code written} learns the byte count. Jackson's
     * decoder also skips whitespace and line ends between groups of four characters, which a real axis may put
     * around its base64 or between MIME lines of it; a strict decoder would refuse such a package.
     */
    static AnswerFields base64(String field, OutputStream out, LongConsumer written) {
        return (name, parser) -> {
            if (!name.equalsIgnoreCase(field)) {
                return false;
            }
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new JsonParseException(parser, "field " + field + " is not a base64 string");
            }
            written.accept(parser.readBinaryValue(out));
            return true;
        };
    }
}
