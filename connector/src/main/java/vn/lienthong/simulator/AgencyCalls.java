package vn.lienthong.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The agency directory: list it, and let a system register or remove the agencies it receives for. */
final class AgencyCalls {

    /** An agency record is a few hundred bytes; more than this is not an agency. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final Registry registry;

    AgencyCalls(Registry registry) {
        this.registry = registry;
    }

    /** getAgenciesList and getAgenciesListQD20: the same directory here. */
    Answer list(Caller caller, HttpExchange exchange) {
        ObjectNode fields = Answer.members();
        ArrayNode data = fields.putArray("data");
        for (Agency agency : registry.agencies()) {
            data.add(toJson(agency));
        }
        return Answer.ok(fields);
    }

    /** registerAgency: the body is the agency ({@code code} required); it is mapped to the calling system. */
    Answer register(Caller caller, HttpExchange exchange) throws IOException {
        JsonNode body;
        try {
            // Not closed here: the answer drains whatever is left of the body before it is sent.
            InputStream in = exchange.getRequestBody();
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                return Answer.fail(400, "the agency JSON is larger than " + MAX_BODY_BYTES + " bytes");
            }
            body = Answer.JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return Answer.fail(400, "the body is not JSON");
        }
        if (body == null || !body.isObject()) {
            return Answer.fail(400, "the body must be a JSON object describing the agency");
        }
        Optional<String> code = text(body, "code").or(() -> text(body, "code102"));
        if (code.isEmpty()) {
            return Answer.fail(400, "the agency has no code (its OrganId)");
        }
        Registry.Change change = registry.register(caller.systemId(), body.path("pid").asLong(0), code.get(),
                text(body, "code102").orElse(code.get()), text(body, "name").orElse(code.get()),
                text(body, "mail").orElse(""));
        if (!change.isDone()) {
            return Answer.fail(change.httpStatus(), change.refusal());
        }
        ObjectNode fields = Answer.members();
        fields.put("id", change.agency().id());
        return Answer.ok(fields);
    }

    /** deleteAgency: the AgencyCode header names the agency; only the system it is registered to may remove it. */
    Answer delete(Caller caller, HttpExchange exchange) {
        Optional<String> code = caller.header("AgencyCode");
        if (code.isEmpty()) {
            return Answer.fail(400, "AgencyCode is not among the signed headers");
        }
        Registry.Change change = registry.delete(caller.systemId(), code.get());
        return change.isDone() ? Answer.ok() : Answer.fail(change.httpStatus(), change.refusal());
    }

    private static ObjectNode toJson(Agency agency) {
        ObjectNode item = Answer.JSON.createObjectNode();
        item.put("id", agency.id());
        item.put("pid", agency.pid());
        item.put("code", agency.code());
        item.put("code102", agency.code102());
        item.put("name", agency.name());
        item.put("mail", agency.mail());
        return item;
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.asText().strip());
    }
}
