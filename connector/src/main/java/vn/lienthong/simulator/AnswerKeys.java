package vn.lienthong.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The keys of a call's answer that the official SDK's model reads, beyond {@code status}, {@code ErrorCode} and
 * {@code ErrorDesc} (which every answer has). The SDK throws a NullPointerException on any missing one, even
 * in a refusal, so each route names its keys once and every answer of that route is completed with them:
 * a refused sendEdoc still says {@code "DocId":""}.
 */
enum AnswerKeys {

    /** updateStatus, registerAgency, deleteAgency, and paths that are no call at all. */
    STATUS_ONLY(Map.of()),
    /** sendEdoc. */
    DOC_ID(Map.of("DocId", JsonNodeFactory.instance.textNode(""))),
    /** getReceivedEdocList, getSentEdocList and the agency lists. */
    DATA_LIST(Map.of("data", JsonNodeFactory.instance.arrayNode())),
    /** getEdoc: the package as base64. */
    DATA_TEXT(Map.of("data", JsonNodeFactory.instance.textNode(""))),
    /** countReceiveEdoc and countReceiveStatus. */
    COUNT(Map.of("count", JsonNodeFactory.instance.numberNode(0)));

    /** Each key with the neutral value a refusal carries. */
    private final Map<String, JsonNode> neutralValues;

    AnswerKeys(Map<String, JsonNode> neutralValues) {
        this.neutralValues = neutralValues;
    }

    /** Adds each key {@code fields} lacks, with its neutral value, except {@code writtenLater} (may be null). */
    void complete(ObjectNode fields, String writtenLater) {
        neutralValues.forEach((key, neutral) -> {
            if (!fields.has(key) && !key.equals(writtenLater)) {
                fields.set(key, neutral.deepCopy());
            }
        });
    }
}
