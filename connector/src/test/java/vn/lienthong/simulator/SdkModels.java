package vn.lienthong.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Reads an answer the way the official SDK's models do (spec/axis-protocol.md): each model reads its keys and
 * throws NullPointerException when one is missing, in a refusal as much as in an OK. Written from the spec, apart
 * from the simulator's own list of keys, so that a key the simulator forgets fails here.
 */
enum SdkModels {

    SEND_EDOC(Map.of("DocId", JsonNodeType.STRING)),
    RECEIVED_LIST(Map.of("data", JsonNodeType.ARRAY)),
    GET_EDOC(Map.of("data", JsonNodeType.STRING)),
    UPDATE_STATUS(Map.of()),
    SENT_LIST(Map.of("data", JsonNodeType.ARRAY)),
    COUNT(Map.of("count", JsonNodeType.NUMBER)),
    AGENCIES(Map.of("data", JsonNodeType.ARRAY)),
    REGISTER_AGENCY(Map.of()),
    DELETE_AGENCY(Map.of());

    /** The keys every model reads. */
    private static final Map<String, JsonNodeType> STATUS_KEYS = Map.of(
            "status", JsonNodeType.STRING, "ErrorCode", JsonNodeType.STRING, "ErrorDesc", JsonNodeType.STRING);

    private final Map<String, JsonNodeType> ownKeys;

    SdkModels(Map<String, JsonNodeType> ownKeys) {
        this.ownKeys = ownKeys;
    }

    /** Parses the answer as this model does; fails the test where the SDK would throw. Returns the parsed answer. */
    JsonNode read(SdkWire.RawAnswer answer) {
        JsonNode json;
        try {
            json = SdkLikeClient.JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + answer.text(), e);
        }
        assertThat(json.isObject()).as("a JSON object: %s", answer.text()).isTrue();
        assertKeys(json, STATUS_KEYS, answer);
        assertKeys(json, ownKeys, answer);
        return json;
    }

    private void assertKeys(JsonNode json, Map<String, JsonNodeType> keys, SdkWire.RawAnswer answer) {
        keys.forEach((key, type) -> {
            JsonNode value = json.get(key);
            assertThat(value).as("%s's model reads %s from %s", this, key, answer.text()).isNotNull();
            assertThat(value.getNodeType()).as("%s's model reads %s as %s from %s", this, key, type, answer.text())
                    .isEqualTo(type);
        });
    }
}
