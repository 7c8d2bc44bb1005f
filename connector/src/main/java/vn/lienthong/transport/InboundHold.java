package vn.lienthong.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentFindings;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.RecordedFinding;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;

/**
 * What an operator does with inbound packages the connector holds (refused or quarantined): list them, look at one
 * with every reason, release it (deliver it anyway) or discard it with a reason. Every action is in the
 * transmission log with who did it. Nothing is deleted: a discarded package stays in the store, ended.
 */
public final class InboundHold {

    private static final Logger LOG = LoggerFactory.getLogger(InboundHold.class);
    /** More than a connector ever holds at once; a listing is never cut short in practice. */
    private static final int MAX_LISTED = 100_000;

    /** Puts a received package's key on the delivery queue, durably, and records that it is queued. */
    @FunctionalInterface
    public interface DeliveryQueue {
        void enqueue(String key) throws Exception;
    }

    /** A held package in full: its record, what validation found, the signature report if any, its log entries. */
    public record Details(TrackedDocument document, List<RecordedFinding> findings, String signatureReport,
                          List<LogEvent> events) {
    }

    /** What an operator's action did. */
    public enum Result {
        /** Done now. */
        DONE,
        /** The package is no longer held (released or discarded before): nothing changed. */
        NOT_HELD,
        /** No inbound package has that key. */
        NOT_FOUND
    }

    private final DocumentTracker tracker;
    private final DocumentFindings findings;
    private final TransmissionLog log;
    private final DocumentStore store;
    private final DeliveryQueue queue;

    public InboundHold(DocumentTracker tracker, DocumentFindings findings, TransmissionLog log, DocumentStore store,
                       DeliveryQueue queue) {
        this.tracker = tracker;
        this.findings = findings;
        this.log = log;
        this.store = store;
        this.queue = queue;
    }

    /** Every held inbound package, newest first. */
    public List<TrackedDocument> held() {
        return tracker.held(List.of(), MAX_LISTED);
    }

    public Optional<Details> details(String key) throws IOException {
        Optional<TrackedDocument> document = inbound(key);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        DocumentKey documentKey = document.get().key();
        Path report = signatureReport(documentKey.value());
        String signatures = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : null;
        return Optional.of(new Details(document.get(), findings.of(documentKey), signatures, log.events(key)));
    }

    /**
     * Delivers a held package anyway. A package an earlier release moved out of the hold but could not queue (the
     * connector stopped in between) is queued now; delivery recognises a package it has already delivered.
     */
    public Result release(String key, String operator) throws Exception {
        Optional<TrackedDocument> document = inbound(key);
        if (document.isEmpty()) {
            return Result.NOT_FOUND;
        }
        DocumentKey documentKey = document.get().key();
        DocumentState was = document.get().state();
        if (tracker.release(documentKey, "released by " + operator + " (was " + was + ")")) {
            log.append(key, Steps.INBOUND_RELEASED, Steps.OK, 1, document.get().envelopeSha256(),
                    "released by " + operator + "; was " + was);
            LOG.info("Held package {} released by {} (was {})", key, operator, was);
        } else if (was != DocumentState.RECEIVED) {
            return Result.NOT_HELD;
        }
        queue.enqueue(key);
        return Result.DONE;
    }

    /** Ends a held package, with the operator's reason; the package stays in the store. */
    public Result discard(String key, String operator, String reason) {
        Optional<TrackedDocument> document = inbound(key);
        if (document.isEmpty()) {
            return Result.NOT_FOUND;
        }
        String why = "discarded by " + operator + ": " + reason;
        if (!tracker.discard(document.get().key(), why)) {
            return Result.NOT_HELD;
        }
        log.append(key, Steps.INBOUND_DISCARDED, Steps.OK, 1, document.get().envelopeSha256(), why);
        LOG.info("Held package {} discarded by {}", key, operator);
        return Result.DONE;
    }

    private Optional<TrackedDocument> inbound(String key) {
        DocumentKey documentKey;
        try {
            documentKey = new DocumentKey(key);
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
        return tracker.find(documentKey).filter(document -> document.direction() == Direction.INBOUND);
    }

    private Path signatureReport(String key) {
        Path envelope = store.pathOf(key);
        return envelope.resolveSibling(envelope.getFileName() + ".signatures.txt");
    }
}
