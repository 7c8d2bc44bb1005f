package vn.lienthong.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sql.DataSource;
import vn.lienthong.findings.Direction;

/**
 * The tracking record and per-recipient status timeline of every document. Every write is safe to replay:
 * registering a known key, moving a state backwards, or adding a known status changes nothing and says so.
 * An unknown document key in an update is a fault (a step ran before intake registered the document) and
 * raises {@link TrackingException}.
 */
public final class DocumentTracker {

    private static final int REASON_LENGTH = TrackingWrites.REASON_LENGTH;

    private final DataSource dataSource;
    private final Clock clock;
    private final RecipientStatuses statuses;

    public DocumentTracker(TrackingDatabase database, Clock clock) {
        this.dataSource = database.dataSource();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.statuses = new RecipientStatuses(dataSource, clock);
    }

    /** Inserts the document if its key is new; false, and nothing changed, if the key is already tracked. */
    public boolean register(TrackedDocument document) {
        Instant now = clock.instant();
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                TrackingWrites.insertDocument(connection, document, now);
                return null;
            });
            return true;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw new TrackingException("could not register document " + document.key(), e);
        }
    }

    public Optional<TrackedDocument> find(DocumentKey key) {
        return findOne("document_key = ?", List.of(key.value()), "document " + key);
    }

    /** If a re-sent document was given the same axis id twice, the newest record wins. */
    public Optional<TrackedDocument> findByAxisDocId(String axisDocId) {
        return findOne("axis_doc_id = ?", List.of(axisDocId), "the document with axis id " + axisDocId);
    }

    /**
     * Matches an incoming status notice (its ResponseFor) to the document we sent. If the same document id was
     * sent more than once (a corrected envelope has a new key), the newest one is the one being answered.
     */
    public Optional<TrackedDocument> findOutboundByDocumentId(String senderOrganId, String documentId) {
        return findOne("direction = ? AND sender_organ_id = ? AND document_id = ?",
                List.of(Direction.OUTBOUND.name(), senderOrganId, documentId),
                "outbound document " + documentId + " of " + senderOrganId);
    }

    /** A document received from {@code senderOrganId} (an official document, not a status notice). */
    public Optional<TrackedDocument> findInboundByDocumentId(String senderOrganId, String documentId) {
        return findOne("direction = ? AND message_type = ? AND sender_organ_id = ? AND document_id = ?",
                List.of(Direction.INBOUND.name(), "edoc", senderOrganId, documentId),
                "inbound document " + documentId + " from " + senderOrganId);
    }

    private Optional<TrackedDocument> findOne(String condition, List<Object> parameters, String what) {
        try {
            List<TrackedDocument> found = Jdbc.withConnection(dataSource,
                    connection -> DocumentRows.select(connection, condition, parameters, 1));
            return found.stream().findFirst();
        } catch (SQLException e) {
            throw new TrackingException("could not read " + what, e);
        }
    }

    /**
     * Moves the document to {@code to} if that is forward (see {@link DocumentState#canMoveTo}); false if it would
     * go backwards, leave a terminal state, or the document is already there, so a replayed step is harmless.
     * One conditional UPDATE decides, so two racing steps cannot both win.
     */
    public boolean advance(DocumentKey key, DocumentState to, String reason) {
        Objects.requireNonNull(to, "to");
        try {
            int updated = StateUpdate.from(from -> from.canMoveTo(to), to, Direction.values())
                    .apply(dataSource, key, Jdbc.fit(reason, REASON_LENGTH), clock.instant());
            if (updated == 0) {
                requireTracked(key);
            }
            return updated == 1;
        } catch (SQLException e) {
            throw new TrackingException("could not move document " + key + " to " + to, e);
        }
    }

    /**
     * An operator lets a held inbound package go on: REFUSED or QUARANTINED becomes RECEIVED, with the reason. False
     * when the document is not an inbound package held that way (already released, discarded, or never held).
     */
    public boolean release(DocumentKey key, String reason) {
        return leaveHold(key, DocumentState.RECEIVED, reason);
    }

    /** An operator ends a held inbound package: it becomes DISCARDED, with the reason. False when it was not held. */
    public boolean discard(DocumentKey key, String reason) {
        return leaveHold(key, DocumentState.DISCARDED, reason);
    }

    private boolean leaveHold(DocumentKey key, DocumentState to, String reason) {
        return operatorMove(key, to, reason, DocumentState::isHeld, Direction.INBOUND);
    }

    /**
     * An operator retries a dead letter: DEAD_LETTERED becomes QUEUED, with the reason, so the flow's next steps
     * (SENT, DELIVERED) are recorded again. False when the document is not dead-lettered.
     */
    public boolean retryDeadLetter(DocumentKey key, String reason) {
        return operatorMove(key, DocumentState.QUEUED, reason, DocumentState::canBeRetried, Direction.values());
    }

    /** Undoes {@link #retryDeadLetter} when the message could not be put back after all: QUEUED becomes DEAD_LETTERED. */
    public boolean returnToDeadLetter(DocumentKey key, String reason) {
        return operatorMove(key, DocumentState.DEAD_LETTERED, reason, state -> state == DocumentState.QUEUED,
                Direction.values());
    }

    /**
     * An operator discards a dead letter: the document becomes DISCARDED, with the reason. False when it has ended
     * otherwise already (delivered is not ended; refused, quarantined or discarded are).
     */
    public boolean discardDeadLetter(DocumentKey key, String reason) {
        return operatorMove(key, DocumentState.DISCARDED, reason, DocumentState::canBeDiscardedAsDeadLetter,
                Direction.values());
    }

    /** As {@link #advance}, on a connection the caller holds (a {@link Hop}). */
    static boolean advance(Connection connection, DocumentKey key, DocumentState to, String reason, Instant now)
            throws SQLException {
        Objects.requireNonNull(to, "to");
        int updated = StateUpdate.from(from -> from.canMoveTo(to), to, Direction.values())
                .apply(connection, key, Jdbc.fit(reason, REASON_LENGTH), now);
        if (updated == 0 && !TrackingWrites.isTracked(connection, key)) {
            throw new TrackingException("no tracked document has the key " + key, null);
        }
        return updated == 1;
    }

    private boolean operatorMove(DocumentKey key, DocumentState to, String reason,
                                 Predicate<DocumentState> from, Direction... directions) {
        try {
            int updated = StateUpdate.from(from, to, directions).apply(dataSource, key, Jdbc.fit(reason, REASON_LENGTH),
                    clock.instant());
            if (updated == 0) {
                requireTracked(key);
            }
            return updated == 1;
        } catch (SQLException e) {
            throw new TrackingException("could not move document " + key + " to " + to, e);
        }
    }

    /**
     * Inbound packages waiting for an operator (REFUSED or QUARANTINED), newest first; with {@code agencies}
     * non-empty, only those addressed to one of them.
     */
    public List<TrackedDocument> held(Collection<String> agencies, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(List.of(Direction.INBOUND.name(), DocumentState.REFUSED.name(),
                DocumentState.QUARANTINED.name()));
        String condition = "direction = ? AND state IN (?, ?)";
        if (!agencies.isEmpty()) {
            condition += " AND document_key IN (SELECT document_key FROM document_recipient WHERE recipient_organ_id IN ("
                    + String.join(", ", Collections.nCopies(agencies.size(), "?")) + "))";
            parameters.addAll(agencies);
        }
        String where = condition;
        try {
            return Jdbc.withConnection(dataSource, connection -> DocumentRows.select(connection, where, parameters, limit));
        } catch (SQLException e) {
            throw new TrackingException("could not list held inbound packages", e);
        }
    }

    /** Records the id the axis gave the document; recording it again overwrites (the latest send wins). */
    public void recordAxisDocId(DocumentKey key, String axisDocId) {
        try {
            int updated = Jdbc.withConnection(dataSource,
                    connection -> TrackingWrites.recordAxisDocId(connection, key, axisDocId, clock.instant()));
            if (updated == 0) {
                requireTracked(key);
            }
        } catch (SQLException e) {
            throw new TrackingException("could not record the axis id of document " + key, e);
        }
    }

    private void requireTracked(DocumentKey key) throws SQLException {
        boolean exists = Jdbc.withConnection(dataSource, connection -> TrackingWrites.isTracked(connection, key));
        if (!exists) {
            throw new TrackingException("no tracked document has the key " + key, null);
        }
    }

    /** Adds the status once: the same (recipient, status code) again returns false and keeps the first. */
    public boolean addRecipientStatus(DocumentKey key, RecipientStatus status) {
        return statuses.add(key, status);
    }

    /**
     * Grouped by recipient, each recipient's statuses in the order they happened: "sent" first, then by the second
     * each was given in, ties in the status codes' order (see {@link CausalOrder}).
     */
    public List<RecipientStatus> timeline(DocumentKey key) {
        return statuses.timeline(key);
    }

    /** The most recently created documents first. */
    public List<TrackedDocument> list(Direction direction, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        try {
            return Jdbc.withConnection(dataSource,
                    connection -> DocumentRows.select(connection, "direction = ?", List.of(direction.name()), limit));
        } catch (SQLException e) {
            throw new TrackingException("could not list " + direction + " documents", e);
        }
    }

    /** The document that most recently entered {@code state} (the newest dead letter, for /health), if any. */
    public Optional<TrackedDocument> latestIn(DocumentState state) {
        try {
            return Jdbc.withConnection(dataSource, connection -> DocumentRows.select(connection,
                    "state = ? AND updated_at = (SELECT MAX(updated_at) FROM tracked_document WHERE state = ?)",
                    List.of(state.name(), state.name()), 1)).stream().findFirst();
        } catch (SQLException e) {
            throw new TrackingException("could not find the latest " + state + " document", e);
        }
    }

    /** Every state appears, with zero when no document is in it, so that metrics never lose a series. */
    public Map<DocumentState, Long> countByState(Direction direction) {
        Map<DocumentState, Long> counts = new EnumMap<>(DocumentState.class);
        for (DocumentState state : DocumentState.values()) {
            counts.put(state, 0L);
        }
        String sql = "SELECT state, COUNT(*) AS documents FROM tracked_document WHERE direction = ? GROUP BY state";
        try {
            Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setString(1, direction.name());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            counts.put(DocumentState.valueOf(rows.getString("state")), rows.getLong("documents"));
                        }
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw new TrackingException("could not count " + direction + " documents", e);
        }
        return counts;
    }
}
