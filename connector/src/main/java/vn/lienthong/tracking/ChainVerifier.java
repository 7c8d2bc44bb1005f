package vn.lienthong.tracking;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Walks the transmission log in sequence order, a page at a time so that a log of any length fits in memory,
 * and stops at the first entry that breaks the chain: a missing sequence number (a deleted entry), a previous
 * hash that is not the hash of the entry before (a reordered or replaced entry), or a stored hash that does not
 * match the entry's content (an altered entry). It also checks the end of the log against the log head, which
 * catches entries deleted from the end and entries inserted past it.
 *
 * <p>What it cannot catch on its own: someone with write access who rewrites the whole chain and the head
 * consistently. Against that, an auditor keeps the last entryHash of each export and checks later that the
 * chain still passes through it.
 */
final class ChainVerifier {

    private static final int PAGE = 1000;

    private final TransmissionLog log;
    private final TrackingDatabase database;
    private final DataSource dataSource;

    ChainVerifier(TransmissionLog log, TrackingDatabase database) {
        this.log = log;
        this.database = database;
        this.dataSource = database.dataSource();
    }

    ChainVerdict verify() {
        // Read the head first: entries appended while we walk lie beyond it and are left for the next check.
        TransmissionLog.Head head = readHead();
        long checked = 0;
        // After pruning, the log goes on from the last pruned archive's last entry (the archives hold the rest).
        Optional<LogArchives.Archive> pruned = new LogArchives(database).lastPruned();
        long expectedSequence = pruned.map(archive -> archive.lastSequence() + 1).orElse(1L);
        String expectedPrevious = pruned.map(LogArchives.Archive::lastHash).orElse(LogEntryHash.GENESIS);
        while (expectedSequence <= head.sequence()) {
            List<LogEvent> page = log.all(expectedSequence, PAGE);
            if (page.isEmpty()) {
                return missing(checked, expectedSequence, head.sequence(), "the log head records "
                        + head.sequence() + " entries");
            }
            for (LogEvent event : page) {
                if (expectedSequence > head.sequence()) {
                    break;
                }
                if (event.sequence() != expectedSequence) {
                    return missing(checked, expectedSequence, Math.min(event.sequence() - 1, head.sequence()),
                            "the next entry present is " + event.sequence());
                }
                checked++;
                if (!expectedPrevious.equals(event.previousHash())) {
                    return ChainVerdict.broken(checked, event.sequence(), "entry " + event.sequence()
                            + " does not carry the hash of entry " + (event.sequence() - 1));
                }
                if (!LogEntryHash.recompute(event).equals(event.entryHash())) {
                    return ChainVerdict.broken(checked, event.sequence(), "entry " + event.sequence()
                            + " was altered: its content no longer matches its hash");
                }
                expectedPrevious = event.entryHash();
                expectedSequence++;
            }
        }
        return checkEnd(head, checked, expectedPrevious);
    }

    private static ChainVerdict missing(long checked, long from, long to, String evidence) {
        String entries = from == to ? "entry " + from + " is missing" : "entries " + from + " to " + to + " are missing";
        return ChainVerdict.broken(checked, from, entries + ": " + evidence);
    }

    private ChainVerdict checkEnd(TransmissionLog.Head head, long checked, String lastHash) {
        if (!lastHash.equals(head.hash())) {
            return ChainVerdict.broken(checked, head.sequence(), "entry " + head.sequence()
                    + " is not the entry the log head recorded as the last one");
        }
        long beyond = firstSequenceAfter(head.sequence());
        // An entry beyond the head read at the start is legitimate if the head has since moved past it:
        // an append inserts the entry and moves the head in one transaction.
        if (beyond > 0 && beyond > readHead().sequence()) {
            return ChainVerdict.broken(checked, beyond, "entry " + beyond
                    + " lies beyond the last entry the log head records");
        }
        return ChainVerdict.intact(checked);
    }

    private TransmissionLog.Head readHead() {
        return query("SELECT last_sequence, last_hash FROM log_head WHERE id = 1", null,
                row -> new TransmissionLog.Head(row.getLong("last_sequence"), row.getString("last_hash")));
    }

    /** The smallest sequence number after {@code sequence}, or 0 if there is none. */
    private long firstSequenceAfter(long sequence) {
        return query("SELECT MIN(sequence_no) AS next_sequence FROM transmission_log WHERE sequence_no > ?", sequence,
                row -> row.getLong("next_sequence"));
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private <T> T query(String sql, Long parameter, RowReader<T> reader) {
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    if (parameter != null) {
                        select.setLong(1, parameter);
                    }
                    try (ResultSet row = select.executeQuery()) {
                        if (!row.next()) {
                            throw new SQLException("the log head row is missing; the schema was not applied");
                        }
                        return reader.read(row);
                    }
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not verify the transmission log", e);
        }
    }
}
