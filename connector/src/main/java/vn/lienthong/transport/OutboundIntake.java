package vn.lienthong.transport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.edxml.MessageHeader;
import vn.lienthong.edxml.StatusHeader;
import vn.lienthong.signature.SignaturePolicy;
import vn.lienthong.signature.xml.EnvelopeSigner;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.validation.EnvelopeValidator;
import vn.lienthong.findings.Finding;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Location;
import vn.lienthong.findings.Problem;
import vn.lienthong.validation.ValidatedEnvelope;
import vn.lienthong.validation.ValidationReport;
import vn.lienthong.ops.metrics.FlowMetrics;
import java.time.Duration;

/**
 * Takes a document the DMS handed over (a file in the outbox): copies it into the store, validates it, and
 * either refuses it with every finding (into the error folder) or registers it under its key for the outbound
 * queue. A file picked up twice (a crash before the outbox file was removed) is recognised by its key.
 * <p>
 * What is handed over is never copied beyond the envelope size limit: an outbox entry larger than that, or that is
 * no regular file (a symbolic link, a FIFO), is refused before a byte of it is read, and a stream that goes on past
 * the limit is cut there.
 */
public final class OutboundIntake {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundIntake.class);

    private final EnvelopeValidator validator;
    private final DocumentStore store;
    private final DocumentTracker tracker;
    private final TransmissionLog log;
    private final RefusedFolder refused;
    private final SignatureGate signatures;
    private final OutboundSigning signing;
    private final long maxEnvelopeBytes;
    private final Clock clock;
    private final FlowMetrics metrics;

    /**
     * {@code signer} is null when the agency does not sign outgoing envelopes; {@code maxEnvelopeBytes} is the
     * envelope size limit (lienthong.limits.max-envelope-bytes), applied before anything is copied.
     */
    public OutboundIntake(EnvelopeValidator validator, DocumentStore store, DocumentTracker tracker, TransmissionLog log,
                          RefusedFolder refused, SignatureGate signatures, EnvelopeSigner signer, long maxEnvelopeBytes,
                          Clock clock) {
        this(validator, store, tracker, log, refused, signatures, signer, maxEnvelopeBytes, clock, FlowMetrics.NONE);
    }

    /** As above, each intake counted and timed in {@code metrics}. */
    public OutboundIntake(EnvelopeValidator validator, DocumentStore store, DocumentTracker tracker, TransmissionLog log,
                          RefusedFolder refused, SignatureGate signatures, EnvelopeSigner signer, long maxEnvelopeBytes,
                          Clock clock, FlowMetrics metrics) {
        this.metrics = metrics;
        this.maxEnvelopeBytes = maxEnvelopeBytes;
        this.validator = validator;
        this.store = store;
        this.tracker = tracker;
        this.log = log;
        this.refused = refused;
        this.signatures = signatures;
        this.signing = new OutboundSigning(signer, store);
        this.clock = clock;
    }

    /**
     * A file the DMS dropped into the configured outbox, read through the folder, is only filed here: durably in the
     * store, as an intake item for {@link #acceptFiled} to check from the intake queue (on as many consumers as are
     * configured), so the one thread that watches the outbox never waits for validation. An entry that is no regular
     * file, or is over the size limit, is refused unread and moved beside its findings in the error folder. If filing
     * it fails in a way nobody foresaw, it is parked in the error folder with INTAKE_FAILED, once, rather than left to
     * fail again at every poll; only if parking it fails too is the failure thrown, and the file stays for the next
     * poll.
     */
    public OutboxFiling fileFromOutbox(File handedOver) throws IOException {
        String name = handedOver.getName();
        try (DmsFolder outbox = DmsFolder.open(handedOver.toPath().toAbsolutePath().getParent())) {
            Optional<BasicFileAttributes> entry = outbox.attributes(name);
            if (entry.isEmpty()) {
                return OutboxFiling.NOTHING; // taken back by the DMS meanwhile
            }
            Optional<Finding> unread = FolderEntry.refusal(name, entry.get(), maxEnvelopeBytes);
            if (unread.isPresent()) {
                refusedUnread(name, outbox, unread.get(), Submitter.OUTBOX);
                return OutboxFiling.NOTHING;
            }
            long begun = System.nanoTime();
            try (InputStream envelope = outbox.read(name)) {
                return OutboxFiling.filed(store.fileIntake(envelope, name, maxEnvelopeBytes).id(), name);
            } catch (DocumentStore.TooLarge tooLarge) {
                metrics.stage(Direction.OUTBOUND, "intake", "refused", Duration.ofNanos(System.nanoTime() - begun));
                refusedUnread(name, null, FolderEntry.tooLarge(maxEnvelopeBytes), Submitter.OUTBOX);
                return OutboxFiling.NOTHING;
            } catch (RuntimeException | IOException failure) {
                metrics.stage(Direction.OUTBOUND, "intake", "failed", Duration.ofNanos(System.nanoTime() - begun));
                intakeFailed(name, outbox, failure);
                return OutboxFiling.NOTHING;
            }
        }
    }

    /**
     * Checks an outbox file filed by {@link #fileFromOutbox} (the intake item {@code id}, handed over as {@code name})
     * as it was checked when taken: validated, its signatures judged, signed when wanted, and refused into the error
     * folder with every finding or registered under its key for the caller to queue. The item itself is left as it
     * is, for the caller to discard once the outcome is durable: until then a redelivery checks it again, and
     * registration by key recognises what was registered already. If checking fails in a way nobody foresaw, the
     * document is parked in the error folder with INTAKE_FAILED, once; only if parking it fails too is the failure
     * thrown, for the broker to redeliver.
     */
    public IntakeResult acceptFiled(String id, String name) throws IOException {
        Path filed = store.intakeFile(id);
        long begun = System.nanoTime();
        String outcome = "failed";
        try {
            Path linked = store.temporaryLinkTo(filed);
            DocumentStore.Imported imported = new DocumentStore.Imported(linked, DocumentStore.intakeSha256(id),
                    Files.size(linked));
            IntakeResult result = taken(imported, name, Submitter.OUTBOX);
            outcome = result.decision().name().toLowerCase();
            return result;
        } catch (RuntimeException | IOException failure) {
            return intakeFailed(name, null, filed, failure);
        } finally {
            metrics.stage(Direction.OUTBOUND, "intake", outcome, Duration.ofNanos(System.nanoTime() - begun));
        }
    }

    /** Parks, once, an outbox file whose intake failed in a way nobody foresaw. */
    private IntakeResult intakeFailed(String name, DmsFolder outbox, Exception failure) throws IOException {
        return intakeFailed(name, outbox, null, failure);
    }

    /**
     * Parks, once, an outbox file whose intake failed in a way nobody foresaw: the entry {@code name} of
     * {@code outbox} is moved to the error folder, or, when {@code filed} is given, a copy of that filed item is put
     * there under {@code name}.
     */
    private IntakeResult intakeFailed(String name, DmsFolder outbox, Path filed, Exception failure) throws IOException {
        LOG.error("Taking {} from the outbox failed unexpectedly; it goes to the error folder", name, failure);
        ValidationReport failed = new ValidationReport(Direction.OUTBOUND, Optional.empty(), validator.render(
                List.of(Problem.of(FindingCode.INTAKE_FAILED, Location.UNKNOWN)), Direction.OUTBOUND));
        try {
            if (filed == null) {
                refused.refuseUnread(name, outbox, failed);
            } else {
                refused.refuse(name, filed, failed);
            }
        } catch (RuntimeException | IOException again) {
            failure.addSuppressed(again);
            if (failure instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) failure;
        }
        String why = "outbox " + name + ": intake failed (" + failure.getClass().getSimpleName() + ")";
        if (filed == null) {
            log.append(null, Steps.INTAKE_REFUSED, Steps.REFUSED, 1, null, why);
        } else {
            try {
                log.append(null, Steps.INTAKE_REFUSED, Steps.REFUSED, 1, null, why);
            } catch (RuntimeException unlogged) {
                // Parked already, as the outbox file is once moved: checking it again would park it again.
                LOG.error("Parked {} with INTAKE_FAILED, but the transmission log could not record it", name, unlogged);
            }
        }
        return new IntakeResult(IntakeResult.Decision.REFUSED, null, failed, null);
    }

    /**
     * A document handed over by {@code submitter}, under the name it is known by in logs and parking places. Whatever
     * happens, no temporary copy is left in the store: a document that fails is taken again from its source, and one
     * already filed under its key is recognised there, so a retry reuses the stored copy instead of adding one.
     */
    public IntakeResult accept(Path source, String name, Submitter submitter) throws IOException {
        try (InputStream envelope = Files.newInputStream(source)) {
            return accept(envelope, name, submitter);
        }
    }

    /**
     * A document streamed by {@code submitter}: copied into the store once, and no further than the size limit.
     * Whatever happens, no temporary copy is left in the store.
     */
    public IntakeResult accept(InputStream source, String name, Submitter submitter) throws IOException {
        long begun = System.nanoTime();
        String outcome = "failed";
        try {
            IntakeResult result = take(source, name, submitter);
            outcome = result.decision().name().toLowerCase();
            return result;
        } finally {
            metrics.stage(Direction.OUTBOUND, "intake", outcome, Duration.ofNanos(System.nanoTime() - begun));
        }
    }

    private IntakeResult take(InputStream source, String name, Submitter submitter) throws IOException {
        DocumentStore.Imported imported;
        try {
            imported = store.importStream(source, maxEnvelopeBytes);
        } catch (DocumentStore.TooLarge tooLarge) {
            return refusedUnread(name, null, FolderEntry.tooLarge(maxEnvelopeBytes), submitter);
        }
        return taken(imported, name, submitter);
    }

    /** Decides on a document copied into the store under a temporary name, which is gone whatever happens. */
    private IntakeResult taken(DocumentStore.Imported imported, String name, Submitter submitter) throws IOException {
        List<Path> temporaries = new ArrayList<>(List.of(imported.file()));
        try {
            return decide(imported, name, submitter, temporaries);
        } finally {
            for (Path temporary : temporaries) {
                store.discard(temporary); // filed under its key by now, or never to be used
            }
        }
    }

    /**
     * Validation's one reading pass stays open until the signatures are judged, which verify the PDF attachments from
     * its spool files; it is closed (the spool files deleted) however deciding ends.
     */
    private IntakeResult decide(DocumentStore.Imported imported, String name, Submitter submitter, List<Path> temporaries)
            throws IOException {
        try (ValidatedEnvelope validated = validator.validateAndKeep(imported.file(), Direction.OUTBOUND)) {
            return decide(imported, validated, name, submitter, temporaries);
        }
    }

    private IntakeResult decide(DocumentStore.Imported imported, ValidatedEnvelope validated, String name,
                                Submitter submitter, List<Path> temporaries) throws IOException {
        ValidationReport report = withSenderCheck(validated.report(), submitter);
        if (!report.valid()) {
            String where = submitter.parkRefused() ? "; findings beside " + refused.refuse(name, imported.file(), report) : "";
            store.discard(imported.file());
            log.append(null, Steps.INTAKE_REFUSED, Steps.REFUSED, 1, imported.sha256(),
                    submitter.description() + " " + name + ": " + summary(report));
            LOG.info("Refused {} from the {}: {}{}", name, submitter.description(), summary(report), where);
            return new IntakeResult(IntakeResult.Decision.REFUSED, null, report, null);
        }
        String heldAs = Envelopes.of(report.header().orElseThrow()).key(imported.sha256()).value();
        SignatureGate.Judgement judgement = signatures.judge(imported.file(), validated.read(), name, heldAs, imported.sha256(),
                submitter.description() + " " + name, submitter.parkRefused());
        if (!judgement.letsThrough()) {
            store.discard(imported.file());
            return new IntakeResult(judgement.action() == SignaturePolicy.Action.QUARANTINE
                    ? IntakeResult.Decision.QUARANTINED : IntakeResult.Decision.REFUSED, null, report, judgement.signatures());
        }
        return admit(imported, judgement, report, name, temporaries, Steps.INTAKE_ACCEPTED, warnings(report), null);
    }

    /**
     * Files a document that may go out under its key (signed first when wanted), registers it RECEIVED with
     * {@code reason}, and logs {@code step}: the caller queues it. A key already queued is a duplicate. The signature
     * verdict, the signing and the registration are one hop (one commit); if taking it fails before that hop, the
     * verdict is logged on its own, so that no verdict is lost.
     */
    private IntakeResult admit(DocumentStore.Imported imported, SignatureGate.Judgement judgement, ValidationReport report,
                               String name, List<Path> temporaries, String step, String detail, String reason)
            throws IOException {
        boolean verdictLogged = false;
        try {
            OutboundSigning.Outgoing outgoing = signing.ifWanted(imported, judgement, temporaries);
            String sha256 = outgoing.file().sha256();
            MessageHeader header = report.header().orElseThrow();
            Envelopes envelope = Envelopes.of(header);
            DocumentKey key = envelope.key(sha256);
            store.keep(outgoing.file().file(), key.value());
            TrackedDocument document = new TrackedDocument(key, Direction.OUTBOUND, envelope.messageType(),
                    envelope.sender(), envelope.recipients(), envelope.documentId(), envelope.code(), sha256, null,
                    DocumentState.RECEIVED, reason, clock.instant(), clock.instant());
            // Registered and logged in one transaction (one hop): a crash leaves all of it or none.
            boolean duplicate = log.hop(hop -> {
                judgement.logIn(hop);
                if (outgoing.signed()) {
                    hop.append(null, Steps.SIGNED, Steps.OK, 1, sha256, "outbox " + name + " signed with the agency key");
                }
                if (!hop.register(document) && !stillToQueue(hop.find(key))) {
                    hop.append(key.value(), Steps.INTAKE_DUPLICATE, Steps.SKIPPED, 1, sha256, "already queued");
                    return true;
                }
                hop.append(key.value(), step, Steps.OK, 1, sha256, detail);
                return false;
            });
            verdictLogged = true;
            if (duplicate) {
                return new IntakeResult(IntakeResult.Decision.DUPLICATE, key.value(), report, judgement.signatures());
            }
            return new IntakeResult("status".equals(envelope.messageType())
                    ? IntakeResult.Decision.QUEUE_STATUS : IntakeResult.Decision.QUEUE_EDOC, key.value(), report,
                    judgement.signatures());
        } finally {
            if (!verdictLogged) {
                logAlone(judgement, name);
            }
        }
    }

    /** The verdict of a document whose taking failed: logged if the log still takes entries; the failure goes on. */
    private void logAlone(SignatureGate.Judgement judgement, String name) {
        try {
            signatures.log(judgement);
        } catch (RuntimeException unlogged) {
            LOG.error("The signature verdict on {} could not be logged either", name, unlogged);
        }
    }

    /**
     * An operator overrides the signature policy's quarantine of a document parked at {@code parked}: it is
     * validated again (and refused if it no longer passes, or if the policy now refuses its signatures), then filed
     * and registered like any accepted document, for the caller to queue. The parked copy is left where it is.
     */
    public IntakeResult releaseQuarantined(Path parked, String operator) throws IOException {
        DocumentStore.Imported imported;
        try (InputStream in = Files.newInputStream(parked)) {
            imported = store.importStream(in, maxEnvelopeBytes);
        } catch (DocumentStore.TooLarge tooLarge) {
            return new IntakeResult(IntakeResult.Decision.REFUSED, null,
                    new ValidationReport(Direction.OUTBOUND, Optional.empty(), List.of(FolderEntry.tooLarge(maxEnvelopeBytes))),
                    null);
        }
        List<Path> temporaries = new ArrayList<>(List.of(imported.file()));
        try (ValidatedEnvelope validated = validator.validateAndKeep(imported.file(), Direction.OUTBOUND)) {
            ValidationReport report = validated.report();
            if (!report.valid()) {
                return new IntakeResult(IntakeResult.Decision.REFUSED, null, report, null);
            }
            String name = parked.getFileName().toString();
            SignatureGate.Judgement judgement = signatures.check(imported.file(), validated.read(), imported.sha256(),
                    "quarantine " + name + " released by " + operator);
            if (judgement.action() == SignaturePolicy.Action.REFUSE) {
                signatures.log(judgement);
                return new IntakeResult(IntakeResult.Decision.REFUSED, null, report, judgement.signatures());
            }
            String why = "released from quarantine by " + operator + "; held as " + name + " (" + judgement.action() + ")";
            return admit(imported, judgement, report, name, temporaries, Steps.QUARANTINE_RELEASED, why, why);
        } finally {
            for (Path temporary : temporaries) {
                store.discard(temporary);
            }
        }
    }

    /** What a parked document is, read as validation reads it (its header, when it can be read). */
    public ValidationReport read(Path parked) throws IOException {
        return validator.validate(parked, Direction.OUTBOUND);
    }

    /** Refuses, with the one finding that says why, what {@code submitter} handed over and was not read. */
    public IntakeResult refuseUnread(String name, Finding why, Submitter submitter) throws IOException {
        return refusedUnread(name, null, why, submitter);
    }

    /**
     * Refuses what was not read in full (an entry that is no regular file, or more than the size limit), with the one
     * finding that says why; {@code from} is the folder it is in, when the entry itself is to be parked.
     */
    private IntakeResult refusedUnread(String name, DmsFolder from, Finding finding, Submitter submitter) throws IOException {
        ValidationReport report = new ValidationReport(Direction.OUTBOUND, Optional.empty(), List.of(finding));
        String where = submitter.parkRefused() ? "; findings at " + refused.refuseUnread(name, from, report) : "";
        log.append(null, Steps.INTAKE_REFUSED, Steps.REFUSED, 1, null,
                submitter.description() + " " + name + ": " + summary(report) + " (not read)");
        LOG.info("Refused {} from the {} without reading it: {}{}", name, submitter.description(), summary(report), where);
        return new IntakeResult(IntakeResult.Decision.REFUSED, null, report, null);
    }

    /**
     * A client may only send as the agencies it is bound to (a valid envelope from another agency is refused with a
     * finding pointing at From/OrganId), name only them as having handled it (TraceHeader), and report status only on
     * documents those agencies received.
     */
    private ValidationReport withSenderCheck(ValidationReport report, Submitter submitter) {
        if (report.header().isEmpty() || report.header().get().from() == null) {
            return report;
        }
        String sender = report.header().get().from().organId();
        List<Problem> problems = new ArrayList<>();
        if (sender != null && !submitter.maySendAs(sender)) {
            problems.add(Problem.of(FindingCode.SENDER_NOT_BOUND,
                    Location.UNKNOWN.withPath("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/From/OrganId"),
                    submitter.description(), sender));
        } else if (report.header().get() instanceof StatusHeader status && !submitter.statusAllowed().test(status)) {
            problems.add(Problem.of(FindingCode.STATUS_NOT_FOR_RECEIVED_DOCUMENT,
                    Location.UNKNOWN.withPath("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/ResponseFor/DocumentId"),
                    submitter.description(), status.responseFor() == null ? "" : status.responseFor().documentId()));
        }
        List<String> traced = report.tracedAgencies();
        for (int i = 0; i < traced.size(); i++) {
            // The sender's own hop is judged once, at From (SENDER_NOT_BOUND).
            boolean isSender = sender != null && traced.get(i).equals(sender.strip());
            if (!traced.get(i).isEmpty() && !isSender && !submitter.maySendAs(traced.get(i))) {
                problems.add(Problem.of(FindingCode.TRACE_NOT_BOUND, Location.UNKNOWN.withPath(
                        "/edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/TraceHeader[" + (i + 1) + "]/OrganId"),
                        submitter.description(), traced.get(i)));
            }
        }
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.addAll(validator.render(problems, Direction.OUTBOUND));
        return findings.size() == report.findings().size() ? report : report.withFindings(findings);
    }

    /** Called once the key is on its queue; nothing if the sender took it first and recorded the step (QueuedStep). */
    public void queued(String key) {
        QueuedStep.outbound(log, metrics, new DocumentKey(key));
    }

    /** Registered before a crash but never queued: it must still go out (the queues dedupe a second copy). */
    private static boolean stillToQueue(Optional<TrackedDocument> existing) {
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
