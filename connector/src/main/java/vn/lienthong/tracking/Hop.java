package vn.lienthong.tracking;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tracking writes and log entries of one step of one document ("a hop": intake, queued, sent, delivered),
 * committed together: either all of them are in the database or none is. Obtained only inside
 * {@link TransmissionLog#hop}, and valid only there.
 *
 * <p>Every write keeps the replay safety of its {@link DocumentTracker} or {@link ProcessedMarks} twin: registering a
 * known key, marking a marked step, adding a known status or moving a state backwards changes nothing and says so
 * (false), and the hop goes on. A write that fails otherwise throws {@link TrackingException}, which undoes every
 * write and log entry of this hop, and of this hop only (see {@link LogWriter}).
 */
public final class Hop {

    private final Connection connection;
    private final LogWriter.Chain chain;
    private final Clock clock;
    private Savepoint start;
    private boolean over;

    Hop(Connection connection, LogWriter.Chain chain, Clock clock) {
        this.connection = connection;
        this.chain = chain;
        this.clock = clock;
    }

    /** As {@link DocumentTracker#register}: true if the key was new, false (nothing changed) if it was tracked. */
    public boolean register(TrackedDocument document) {
        Instant now = clock.instant();
        return unlessDuplicate("register document " + document.key(),
                () -> TrackingWrites.insertDocument(connection(), document, now));
    }

    /** As {@link DocumentTracker#find}, read inside this hop's transaction. */
    public Optional<TrackedDocument> find(DocumentKey key) {
        try {
            return DocumentRows.select(connection(), "document_key = ?", List.of(key.value()), 1).stream().findFirst();
        } catch (SQLException e) {
            throw new TrackingException("could not read document " + key, e);
        }
    }

    /** As {@link DocumentTracker#advance}: true if the document moved forward to {@code to}. */
    public boolean advance(DocumentKey key, DocumentState to, String reason) {
        try {
            return DocumentTracker.advance(connection(), key, to, reason, clock.instant());
        } catch (SQLException e) {
            throw new TrackingException("could not move document " + key + " to " + to, e);
        }
    }

    /** As {@link TransmissionLog#advanceAndAppend}, inside this hop: the entry only if the document moved. */
    public boolean advanceAndAppend(DocumentKey key, DocumentState to, String reason, String step, String outcome,
                                    int attempt, String contentHash, String detail) {
        return advance(key, to, reason) && append(key.value(), step, outcome, attempt, contentHash, detail) != null;
    }

    /** As {@link DocumentTracker#recordAxisDocId}. */
    public void recordAxisDocId(DocumentKey key, String axisDocId) {
        try {
            if (TrackingWrites.recordAxisDocId(connection(), key, axisDocId, clock.instant()) == 0) {
                throw new TrackingException("no tracked document has the key " + key, null);
            }
        } catch (SQLException e) {
            throw new TrackingException("could not record the axis id of document " + key, e);
        }
    }

    /** As {@link DocumentTracker#addRecipientStatus}: false, keeping the first, if the status is known. */
    public boolean addRecipientStatus(DocumentKey key, RecipientStatus status) {
        Instant now = clock.instant();
        return unlessDuplicate("add status " + status.statusCode() + " of " + status.recipientOrganId()
                + " to document " + key, () -> TrackingWrites.insertStatus(connection(), key, status, now));
    }

    /** As {@link ProcessedMarks#mark}: true the first time this step is marked for this key. */
    public boolean mark(DocumentKey key, String step, String detail) {
        Objects.requireNonNull(step, "step");
        Instant now = clock.instant();
        return unlessDuplicate("mark step " + step + " of document " + key,
                () -> TrackingWrites.insertMark(connection(), key, step, detail, now));
    }

    /** Puts the document in a pulling client's inbox ({@link PullInbox}): true if it is new there. */
    public boolean addToPullInbox(String clientId, DocumentKey key) {
        Objects.requireNonNull(clientId, "clientId");
        Instant now = clock.instant();
        return unlessDuplicate("add document " + key + " to the inbox of client " + clientId,
                () -> TrackingWrites.insertInboxEntry(connection(), clientId, key, now));
    }

    /** As {@link PullInbox#acknowledge}: false when the document was never in that client's inbox. */
    public boolean acknowledgeInPullInbox(String clientId, DocumentKey key) {
        Objects.requireNonNull(clientId, "clientId");
        try {
            return TrackingWrites.acknowledgeInboxEntry(connection(), clientId, key, clock.instant()) == 1;
        } catch (SQLException e) {
            throw new TrackingException("could not acknowledge document " + key + " in the inbox of client " + clientId,
                    e);
        }
    }

    /** As {@link TransmissionLog#append}; the entry is stored when the hop commits, with everything else in it. */
    public LogEvent append(String documentKey, String step, String outcome, int attempt, String contentHash,
            String detail) {
        requireOpen();
        return chain.append(clock, documentKey, step, outcome, attempt, contentHash, detail);
    }

    private interface Statement {
        void run() throws SQLException;
    }

    /**
     * A unique violation is a result, not a fault. PostgreSQL aborts the whole transaction on any failed statement,
     * so the statement gets its own savepoint to roll back to, and the hop (and the batch around it) goes on.
     */
    private boolean unlessDuplicate(String what, Statement statement) {
        Savepoint before = null;
        try {
            before = connection().setSavepoint();
            statement.run();
            connection.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            if (before != null && Jdbc.isDuplicateKey(e)) {
                try {
                    connection.rollback(before);
                    return false;
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            }
            throw new TrackingException("could not " + what, e);
        }
    }

    /** The hop's savepoint is taken at its first statement: a hop that only appends costs the database nothing. */
    private Connection connection() throws SQLException {
        requireOpen();
        if (start == null) {
            start = connection.setSavepoint();
        }
        return connection;
    }

    private void requireOpen() {
        if (over) {
            throw new IllegalStateException("a hop is used only inside TransmissionLog.hop");
        }
    }

    /** Where to roll back to if the hop fails; null if it wrote nothing but log entries, which are not yet written. */
    Savepoint start() {
        return start;
    }

    void end() {
        over = true;
    }
}
