package vn.lienthong.transport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.edxml.MessageHeader;
import vn.lienthong.tracking.Direction;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.validation.EnvelopeValidator;
import vn.lienthong.validation.Finding;
import vn.lienthong.validation.ValidationReport;

/**
 * Takes a document the DMS handed over (a file in the outbox): copies it into the store, validates it, and
 * either refuses it with every finding (into the error folder) or registers it under its key for the outbound
 * queue. A file picked up twice (a crash before the outbox file was removed) is recognised by its key.
 */
public final class OutboundIntake {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundIntake.class);

    private final EnvelopeValidator validator;
    private final DocumentStore store;
    private final DocumentTracker tracker;
    private final TransmissionLog log;
    private final RefusedFolder refused;
    private final Clock clock;

    public OutboundIntake(EnvelopeValidator validator, DocumentStore store, DocumentTracker tracker, TransmissionLog log,
                          RefusedFolder refused, Clock clock) {
        this.validator = validator;
        this.store = store;
        this.tracker = tracker;
        this.log = log;
        this.refused = refused;
        this.clock = clock;
    }

    public IntakeResult accept(File handedOver) throws IOException {
        DocumentStore.Imported imported = store.importCopy(handedOver.toPath());
        ValidationReport report = validator.validate(imported.file());
        if (!report.valid()) {
            Path parked = refused.refuse(handedOver.getName(), imported.file(), report);
            store.discard(imported.file());
            log.append(null, Steps.INTAKE_REFUSED, Steps.REFUSED, 1, imported.sha256(), summary(report));
            LOG.info("Refused {} from the outbox: {}; findings beside {}", handedOver.getName(), summary(report), parked);
            return new IntakeResult(IntakeResult.Decision.REFUSED, null);
        }
        MessageHeader header = report.header().orElseThrow();
        Envelopes envelope = Envelopes.of(header);
        DocumentKey key = envelope.key(imported.sha256());
        store.keep(imported.file(), key.value());
        TrackedDocument document = new TrackedDocument(key, Direction.OUTBOUND, envelope.messageType(), envelope.sender(),
                envelope.recipients(), envelope.documentId(), envelope.code(), imported.sha256(), null,
                DocumentState.RECEIVED, null, clock.instant(), clock.instant());
        if (!tracker.register(document) && !stillToQueue(key)) {
            log.append(key.value(), Steps.INTAKE_DUPLICATE, Steps.SKIPPED, 1, imported.sha256(), "already queued");
            return new IntakeResult(IntakeResult.Decision.DUPLICATE, key.value());
        }
        log.append(key.value(), Steps.INTAKE_ACCEPTED, Steps.OK, 1, imported.sha256(), warnings(report));
        return new IntakeResult("status".equals(envelope.messageType())
                ? IntakeResult.Decision.QUEUE_STATUS : IntakeResult.Decision.QUEUE_EDOC, key.value());
    }

    /** Called once the key is on its queue. */
    public void queued(String key) {
        if (tracker.advance(new DocumentKey(key), DocumentState.QUEUED, null)) {
            log.append(key, Steps.QUEUED, Steps.OK, 1, null, null);
        }
    }

    /** Registered before a crash but never queued: it must still go out (the queues dedupe a second copy). */
    private boolean stillToQueue(DocumentKey key) {
        Optional<TrackedDocument> existing = tracker.find(key);
        return existing.isPresent() && existing.get().state() == DocumentState.RECEIVED;
    }

    static String summary(ValidationReport report) {
        return report.errorCount() + " error(s): " + String.join(", ", report.findings().stream()
                .filter(Finding::isError).map(finding -> finding.code().name()).distinct().toList());
    }

    private static String warnings(ValidationReport report) {
        return report.warningCount() == 0 ? null : report.warningCount() + " warning(s): " + String.join(", ",
                report.findings().stream().map(finding -> finding.code().name()).distinct().toList());
    }
}
