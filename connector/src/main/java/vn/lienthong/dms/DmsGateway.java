package vn.lienthong.dms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.lienthong.edxml.StatusCode;
import vn.lienthong.edxml.StatusHeader;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentFindings;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.PullInbox;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.transport.IntakeResult;
import vn.lienthong.transport.OutboundIntake;
import vn.lienthong.transport.Submitter;
import vn.lienthong.findings.Finding;

/**
 * What a DMS can do, the same whichever interface it comes through (REST, SOAP, folders, JMS): send a document
 * (as edXML, or as metadata and files), see a document's state and timeline, report a status for a document it
 * received, and read and acknowledge its inbox. Every operation first checks that the client acts for the agency
 * concerned, and answers with an {@link Outcome} carrying every error in the one shape of {@link DmsError}.
 */
public final class DmsGateway {

    /** More than any agency holds at once; a listing is never cut short in practice. */
    private static final int MAX_LISTED = 100_000;

    private final OutboundIntake intake;
    private final QueueSender queues;
    private final DocumentTracker tracker;
    private final PullInbox inbox;
    private final DocumentFindings findings;
    private final EnvelopeFactory envelopes = new EnvelopeFactory();
    private final Path workDirectory;
    private final int inboxPageSize;

    public DmsGateway(OutboundIntake intake, QueueSender queues, DocumentTracker tracker, PullInbox inbox,
                      DocumentFindings findings, Path workDirectory, int inboxPageSize) throws IOException {
        this.inboxPageSize = inboxPageSize;
        this.intake = intake;
        this.queues = queues;
        this.tracker = tracker;
        this.inbox = inbox;
        this.findings = findings;
        this.workDirectory = Files.createDirectories(workDirectory);
    }

    /**
     * An edXML envelope, streamed from the client straight into the store (one copy, cut at the size limit);
     * answered once the document is durably queued or refused.
     */
    public Outcome submitEnvelope(DmsClient client, InputStream envelope, String name, String channel) throws Exception {
        return answer(intake.accept(envelope, name, submitter(client, channel)));
    }

    /**
     * Refuses what a client handed over without reading it ({@code why}: it is no regular file, or is too large), in
     * the transmission log like every refusal.
     */
    public Outcome refuseUnread(DmsClient client, String name, Finding why, String channel) throws Exception {
        return answer(intake.refuseUnread(name, why, submitter(client, channel)));
    }

    /** A document as metadata and files: the connector builds the edXML, then treats it like any envelope. */
    public Outcome submitDocument(DmsClient client, DocumentRequest request, List<AttachedFile> files, String channel)
            throws Exception {
        String from = request.from() == null ? null : request.from().organId();
        if (from != null && !client.actsFor(from)) {
            return Outcome.failed(Outcome.Status.FORBIDDEN, DmsError.of(GatewayCode.NOT_BOUND_TO_AGENCY, client.id(), from));
        }
        List<DmsError> unwritable = RequestCharacters.of(request, files);
        if (!unwritable.isEmpty()) {
            return Outcome.refused(unwritable);
        }
        Path built = Files.createTempFile(workDirectory, "built-", ".edxml");
        try {
            envelopes.writeDocument(request, files, built);
            return submit(client, built, "document from " + channel, channel);
        } finally {
            Files.deleteIfExists(built);
        }
    }

    public Outcome document(DmsClient client, String key) {
        Optional<TrackedDocument> found = find(key);
        if (found.isEmpty()) {
            return Outcome.failed(Outcome.Status.NOT_FOUND, DmsError.of(GatewayCode.DOCUMENT_NOT_FOUND, key));
        }
        TrackedDocument document = found.get();
        if (!concerns(client, document)) {
            return Outcome.failed(Outcome.Status.FORBIDDEN, DmsError.of(GatewayCode.NOT_YOUR_DOCUMENT, key, client.id()));
        }
        return Outcome.ok(view(document));
    }

    private DocumentView view(TrackedDocument document) {
        List<DocumentView.TimelineEntry> timeline = tracker.timeline(document.key()).stream()
                .map(status -> new DocumentView.TimelineEntry(status.recipientOrganId(), status.statusCode(),
                        status.description(), status.at()))
                .toList();
        return new DocumentView(document.key().value(), document.direction().name(), document.messageType(),
                document.state().name(), document.stateReason(), document.senderOrganId(), document.recipients(),
                document.documentId(), document.code(), document.axisDocId(), document.created(), document.updated(),
                timeline, findings.of(document.key()).stream().map(DmsError::of).toList());
    }

    /**
     * Packages from the axis for the client's agencies that the connector holds (refused or quarantined), newest
     * first, each with its reasons: the agency learns what did not reach it, and its operator can release it.
     */
    public Outcome held(DmsClient client) {
        return Outcome.ok(tracker.held(client.organIds(), MAX_LISTED).stream().map(this::view).toList());
    }

    /** A status (01..16) for a document the client's agency received; sent to the document's sender via the axis. */
    public Outcome reportStatus(DmsClient client, String key, StatusReport report, String channel) throws Exception {
        Optional<TrackedDocument> found = find(key);
        if (found.isEmpty()) {
            return Outcome.failed(Outcome.Status.NOT_FOUND, DmsError.of(GatewayCode.DOCUMENT_NOT_FOUND, key));
        }
        TrackedDocument received = found.get();
        if (received.direction() != Direction.INBOUND || !"edoc".equals(received.messageType())) {
            return Outcome.failed(Outcome.Status.REFUSED, DmsError.of(GatewayCode.NOT_A_RECEIVED_DOCUMENT, key));
        }
        Optional<String> reportingAgency = received.recipients().stream().filter(client::actsFor).findFirst();
        if (reportingAgency.isEmpty()) {
            return Outcome.failed(Outcome.Status.FORBIDDEN, DmsError.of(GatewayCode.NOT_YOUR_DOCUMENT, key, client.id()));
        }
        List<DmsError> unwritable = RequestCharacters.of(report);
        if (!unwritable.isEmpty()) {
            return Outcome.refused(unwritable);
        }
        if (report.statusCode() == null || StatusCode.fromCode(report.statusCode().strip()).isEmpty()) {
            return Outcome.failed(Outcome.Status.REFUSED, DmsError.of(GatewayCode.STATUS_CODE_UNKNOWN, report.statusCode()));
        }
        Path built = Files.createTempFile(workDirectory, "status-", ".edxml");
        try {
            envelopes.writeStatus(received, reportingAgency.get(), report, built);
            return submit(client, built, "status " + report.statusCode() + " from " + channel, channel);
        } finally {
            Files.deleteIfExists(built);
        }
    }

    /**
     * The documents waiting for a client that pulls, oldest first, each as its view: at most the inbox page size of
     * them, so that a client that was away for long is answered in pages (it acknowledges what it took and asks again)
     * rather than in one answer that holds them all.
     */
    public Outcome inbox(DmsClient client) {
        List<DocumentView> waiting = new ArrayList<>();
        for (DocumentKey key : inbox.pending(client.id(), inboxPageSize)) {
            Outcome view = document(client, key.value());
            if (view.status() == Outcome.Status.OK) {
                waiting.add((DocumentView) view.body());
            }
        }
        return Outcome.ok(waiting);
    }

    public Outcome acknowledge(DmsClient client, String key) {
        Optional<TrackedDocument> found = find(key);
        if (found.isEmpty() || !inbox.acknowledge(client.id(), found.get().key())) {
            return Outcome.failed(Outcome.Status.NOT_FOUND, DmsError.of(GatewayCode.NOT_IN_INBOX, key, client.id()));
        }
        return Outcome.ok(null);
    }

    /** The envelope file of a document the client may see (for downloads); empty when it may not. */
    public Optional<TrackedDocument> readable(DmsClient client, String key) {
        return find(key).filter(document -> concerns(client, document));
    }

    private Outcome submit(DmsClient client, Path envelope, String name, String channel) throws Exception {
        return answer(intake.accept(envelope, name, submitter(client, channel)));
    }

    private Submitter submitter(DmsClient client, String channel) {
        return Submitter.client(client.id() + " (" + channel + ")", client.organIds(),
                status -> reportsOnReceivedDocument(client, status));
    }

    private Outcome answer(IntakeResult result) throws Exception {
        switch (result.decision()) {
            case QUEUE_EDOC, QUEUE_STATUS -> {
                queues.enqueue(result.key(), result.decision() == IntakeResult.Decision.QUEUE_STATUS);
                return Outcome.accepted(result.key());
            }
            case DUPLICATE -> {
                // The same envelope again: the same key, and the truth about where the first one is.
                return Outcome.accepted(result.key(), find(result.key()).map(known -> known.state().name()).orElse("QUEUED"));
            }
            case QUARANTINED -> {
                List<DmsError> errors = new ArrayList<>(List.of(DmsError.of(GatewayCode.QUARANTINED)));
                errors.addAll(signatureErrors(result));
                return Outcome.refused(errors);
            }
            default -> {
                List<DmsError> errors = new ArrayList<>();
                if (result.report() != null) {
                    result.report().findings().stream().filter(Finding::isError).map(DmsError::of).forEach(errors::add);
                }
                errors.addAll(signatureErrors(result));
                return Outcome.refused(errors);
            }
        }
    }

    private static List<DmsError> signatureErrors(IntakeResult result) {
        List<DmsError> errors = new ArrayList<>();
        if (result.signatures() != null) {
            for (SignatureCheck check : result.signatures().checks()) {
                for (Reason reason : check.reasons()) {
                    errors.add(DmsError.of(check, reason));
                }
            }
        }
        return errors;
    }

    private Optional<TrackedDocument> find(String key) {
        if (key == null || !key.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return tracker.find(new DocumentKey(key));
    }

    /** A status notice from a client must be about a document one of its agencies received. */
    private boolean reportsOnReceivedDocument(DmsClient client, StatusHeader status) {
        if (status.responseFor() == null) {
            return false;
        }
        return tracker.findInboundByDocumentId(status.responseFor().organId(), status.responseFor().documentId())
                .map(received -> received.recipients().stream().anyMatch(client::actsFor))
                .orElse(false);
    }

    /** Sent by one of the client's agencies, or sent to one of them. */
    private static boolean concerns(DmsClient client, TrackedDocument document) {
        return document.direction() == Direction.OUTBOUND
                ? client.actsFor(document.senderOrganId())
                : document.recipients().stream().anyMatch(client::actsFor);
    }
}
