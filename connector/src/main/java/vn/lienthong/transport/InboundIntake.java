package vn.lienthong.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.axis.HashFile;
import vn.lienthong.edxml.StatusHeader;
import vn.lienthong.findings.Direction;
import vn.lienthong.findings.Finding;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Location;
import vn.lienthong.findings.Problem;
import vn.lienthong.signature.SignaturePolicy;
import vn.lienthong.tracking.DocumentFindings;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.RecordedFinding;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.validation.EnvelopeValidator;
import vn.lienthong.validation.ValidatedEnvelope;
import vn.lienthong.validation.ValidationReport;
import vn.lienthong.ops.metrics.FlowMetrics;
import java.time.Duration;

/**
 * Takes a package collected from the axis (document or status notice) off the inbound queue: validates it
 * liberally, files it in the store under its key and registers it; a key seen before is a re-polled or redelivered
 * copy and stops here. A status notice also joins the timeline of the document it reports on.
 *
 * <p>Liberal in what we accept: a package is held only when it cannot be read, cannot be delivered (an attachment
 * that does not decode, a name unsafe to save, addressed only to agencies that are not ours) or the signature
 * policy says so. A held package is never dropped: it is tracked as REFUSED or QUARANTINED with its reasons, kept
 * in the store, and waits for an operator to release or discard it. Everything else goes on to the DMS with its
 * findings as warnings.
 */
public final class InboundIntake {

    private static final Logger LOG = LoggerFactory.getLogger(InboundIntake.class);
    private static final String TO_ORGAN_ID = "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To/OrganId";

    private final EnvelopeValidator validator;
    private final DocumentStore store;
    private final DocumentTracker tracker;
    private final DocumentFindings findings;
    private final TransmissionLog log;
    private final SignatureGate signatures;
    private final Set<String> ourAgencies;
    private final StatusTimeline timeline;
    private final Clock clock;
    private final FlowMetrics metrics;

    /**
     * @param ourAgencies the agencies this connector serves; empty when it does not know them, and then no package
     *                    is judged mis-delivered
     */
    public InboundIntake(EnvelopeValidator validator, DocumentStore store, DocumentTracker tracker,
                         DocumentFindings findings, TransmissionLog log, SignatureGate signatures, Set<String> ourAgencies,
                         Clock clock) {
        this(validator, store, tracker, findings, log, signatures, ourAgencies, clock, FlowMetrics.NONE);
    }

    /** As above, each intake counted and timed in {@code metrics}. */
    public InboundIntake(EnvelopeValidator validator, DocumentStore store, DocumentTracker tracker,
                         DocumentFindings findings, TransmissionLog log, SignatureGate signatures, Set<String> ourAgencies,
                         Clock clock, FlowMetrics metrics) {
        this.metrics = metrics;
        this.validator = validator;
        this.store = store;
        this.tracker = tracker;
        this.findings = findings;
        this.log = log;
        this.signatures = signatures;
        this.ourAgencies = Set.copyOf(ourAgencies);
        this.timeline = new StatusTimeline(tracker, log, clock);
        this.clock = clock;
    }

    /** As {@link #accept(String, String, String, String)} when the axis said nothing of sender or recipients. */
    public IntakeResult accept(String fetchedFile, String axisDocId) throws IOException {
        return accept(fetchedFile, axisDocId, null, null);
    }

    /**
     * Returns QUEUE_EDOC / QUEUE_STATUS with the key when the package goes on to the DMS.
     *
     * @param axisFrom what the axis's list said of the sender, used when the envelope does not say it
     * @param axisTo   what the axis's list said of the recipients, used when the envelope's To names none
     */
    public IntakeResult accept(String fetchedFile, String axisDocId, String axisFrom, String axisTo) throws IOException {
        long begun = System.nanoTime();
        String outcome = "failed";
        try {
            IntakeResult result = acceptOnce(fetchedFile, axisDocId, axisFrom, axisTo);
            outcome = result.decision().name().toLowerCase();
            return result;
        } finally {
            metrics.stage(Direction.INBOUND, "intake", outcome, Duration.ofNanos(System.nanoTime() - begun));
        }
    }

    private IntakeResult acceptOnce(String fetchedFile, String axisDocId, String axisFrom, String axisTo) throws IOException {
        Path file = Path.of(fetchedFile);
        if (!Files.exists(file)) {
            // A redelivery after the file was already filed under its key: the first delivery finished the work.
            return alreadyFiled(axisDocId);
        }
        String sha256 = HashFile.paddedForm(HashFile.sha256(file));
        Attempt attempt = new Attempt(sha256, ReceivedEnvelope.of(Optional.empty(), axisDocId, axisFrom, axisTo));
        try {
            return take(file, axisDocId, axisFrom, axisTo, attempt);
        } catch (RuntimeException | IOException failure) {
            return holdAfterFailure(file, axisDocId, attempt, failure);
        }
    }

    /** What is known of a package so far: if taking it fails, it is held under the best key known by then. */
    private static final class Attempt {
        private final String sha256;
        private ReceivedEnvelope received;
        /** A verdict that lets the package on, until the registration hop has logged it. */
        private SignatureGate.Judgement unloggedVerdict;

        Attempt(String sha256, ReceivedEnvelope unread) {
            this.sha256 = sha256;
            this.received = unread;
        }

        DocumentKey key() {
            return received.key(sha256);
        }
    }

    /**
     * Validation's one reading pass stays open until the signatures are judged, which verify the PDF attachments from
     * its spool files; it is closed (the spool files deleted) however taking ends.
     */
    private IntakeResult take(Path file, String axisDocId, String axisFrom, String axisTo, Attempt attempt)
            throws IOException {
        try (ValidatedEnvelope validated = validator.validateAndKeep(file, Direction.INBOUND)) {
            return take(file, validated, axisDocId, axisFrom, axisTo, attempt);
        }
    }

    private IntakeResult take(Path file, ValidatedEnvelope validated, String axisDocId, String axisFrom, String axisTo,
                              Attempt attempt) throws IOException {
        String sha256 = attempt.sha256;
        ValidationReport report = withRoutingCheck(validated.report());
        ReceivedEnvelope received = ReceivedEnvelope.of(report.header(), axisDocId, axisFrom, axisTo);
        DocumentKey key = received.key(sha256);
        attempt.received = received;
        // Signatures are judged whenever the envelope could be read, so that a held package carries every reason.
        SignatureGate.Judgement judgement = report.header().isEmpty() ? null
                : signatures.judge(file, validated.read(), "axis-" + axisDocId + ".edxml", null, sha256, "axis DocId " + axisDocId, false);
        boolean signaturesStopIt = judgement != null && !judgement.letsThrough();
        if (!report.valid() || signaturesStopIt) {
            if (judgement != null && !signaturesStopIt) {
                signatures.log(judgement); // the gate logs only the verdicts that stop a package
            }
            boolean quarantine = report.valid() && judgement.action() == SignaturePolicy.Action.QUARANTINE;
            List<String> reasons = new ArrayList<>();
            if (!report.valid()) {
                reasons.add(summary(report.findings()));
            }
            if (signaturesStopIt) {
                reasons.add("signatures: " + SignatureGate.summary(judgement.signatures()));
            }
            IntakeResult held = hold(file, received, key, sha256, axisDocId,
                    quarantine ? DocumentState.QUARANTINED : DocumentState.REFUSED, String.join("; ", reasons),
                    recorded(report.findings()), quarantine ? Steps.INBOUND_QUARANTINED : Steps.INBOUND_REFUSED);
            if (signaturesStopIt && held.decision() != IntakeResult.Decision.DUPLICATE) {
                SignatureGate.writeReports(judgement.signatures(), store.pathOf(held.key()));
            }
            return held;
        }
        TrackedDocument document = received.document(key, sha256, DocumentState.RECEIVED, null, clock.instant());
        // Registered before the fetched file is filed under its key: a redelivery that no longer finds the
        // fetched file then always finds the registration (see alreadyFiled). The signature verdict, the registration
        // and its log entry are one transaction (one hop), so a crash leaves all of them or none.
        String accepted = "axis DocId " + axisDocId + warnings(report.findings());
        attempt.unloggedVerdict = judgement; // logged by the registration hop, or alone if taking fails before it
        Registration registration = log.hop(hop -> {
            if (judgement != null) {
                judgement.logIn(hop);
            }
            if (hop.register(document)) {
                hop.append(key.value(), Steps.INBOUND_ACCEPTED, Steps.OK, 1, sha256, accepted);
                return Registration.NEW;
            }
            if (stillToDeliver(hop.find(key))) {
                return Registration.UNFINISHED;
            }
            hop.append(key.value(), Steps.INBOUND_DUPLICATE, Steps.SKIPPED, 1, sha256, "axis DocId " + axisDocId);
            return Registration.DUPLICATE;
        });
        attempt.unloggedVerdict = null;
        if (registration == Registration.DUPLICATE) {
            store.discard(file);
            return new IntakeResult(IntakeResult.Decision.DUPLICATE, key.value());
        }
        findings.record(key, recorded(report.findings()));
        store.keep(file, key.value());
        if (report.header().orElse(null) instanceof StatusHeader status) {
            timeline.record(key, status, received.sender());
            return new IntakeResult(IntakeResult.Decision.QUEUE_STATUS, key.value());
        }
        return new IntakeResult(IntakeResult.Decision.QUEUE_EDOC, key.value());
    }

    /**
     * Taking the package failed in a way nobody foresaw. Redelivering it would fail the same way for as long as the
     * broker retries (hours), so it is held instead, as REFUSED with INTAKE_FAILED, for an operator to release or
     * discard; the cause is in the log. Only when even holding it fails (the database is down) is the failure
     * thrown, and the broker tries again later.
     */
    private IntakeResult holdAfterFailure(Path file, String axisDocId, Attempt attempt, Exception failure)
            throws IOException {
        LOG.error("Taking package {} from the axis failed unexpectedly; it is held for an operator", axisDocId, failure);
        String reason = "intake failed (" + failure.getClass().getSimpleName() + ")";
        List<RecordedFinding> why = recorded(validator.render(
                List.of(Problem.of(FindingCode.INTAKE_FAILED, Location.UNKNOWN)), Direction.INBOUND));
        try {
            if (attempt.unloggedVerdict != null) {
                signatures.log(attempt.unloggedVerdict);
                attempt.unloggedVerdict = null;
            }
            DocumentKey key = attempt.key();
            if (tracker.find(key).isEmpty()) {
                if (!Files.exists(file)) {
                    return rethrown(failure); // filed under a key already: a redelivery finds it there
                }
                return hold(file, attempt.received, key, attempt.sha256, axisDocId, DocumentState.REFUSED, reason, why,
                        Steps.INBOUND_REFUSED);
            }
            // Registered before it failed: the record is ended as held, and the file kept under its key.
            tracker.advance(key, DocumentState.REFUSED, reason);
            findings.record(key, why);
            if (Files.exists(file)) {
                store.keep(file, key.value());
            }
            log.append(key.value(), Steps.INBOUND_REFUSED, Steps.REFUSED, 1, attempt.sha256, "axis DocId " + axisDocId
                    + ": " + reason);
            return new IntakeResult(IntakeResult.Decision.REFUSED, key.value());
        } catch (RuntimeException | IOException again) {
            if (again != failure) {
                failure.addSuppressed(again);
            }
            return rethrown(failure);
        }
    }

    private static IntakeResult rethrown(Exception failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        throw (RuntimeException) failure;
    }

    /** Called once the key is on the delivery queue; nothing if the delivery took it first and recorded the step. */
    public void queued(String key) {
        QueuedStep.inbound(log, new DocumentKey(key));
    }

    /**
     * Keeps a package that does not go on: tracked in {@code state} with its reasons, filed in the store under its
     * key so that an operator can release it. A copy seen before (re-polled, redelivered) changes nothing.
     */
    private IntakeResult hold(Path file, ReceivedEnvelope received, DocumentKey key, String sha256, String axisDocId,
                              DocumentState state, String reason, List<RecordedFinding> reasons, String step)
            throws IOException {
        boolean isNew = tracker.register(received.document(key, sha256, state, reason, clock.instant()));
        if (!isNew) {
            store.discard(file);
            log.append(key.value(), Steps.INBOUND_DUPLICATE, Steps.SKIPPED, 1, sha256, "axis DocId " + axisDocId);
            return new IntakeResult(IntakeResult.Decision.DUPLICATE, key.value());
        }
        findings.record(key, reasons);
        store.keep(file, key.value());
        log.append(key.value(), step, Steps.REFUSED, 1, sha256, "axis DocId " + axisDocId + ": " + reason);
        LOG.warn("Held package {} from the axis as {} ({}); release or discard it with: inbound show {}", axisDocId,
                state, reason, key.value());
        return new IntakeResult(state == DocumentState.QUARANTINED ? IntakeResult.Decision.QUARANTINED
                : IntakeResult.Decision.REFUSED, key.value());
    }

    /**
     * A package whose To names only agencies by well-formed identifiers, none of them ours, was mis-delivered. An
     * empty or {@code null} To is not that: the axis brought it to us, so it is ours.
     */
    private ValidationReport withRoutingCheck(ValidationReport report) {
        if (ourAgencies.isEmpty() || report.header().isEmpty()) {
            return report;
        }
        List<String> named = ReceivedEnvelope.namedRecipients(report.header().get());
        if (named.isEmpty() || named.stream().anyMatch(ourAgencies::contains)) {
            return report;
        }
        List<Finding> all = new ArrayList<>(report.findings());
        all.addAll(validator.render(List.of(Problem.of(FindingCode.RECIPIENT_NOT_OURS,
                Location.UNKNOWN.withPath(TO_ORGAN_ID), String.join(", ", named),
                String.join(", ", ourAgencies.stream().sorted().toList()))), Direction.INBOUND));
        return report.withFindings(all);
    }

    /** A package's registration: new, seen before but still to deliver, or a duplicate of one finished. */
    private enum Registration { NEW, UNFINISHED, DUPLICATE }

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

    private IntakeResult alreadyFiled(String axisDocId) {
        Optional<TrackedDocument> known = tracker.findByAxisDocId(ReceivedEnvelope.trackedAxisDocId(axisDocId));
        if (stillToDeliver(known)) {
            return new IntakeResult("status".equals(known.get().messageType())
                    ? IntakeResult.Decision.QUEUE_STATUS : IntakeResult.Decision.QUEUE_EDOC, known.get().key().value());
        }
        return new IntakeResult(IntakeResult.Decision.DUPLICATE, known.map(document -> document.key().value()).orElse(null));
    }

    static List<RecordedFinding> recorded(List<Finding> findings) {
        return findings.stream().map(finding -> new RecordedFinding(finding.code().name(), finding.severity().name(),
                finding.location().line(), finding.location().column(), finding.location().path(),
                finding.vietnamese(), finding.english())).toList();
    }

    /** The codes of the errors, for the log: never a value from the envelope. */
    private static String summary(List<Finding> findings) {
        return "invalid: " + String.join(", ", findings.stream().filter(Finding::isError)
                .map(finding -> finding.code().name()).distinct().toList());
    }

    private static String warnings(List<Finding> findings) {
        List<String> codes = findings.stream().map(finding -> finding.code().name())
                .distinct().toList();
        return codes.isEmpty() ? "" : "; warnings: " + String.join(", ", codes);
    }
}
