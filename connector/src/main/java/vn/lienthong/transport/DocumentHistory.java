package vn.lienthong.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.lienthong.tracking.DocumentFindings;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.RecordedFinding;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;

/**
 * Everything known of one document, for the person looking into it: its record, each recipient's statuses in causal
 * order, its transmission log entries (with the signature verdicts logged before it had its key), what validation
 * found, and the signature report kept beside it in the store.
 */
public final class DocumentHistory {

    /** One document's history; {@code signatureReport} is null when none is kept. */
    public record History(TrackedDocument document, List<RecipientStatus> timeline, List<LogEvent> events,
                          List<RecordedFinding> findings, String signatureReport) {
    }

    private final DocumentTracker tracker;
    private final TransmissionLog log;
    private final DocumentFindings findings;
    private final DocumentStore store;

    public DocumentHistory(DocumentTracker tracker, TransmissionLog log, DocumentFindings findings, DocumentStore store) {
        this.tracker = tracker;
        this.log = log;
        this.findings = findings;
        this.store = store;
    }

    /** Empty when no document has that key (or it is no key at all). */
    public Optional<History> of(String key) throws IOException {
        DocumentKey documentKey;
        try {
            documentKey = new DocumentKey(key);
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
        Optional<TrackedDocument> document = tracker.find(documentKey);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        List<LogEvent> events = new ArrayList<>(log.unkeyedEvents(Steps.SIGNATURES_CHECKED, document.get().envelopeSha256()));
        events.addAll(log.events(key));
        events.sort(Comparator.comparingLong(LogEvent::sequence));
        return Optional.of(new History(document.get(), tracker.timeline(documentKey), events, findings.of(documentKey),
                signatureReport(key)));
    }

    private String signatureReport(String key) throws IOException {
        Path envelope = store.pathOf(key);
        Path report = envelope.resolveSibling(envelope.getFileName() + ".signatures.txt");
        return Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : null;
    }
}
