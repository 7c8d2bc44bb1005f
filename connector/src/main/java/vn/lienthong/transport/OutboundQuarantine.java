package vn.lienthong.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.findings.Direction;
import vn.lienthong.findings.Finding;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;
import vn.lienthong.validation.ValidationReport;

/**
 * Documents the signature policy quarantined on the way out, parked as {@code <data>/quarantine/outbound/KEY.edxml}
 * with their signature reports, and what an operator does with them: release one (the quarantine overridden, it is
 * filed, registered and queued for the axis like any accepted document) or discard it with a reason (registered as
 * DISCARDED, so the documents list says so). Either way the parked files move to {@code released/} or
 * {@code discarded/} beside it; nothing is deleted, and every action is in the transmission log with who did it.
 */
public final class OutboundQuarantine {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundQuarantine.class);
    private static final String SUFFIX = ".edxml";
    private static final List<String> REPORTS = List.of(".signatures.txt", ".signatures.json");

    /** Puts a document's key on the outbound (or status-out) queue, durably, and records that it is queued. */
    @FunctionalInterface
    public interface SendQueue {
        void enqueue(String key, boolean status) throws Exception;
    }

    /** A parked document: its key, when it was parked, and the signature verdict that held it. */
    public record Held(String key, Instant parkedAt, String reason) {
    }

    /** A parked document in full: its signature report and the log entries of its signature checks. */
    public record Details(Held held, String signatureReport, List<LogEvent> events) {
    }

    /** What an operator's action did; {@code queuedKey} is the key the released document travels under. */
    public record Outcome(Result result, String queuedKey, List<Finding> findings) {
        static Outcome of(Result result) {
            return new Outcome(result, null, List.of());
        }
    }

    public enum Result {
        DONE,
        NOT_FOUND,
        /** It no longer passes validation or the signature policy now refuses it: nothing was released. */
        REFUSED
    }

    private final Path folder;
    private final OutboundIntake intake;
    private final DocumentTracker tracker;
    private final TransmissionLog log;
    private final SendQueue queue;
    private final Clock clock;

    public OutboundQuarantine(Path folder, OutboundIntake intake, DocumentTracker tracker, TransmissionLog log,
                              SendQueue queue, Clock clock) {
        this.folder = folder;
        this.intake = intake;
        this.tracker = tracker;
        this.log = log;
        this.queue = queue;
        this.clock = clock;
    }

    /** Every parked document, newest first. */
    public List<Held> held() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Held> held = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(OutboundQuarantine::isParkedEnvelope).toList()) {
                held.add(describe(file));
            }
        }
        held.sort(Comparator.comparing(Held::parkedAt).reversed());
        return held;
    }

    public Optional<Details> details(String key) throws IOException {
        Optional<Path> parked = parked(key);
        if (parked.isEmpty()) {
            return Optional.empty();
        }
        Path report = parked.get().resolveSibling(parked.get().getFileName() + ".signatures.txt");
        String signatures = Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : null;
        return Optional.of(new Details(describe(parked.get()), signatures,
                log.unkeyedEvents(Steps.SIGNATURES_CHECKED, sha256(parked.get()))));
    }

    /** Overrides the quarantine: the document goes to the axis queue. */
    public synchronized Outcome release(String key, String operator) throws Exception {
        Optional<Path> parked = parked(key);
        if (parked.isEmpty()) {
            return Outcome.of(Result.NOT_FOUND);
        }
        IntakeResult admitted = intake.releaseQuarantined(parked.get(), operator);
        if (admitted.decision() == IntakeResult.Decision.REFUSED) {
            return new Outcome(Result.REFUSED, null, admitted.report() == null ? List.of() : admitted.report().findings());
        }
        if (admitted.decision() != IntakeResult.Decision.DUPLICATE) {
            queue.enqueue(admitted.key(), admitted.decision() == IntakeResult.Decision.QUEUE_STATUS);
        }
        setAside(parked.get(), "released");
        LOG.info("Quarantined outbound document {} released by {}; queued as {}", key, operator, admitted.key());
        return new Outcome(Result.DONE, admitted.key(), List.of());
    }

    /** Ends the document with the operator's reason; it is registered DISCARDED and its files set aside. */
    public synchronized Outcome discard(String key, String operator, String reason) throws IOException {
        Optional<Path> parked = parked(key);
        if (parked.isEmpty()) {
            return Outcome.of(Result.NOT_FOUND);
        }
        String why = "discarded from quarantine by " + operator + ": " + reason;
        String sha256 = sha256(parked.get());
        ValidationReport report = intake.read(parked.get());
        if (report.header().isPresent()) {
            Envelopes envelope = Envelopes.of(report.header().get());
            Instant now = clock.instant();
            tracker.register(new TrackedDocument(new DocumentKey(key), Direction.OUTBOUND, envelope.messageType(),
                    envelope.sender(), envelope.recipients(), envelope.documentId(), envelope.code(), sha256, null,
                    DocumentState.DISCARDED, why, now, now));
        }
        log.append(key, Steps.QUARANTINE_DISCARDED, Steps.OK, 1, sha256, why);
        setAside(parked.get(), "discarded");
        LOG.info("Quarantined outbound document {} discarded by {}", key, operator);
        return Outcome.of(Result.DONE);
    }

    /** The parked file of {@code key}; a key that is no document key (a path, say) finds nothing. */
    private Optional<Path> parked(String key) {
        try {
            new DocumentKey(key);
        } catch (IllegalArgumentException notAKey) {
            return Optional.empty();
        }
        Path file = folder.resolve(key + SUFFIX);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static boolean isParkedEnvelope(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(SUFFIX) || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            new DocumentKey(name.substring(0, name.length() - SUFFIX.length()));
            return true;
        } catch (IllegalArgumentException notAKey) {
            return false;
        }
    }

    private Held describe(Path file) throws IOException {
        String name = file.getFileName().toString();
        List<LogEvent> checks = log.unkeyedEvents(Steps.SIGNATURES_CHECKED, sha256(file));
        String reason = checks.isEmpty() ? "quarantined by the signature policy" : checks.get(checks.size() - 1).detail();
        return new Held(name.substring(0, name.length() - SUFFIX.length()),
                Files.getLastModifiedTime(file).toInstant(), reason);
    }

    /** Moves the parked document and its reports into {@code sub}, where they stay. */
    private void setAside(Path parked, String sub) throws IOException {
        Path target = FilePermissions.ownerOnlyFolder(folder.resolve(sub));
        for (String suffix : REPORTS) {
            Path report = parked.resolveSibling(parked.getFileName() + suffix);
            if (Files.exists(report)) {
                Files.move(report, target.resolve(report.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(parked, target.resolve(parked.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /** As the intake computed it when it parked the document: the SHA-256 of its bytes, in hex. */
    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
