package vn.lienthong.tracking;

import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The append-only transmission log: every processing step of every document, each entry carrying the hash of
 * the one before (see {@link LogEntryHash}), so that an auditor can prove afterwards that nothing was altered,
 * removed or inserted.
 *
 * <p>Appends are group-committed by the database's one {@link LogWriter}: it locks the one-row log_head table,
 * takes its last sequence and hash, inserts every entry waiting and moves the head, all in one transaction, and
 * only then answers each caller. Appends from any number of threads therefore form a single chain with contiguous
 * sequence numbers, and connector instances sharing one database queue on that row. A step that also writes
 * tracking records does it in the same transaction as its entries, through {@link #hop}.
 */
public final class TransmissionLog {

    static final String COLUMNS = "sequence_no, event_time, document_key, step, outcome, attempt, content_hash,"
            + " detail, previous_hash, entry_hash";

    private final TrackingDatabase database;
    private final DataSource dataSource;
    private final Clock clock;

    public TransmissionLog(TrackingDatabase database, Clock clock) {
        this.database = database;
        this.dataSource = database.dataSource();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Appends one event and returns it as stored, once committed. A detail longer than the column is cut before
     * hashing, so the stored entry is always exactly what was hashed.
     */
    public LogEvent append(String documentKey, String step, String outcome, int attempt, String contentHash,
            String detail) {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
        try {
            return database.logWriter().submit(clock,
                    hop -> hop.append(documentKey, step, outcome, attempt, contentHash, detail));
        } catch (TrackingException e) {
            throw new TrackingException("could not append step " + step + " to the transmission log", e);
        }
    }

    /**
     * Runs one hop: the tracking writes and log entries of one step of one document, in one transaction, and
     * returns what {@code work} returned once it is committed. {@code work} runs on the log's writer thread, inside
     * the transaction of a batch (see {@link LogWriter}): it must do nothing but its database writes through the
     * {@link Hop} and decide from their results; no I/O, no waiting, no {@link #append} (which would wait for
     * itself and is refused). If it throws, nothing of it is written and the exception comes back here.
     */
    public <T> T hop(Function<Hop, T> work) {
        Objects.requireNonNull(work, "work");
        return database.logWriter().submit(clock, work);
    }

    /**
     * The commonest hop: moves the document to {@code to} and, only if it moved, appends the entry, in one
     * transaction, so a replayed step changes nothing and logs nothing. True if it moved.
     */
    public boolean advanceAndAppend(DocumentKey key, DocumentState to, String reason, String step, String outcome,
                                    int attempt, String contentHash, String detail) {
        return hop(hop -> hop.advanceAndAppend(key, to, reason, step, outcome, attempt, contentHash, detail));
    }

    /** The sequence and hash of the last entry; sequence 0 and {@link LogEntryHash#GENESIS} for an empty log. */
    public record Head(long sequence, String hash) {
    }

    /** The log's head as it stands, read without waiting for appends in progress. */
    public Head head() {
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT last_sequence, last_hash FROM log_head WHERE id = 1");
                        ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("the log head row is missing; the schema was not applied");
                    }
                    return new Head(row.getLong("last_sequence"), row.getString("last_hash"));
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not read the head of the transmission log", e);
        }
    }

    /** How many entries after {@code sequence} are of a step other than {@code exceptSteps}. */
    public long countAfter(long sequence, java.util.Set<String> exceptSteps) {
        String placeholders = String.join(", ", java.util.Collections.nCopies(Math.max(1, exceptSteps.size()), "?"));
        String sql = "SELECT COUNT(*) FROM transmission_log WHERE sequence_no > ? AND step NOT IN (" + placeholders + ")";
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setLong(1, sequence);
                    int index = 2;
                    for (String step : exceptSteps.isEmpty() ? java.util.Set.of("") : exceptSteps) {
                        select.setString(index++, step);
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not count the entries after " + sequence, e);
        }
    }

    /** Every event of one document, in sequence order. */
    public List<LogEvent> events(String documentKey) {
        return select("WHERE document_key = ? ORDER BY sequence_no", List.of(documentKey), "the log of " + documentKey);
    }

    /**
     * Events of one step about content with this hash that no document key names: the signature verdicts given before
     * a document was registered under its key, found by its envelope's SHA-256.
     */
    public List<LogEvent> unkeyedEvents(String step, String contentHash) {
        return select("WHERE content_hash = ? AND step = ? AND document_key IS NULL ORDER BY sequence_no",
                List.of(contentHash, step), "the " + step + " events of " + contentHash);
    }

    /** At most {@code limit} events from {@code fromSequence} on, in sequence order: page with the last one + 1. */
    public List<LogEvent> all(long fromSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return select("WHERE sequence_no >= ? ORDER BY sequence_no FETCH FIRST ? ROWS ONLY",
                List.of(fromSequence, limit), "the transmission log");
    }

    private List<LogEvent> select(String clauses, List<Object> parameters, String what) {
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM transmission_log " + clauses)) {
                    for (int i = 0; i < parameters.size(); i++) {
                        select.setObject(i + 1, parameters.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        List<LogEvent> events = new ArrayList<>();
                        while (rows.next()) {
                            events.add(event(rows));
                        }
                        return events;
                    }
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not read " + what, e);
        }
    }

    private static LogEvent event(ResultSet row) throws SQLException {
        return new LogEvent(row.getLong("sequence_no"), Jdbc.getInstant(row, "event_time"),
                row.getString("document_key"), row.getString("step"), row.getString("outcome"), row.getInt("attempt"),
                row.getString("content_hash"), row.getString("detail"), row.getString("previous_hash"),
                row.getString("entry_hash"));
    }

    /** How many entries of {@code step} were appended at or after {@code since} (for alert rules). */
    public long countSince(String step, Instant since) {
        String sql = "SELECT COUNT(*) FROM transmission_log WHERE step = ? AND event_time >= ?";
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setString(1, step);
                    Jdbc.setInstant(select, 2, since);
                    try (ResultSet rows = select.executeQuery()) {
                        rows.next();
                        return rows.getLong(1);
                    }
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not count the " + step + " entries of the transmission log", e);
        }
    }

    /** Walks the whole log, recomputing every hash; see {@link ChainVerifier} for what it catches. */
    public ChainVerdict verify() {
        return new ChainVerifier(this, database).verify();
    }

    /** One JSON object per line with every field; times as hashed (see {@link LogEntryHash#canonicalTime}). */
    public void exportJsonLines(Writer out) {
        LogExport.jsonLines(this, out);
    }

    /** RFC 4180 CSV with a header row and every field; see {@link LogExport} for how null differs from empty. */
    public void exportCsv(Writer out) {
        LogExport.csv(this, out);
    }
}
