package vn.lienthong.dms.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import vn.lienthong.dms.DmsError;
import vn.lienthong.tracking.RecordedFinding;

/**
 * The findings a received document travels with, written for its DMS in the one error shape every interface uses:
 * {@code {"findings": [{code, severity, vi, en, location}]}}.
 */
final class DeliveredFindings {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeliveredFindings() {
    }

    static String json(List<RecordedFinding> findings) {
        try {
            return JSON.writeValueAsString(Map.of("findings", findings.stream().map(DmsError::of).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings of plain strings and numbers always serialise", e);
        }
    }
}
