package vn.lienthong.tracking;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The archives of the transmission log (table log_archive) and the pruning they allow: entries are deleted only once
 * an archive holds them, all of an archive's at once, so the log left in the database always starts right after the
 * last pruned archive and its first entry carries that archive's last hash.
 */
public final class LogArchives {

    /** One archive file: which entries it holds, the hash of its last, its name and SHA-256, and when it was pruned. */
    public record Archive(long firstSequence, long lastSequence, String lastHash, String fileName, String fileSha256,
            Instant createdAt, Instant prunedAt) {
    }

    private static final String COLUMNS = "first_sequence, last_sequence, last_hash, file_name, file_sha256, created_at,"
            + " pruned_at";

    private final DataSource dataSource;

    public LogArchives(TrackingDatabase database) {
        this.dataSource = database.dataSource();
    }

    public void record(Archive archive) {
        try {
            Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO log_archive (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, NULL)")) {
                    insert.setLong(1, archive.firstSequence());
                    insert.setLong(2, archive.lastSequence());
                    insert.setString(3, archive.lastHash());
                    insert.setString(4, archive.fileName());
                    insert.setString(5, archive.fileSha256());
                    Jdbc.setInstant(insert, 6, archive.createdAt());
                    return insert.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not record the archive of entries " + archive.firstSequence() + " to "
                    + archive.lastSequence(), e);
        }
    }

    /** Every archive, oldest first. */
    public List<Archive> all() {
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM log_archive ORDER BY first_sequence");
                        ResultSet rows = select.executeQuery()) {
                    List<Archive> archives = new ArrayList<>();
                    while (rows.next()) {
                        archives.add(new Archive(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                                rows.getString(5), Jdbc.getInstant(rows, "created_at"),
                                Jdbc.getInstant(rows, "pruned_at")));
                    }
                    return archives;
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not read the log's archives", e);
        }
    }

    public Optional<Archive> last() {
        List<Archive> all = all();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The last archive whose entries are gone from the database. */
    public Optional<Archive> lastPruned() {
        return all().stream().filter(archive -> archive.prunedAt() != null).reduce((first, second) -> second);
    }

    /**
     * Deletes the entries {@code archive} holds, and every earlier one, in one transaction, and marks it pruned; the
     * log's head and every later entry stay. Returns how many entries were deleted.
     */
    public long prune(Archive archive, Instant now) {
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                long deleted;
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM transmission_log WHERE sequence_no <= ?")) {
                    delete.setLong(1, archive.lastSequence());
                    deleted = delete.executeUpdate();
                }
                try (PreparedStatement mark = connection.prepareStatement(
                        "UPDATE log_archive SET pruned_at = ? WHERE first_sequence = ?")) {
                    Jdbc.setInstant(mark, 1, now);
                    mark.setLong(2, archive.firstSequence());
                    mark.executeUpdate();
                }
                return deleted;
            });
        } catch (SQLException e) {
            throw new TrackingException("could not prune the entries up to " + archive.lastSequence(), e);
        }
    }
}
