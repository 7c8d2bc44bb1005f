package vn.lienthong.transport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.axis.AxisTimestamp;
import vn.lienthong.edxml.StatusHeader;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TransmissionLog;

/**
 * A recipient's answer about a document we sent joins that document's per-recipient timeline. A status code or a
 * reporter that cannot be tracked (a control character, longer than tracking keeps) is not recorded: received
 * liberally, the notice still reaches the DMS, but it must never fail the package that carries it.
 */
final class StatusTimeline {

    private static final Logger LOG = LoggerFactory.getLogger(StatusTimeline.class);
    private static final DateTimeFormatter STATUS_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final DocumentTracker tracker;
    private final TransmissionLog log;
    private final Clock clock;

    StatusTimeline(DocumentTracker tracker, TransmissionLog log, Clock clock) {
        this.tracker = tracker;
        this.log = log;
        this.clock = clock;
    }

    /** {@code sender}: who sent the notice as the package's record has it, when the notice's own From is unusable. */
    void record(DocumentKey statusKey, StatusHeader status, String sender) {
        String about = status.responseFor() == null ? null : status.responseFor().documentId();
        String ourAgency = status.responseFor() == null ? null : status.responseFor().organId();
        Optional<String> code = ReceivedEnvelope.trackableStatusCode(status.statusCode());
        if (code.isEmpty()) {
            log.append(statusKey.value(), Steps.STATUS_UNMATCHED, Steps.SKIPPED, 1, null, "a status code that cannot be tracked");
            return;
        }
        Optional<TrackedDocument> original = about == null || ourAgency == null ? Optional.empty()
                : tracker.findOutboundByDocumentId(ourAgency.strip(), about.strip());
        if (original.isEmpty()) {
            log.append(statusKey.value(), Steps.STATUS_UNMATCHED, Steps.SKIPPED, 1, null,
                    "status " + code.get() + " about an unknown document");
            return;
        }
        String reporter = ReceivedEnvelope.trackableOrganId(status.from() == null ? null : status.from().organId())
                .orElse(sender);
        RecipientStatus entry = new RecipientStatus(reporter, code.get(), status.description(), actedAt(status));
        if (tracker.addRecipientStatus(original.get().key(), entry)) {
            log.append(original.get().key().value(), Steps.STATUS_RECORDED, Steps.OK, 1, null,
                    reporter + " reports " + code.get());
            LOG.info("{} reports status {} for {}", reporter, code.get(), original.get().key().value());
        }
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
}
