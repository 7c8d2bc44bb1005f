package vn.lienthong.dms.rest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.lienthong.dms.DmsError;

/**
 * JSON in and out of the REST interface. Instants are written as ISO-8601 text (2026-11-25T02:00:00Z) without
 * pulling in another Jackson module. Errors are written field by field, so their shape is the documented one
 * whatever the Java names are. A body that does not parse becomes a {@link BadRequest} saying where and why.
 */
final class RestJson {

    /** JSON bodies (metadata, status reports) are small; anything larger is a mistake or an attack. */
    static final long BODY_LIMIT = 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("instants-as-text").addSerializer(Instant.class, ToStringSerializer.instance))
            .build();

    private RestJson() {
    }

    static byte[] write(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(value);
    }

    /** {@code {"errors": [...]}} in the one error shape. */
    static Map<String, Object> errors(List<DmsError> errors) {
        return Map.of("errors", errors);
    }

    /** Reads {@code type} from {@code json}; {@code what} names the body or part in the error (e.g. "metadata"). */
    static <T> T read(InputStream json, Class<T> type, String what) throws BadRequest, IOException {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new BadRequest(400, RestErrors.invalid(what + " rỗng (null).", what + " is empty (null).",
                        new DmsError.Where(null, null, what)));
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new BadRequest(400, RestErrors.invalid(
                    what + " có trường \"" + e.getPropertyName() + "\" không có trong mô tả (xem /api/v1/openapi.yaml).",
                    what + " has the field \"" + e.getPropertyName() + "\", which is not in the contract (see /api/v1/openapi.yaml).",
                    where(e, what)));
        } catch (JsonMappingException e) {
            String field = fieldPath(e);
            throw new BadRequest(400, field.isEmpty()
                    ? RestErrors.invalid(what + " không phải là một đối tượng JSON đúng mô tả.",
                            what + " is not a JSON object of the described shape.", where(e, what))
                    : RestErrors.invalid(what + ": giá trị của trường \"" + field + "\" không đúng kiểu.",
                            what + ": the value of the field \"" + field + "\" has the wrong type.", where(e, what)));
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, RestErrors.invalid(what + " không phải là JSON hợp lệ.", what + " is not valid JSON.",
                    where(e, what)));
        }
    }

    /** A JSON request body, read whole (it is small: at most {@link #BODY_LIMIT} bytes) once the client is known. */
    static <T> T readBody(HttpServerRequest request, Class<T> type, RestLimits limits) throws BadRequest, IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            RequestBody.copy(request, json, BODY_LIMIT, limits);
        } catch (RequestBody.BodyTooLargeException e) {
            throw new BadRequest(413, tooLarge("body"));
        }
        return read(new ByteArrayInputStream(json.toByteArray()), type, "body");
    }

    static DmsError tooLarge(String what) {
        return RestErrors.invalid(what + " lớn hơn " + BODY_LIMIT + " byte.", what + " is larger than " + BODY_LIMIT + " bytes.",
                new DmsError.Where(null, null, what));
    }

    /** Line and column in the client's own JSON; the message itself (which may quote the input) is not used. */
    private static DmsError.Where where(JsonProcessingException e, String what) {
        JsonLocation at = e.getLocation();
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
        String path = field.isEmpty() ? what : what + "." + field;
        return at == null || at.getLineNr() < 1 ? new DmsError.Where(null, null, path)
                : new DmsError.Where(at.getLineNr(), at.getColumnNr(), path);
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
