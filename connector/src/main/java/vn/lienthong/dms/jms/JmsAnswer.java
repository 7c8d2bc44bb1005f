package vn.lienthong.dms.jms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import vn.lienthong.dms.DmsError;
import vn.lienthong.dms.Outcome;

/**
 * The answer a JMS client reads from its {@code .results} queue for each envelope it sent, as a JSON text message
 * whose JMSCorrelationID is {@code correlationId}: the correlation id the client set on its message, or else the
 * JMSMessageID the broker gave it.
 * <pre>
 * {"correlationId": "…", "status": "ACCEPTED" | "REFUSED", "key": "…64 hex…" | null,
 *  "errors": [{"code": "…", "severity": "ERROR", "vi": "…", "en": "…",
 *              "location": {"line": 12, "column": 5, "path": "/edXML/…"}}]}
 * </pre>
 */
public record JmsAnswer(String correlationId, String status, String key, List<DmsError> errors) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static JmsAnswer of(String correlationId, Outcome outcome) {
        return new JmsAnswer(correlationId, outcome.status().name(), outcome.key(), outcome.errors());
    }

    public String json() throws JsonProcessingException {
        return JSON.writeValueAsString(this);
    }
}
