package vn.lienthong.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.RecordedFinding;
import vn.lienthong.tracking.TrackedDocument;

/** The JSON files of an evidence bundle that say what happened to the document (see docs/auditing.md). */
final class EvidenceViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceViews() {
    }

    static Map<String, Object> validation(TrackedDocument document, List<RecordedFinding> findings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentKey", document.key().value());
        body.put("findings", findings.stream().map(RecordedFinding::view).toList());
        return body;
    }

    static Map<String, Object> signatures(TrackedDocument document, Path envelope, List<LogEvent> events)
        throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentKey", document.key().value());
        Path report = envelope.resolveSibling(envelope.getFileName() + ".signatures.json");
        body.put("report", Files.isRegularFile(report) ? JSON.readTree(report.toFile()) : null);
        body.put("verdicts", events.stream().filter(event -> event.step().equals("signatures-checked"))
                .map(event -> {
                    Map<String, Object> verdict = new LinkedHashMap<>();
                    verdict.put("sequence", event.sequence());
                    verdict.put("outcome", event.outcome());
                    verdict.put("detail", event.detail());
                    return verdict;
                }).toList());
        return body;
    }

    static Map<String, Object> timeline(TrackedDocument document, List<RecipientStatus> timeline) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("key", document.key().value());
        record.put("direction", document.direction().name());
        record.put("messageType", document.messageType());
        record.put("sender", document.senderOrganId());
        record.put("recipients", document.recipients());
        record.put("documentId", document.documentId());
        record.put("code", document.code());
        record.put("envelopeSha256", document.envelopeSha256());
        record.put("axisDocId", document.axisDocId());
        record.put("state", document.state().name());
        record.put("reason", document.stateReason());
        record.put("created", String.valueOf(document.created()));
        record.put("updated", String.valueOf(document.updated()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("document", record);
        body.put("statuses", timeline.stream().map(RecipientStatus::view).toList());
        return body;
    }
}
