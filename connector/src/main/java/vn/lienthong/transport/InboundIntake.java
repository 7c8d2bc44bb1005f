package vn.lienthong.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.axis.AxisTimestamp;
import vn.lienthong.axis.HashFile;
import vn.lienthong.edxml.MessageHeader;
import vn.lienthong.edxml.StatusHeader;
import vn.lienthong.tracking.Direction;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.validation.EnvelopeValidator;
import vn.lienthong.validation.ValidationReport;

/**
 * Takes a package collected from the axis (document or status notice) off the inbound queue: validates it,
 * files it in the store under its key and registers it; a key seen before is a re-polled or redelivered copy
 * and stops here. A status notice also joins the timeline of the document it reports on.
 */
public final class InboundIntake {

    private static final Logger LOG = LoggerFactory.getLogger(InboundIntake.class);
    private static final DateTimeFormatter STATUS_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final EnvelopeValidator validator;
    private final DocumentStore store;
    private final DocumentTracker tracker;
    private final TransmissionLog log;
    private final RefusedFolder refused;
    private final SignatureGate signatures;
    private final Clock clock;

    public InboundIntake(EnvelopeValidator validator, DocumentStore store, DocumentTracker tracker, TransmissionLog log,
                         RefusedFolder refused, SignatureGate signatures, Clock clock) {
        this.validator = validator;
        this.store = store;
        this.tracker = tracker;
        this.log = log;
        this.refused = refused;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** Returns QUEUE_EDOC / QUEUE_STATUS with the key when the package goes on to the DMS. */
    public IntakeResult accept(String fetchedFile, String axisDocId) throws IOException {
        Path file = Path.of(fetchedFile);
        if (!Files.exists(file)) {
            // A redelivery after the file was already filed under its key: the first delivery finished the work.
            return alreadyFiled(axisDocId);
        }
        String sha256 = HashFile.paddedForm(HashFile.sha256(file));
        ValidationReport report = validator.validate(file);
        if (!report.valid()) {
            Path parked = refused.refuse("axis-" + axisDocId + ".edxml", file, report);
            store.discard(file);
            log.append(null, Steps.INBOUND_REFUSED, Steps.REFUSED, 1, sha256,
                    "axis DocId " + axisDocId + ": " + OutboundIntake.summary(report));
            LOG.warn("Refused package {} from the axis: {}; parked at {}", axisDocId, OutboundIntake.summary(report), parked);
            return new IntakeResult(IntakeResult.Decision.REFUSED, null);
        }
        if (!signatures.judge(file, "axis-" + axisDocId + ".edxml", sha256, "axis DocId " + axisDocId, true).letsThrough()) {
            store.discard(file);
            return new IntakeResult(IntakeResult.Decision.REFUSED, null);
        }
        MessageHeader header = report.header().orElseThrow();
        Envelopes envelope = Envelopes.of(header);
        DocumentKey key = envelope.key(sha256);
        TrackedDocument document = new TrackedDocument(key, Direction.INBOUND, envelope.messageType(), envelope.sender(),
                envelope.recipients(), envelope.documentId(), envelope.code(), sha256, axisDocId,
                DocumentState.RECEIVED, null, clock.instant(), clock.instant());
        // Registered before the fetched file is filed under its key: a redelivery that no longer finds the
        // fetched file then always finds the registration (see alreadyFiled).
        boolean isNew = tracker.register(document);
        if (!isNew && !stillToDeliver(tracker.find(key))) {
            store.discard(file);
            log.append(key.value(), Steps.INBOUND_DUPLICATE, Steps.SKIPPED, 1, sha256, "axis DocId " + axisDocId);
            return new IntakeResult(IntakeResult.Decision.DUPLICATE, key.value());
        }
        store.keep(file, key.value());
        if (isNew) {
            log.append(key.value(), Steps.INBOUND_ACCEPTED, Steps.OK, 1, sha256, "axis DocId " + axisDocId);
        }
        if (header instanceof StatusHeader status) {
            recordStatus(key, status);
            return new IntakeResult(IntakeResult.Decision.QUEUE_STATUS, key.value());
        }
        return new IntakeResult(IntakeResult.Decision.QUEUE_EDOC, key.value());
    }

    /** Called once the key is on the delivery queue. */
    public void queued(String key) {
        if (tracker.advance(new DocumentKey(key), DocumentState.QUEUED, null)) {
            log.append(key, Steps.QUEUED, Steps.OK, 1, null, "for delivery to the DMS");
        }
    }

    /**
     * Whether a package seen before must (again) go to the delivery queue. QUEUED does not prove it is there: the
     * state is written before the broker commits, so a crash in between leaves QUEUED without the message. Only a
     * delivered (or refused) package is finished; another copy on the delivery queue is harmless, delivery
     * recognises its key.
     */
    private static boolean stillToDeliver(Optional<TrackedDocument> known) {
        return known.isPresent()
                && (known.get().state() == DocumentState.RECEIVED || known.get().state() == DocumentState.QUEUED);
    }

    /** When the recipient acted, from the notice's own Timestamp (Vietnam time); when we received it otherwise. */
    private Instant actedAt(StatusHeader status) {
        try {
            return LocalDateTime.parse(status.timestamp().strip(), STATUS_TIMESTAMP)
                    .atZone(AxisTimestamp.VIETNAM).toInstant();
        } catch (RuntimeException unreadable) {
            return clock.instant();
        }
    }

    private IntakeResult alreadyFiled(String axisDocId) {
        Optional<TrackedDocument> known = tracker.findByAxisDocId(axisDocId);
        if (stillToDeliver(known)) {
            return new IntakeResult("status".equals(known.get().messageType())
                    ? IntakeResult.Decision.QUEUE_STATUS : IntakeResult.Decision.QUEUE_EDOC, known.get().key().value());
        }
        return new IntakeResult(IntakeResult.Decision.DUPLICATE, known.map(document -> document.key().value()).orElse(null));
    }

    /** A recipient's answer about a document we sent joins that document's per-recipient timeline. */
    private void recordStatus(DocumentKey statusKey, StatusHeader status) {
        String about = status.responseFor() == null ? null : status.responseFor().documentId();
        String ourAgency = status.responseFor() == null ? null : status.responseFor().organId();
        Optional<TrackedDocument> original = about == null ? Optional.empty()
                : tracker.findOutboundByDocumentId(ourAgency, about);
        if (original.isEmpty()) {
            log.append(statusKey.value(), Steps.STATUS_UNMATCHED, Steps.SKIPPED, 1, null,
                    "status " + status.statusCode() + " about an unknown document");
            return;
        }
        RecipientStatus entry = new RecipientStatus(status.from().organId(), status.statusCode().strip(),
                status.description(), actedAt(status));
        if (tracker.addRecipientStatus(original.get().key(), entry)) {
            log.append(original.get().key().value(), Steps.STATUS_RECORDED, Steps.OK, 1, null,
                    status.from().organId() + " reports " + status.statusCode().strip());
            LOG.info("{} reports status {} for {}", status.from().organId(), status.statusCode().strip(),
                    original.get().key().value());
        }
    }
}
