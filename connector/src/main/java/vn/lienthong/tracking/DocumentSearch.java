package vn.lienthong.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import vn.lienthong.findings.Direction;

/**
 * Finds tracked documents by direction, state, agency, period and code, newest first (by registration order), with
 * no cap: {@link #each} hands over one document at a time while the rows are read, so a search over millions of
 * documents never holds them in memory; {@link #page} reads one page after a keyset cursor, for a console.
 */
public final class DocumentSearch {

    /** Rows the driver fetches at a time while streaming. */
    private static final int FETCH_SIZE = 200;

    /** Every criterion is optional (null: any). {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(Direction direction, DocumentState state, String agency, Instant from, Instant to, String code) {

        public static final Filter ANY = new Filter(null, null, null, null, null, null);
    }

    /** One page, and the cursor of the next one (empty after the last page). */
    public record Page(List<TrackedDocument> documents, Optional<Long> next) {
    }

    /** Takes each document found; what it throws stops the search and is thrown on. */
    @FunctionalInterface
    public interface Receiver {
        void take(TrackedDocument document) throws Exception;
    }

    private final DataSource dataSource;

    public DocumentSearch(TrackingDatabase database) {
        this.dataSource = database.dataSource();
    }

    /** Hands every matching document to {@code receiver}, newest first, as the rows are read; returns how many. */
    public long each(Filter filter, Receiver receiver) throws Exception {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        String sql = joined(where);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement select = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                select.setFetchSize(FETCH_SIZE);
                bind(select, parameters);
                try (ResultSet rows = select.executeQuery()) {
                    return emit(rows, receiver);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Documents with their recipients, one row per recipient, newest document first. */
    private static String joined(String where) {
        return "SELECT d.id, d.document_key, d.direction, d.message_type, d.sender_organ_id, d.document_id, d.code,"
                + " d.envelope_sha256, d.axis_doc_id, d.state, d.state_reason, d.created_at, d.updated_at,"
                + " r.recipient_organ_id FROM tracked_document d"
                + " LEFT JOIN document_recipient r ON r.document_key = d.document_key"
                + where + " ORDER BY d.id DESC, r.recipient_index";
    }

    private static long emit(ResultSet rows, Receiver receiver) throws Exception {
        long count = 0;
        TrackedDocument current = null;
        List<String> recipients = new ArrayList<>();
        while (rows.next()) {
            String key = rows.getString("document_key");
            if (current == null || !current.key().value().equals(key)) {
                if (current != null) {
                    receiver.take(DocumentRows.withRecipients(current, recipients));
                    count++;
                }
                current = DocumentRows.document(rows);
                recipients = new ArrayList<>();
            }
            String recipient = rows.getString("recipient_organ_id");
            if (recipient != null) {
                recipients.add(recipient);
            }
        }
        if (current != null) {
            receiver.take(DocumentRows.withRecipients(current, recipients));
            count++;
        }
        return count;
    }

    /** At most {@code size} documents older than the cursor {@code after} (null: from the newest). */
    public Page page(Filter filter, Long after, int size) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder condition = new StringBuilder(where(filter, parameters).replaceFirst("^ WHERE ", ""));
        if (after != null) {
            condition.append(condition.length() == 0 ? "" : " AND ").append("d.id < ?");
            parameters.add(after);
        }
        String sql = "SELECT d.id FROM tracked_document d" + (condition.length() == 0 ? "" : " WHERE " + condition)
                + " ORDER BY d.id DESC FETCH FIRST ? ROWS ONLY";
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    bind(select, parameters);
                    select.setInt(parameters.size() + 1, size + 1); // one more tells whether a next page exists
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                        }
                    }
                }
                boolean more = ids.size() > size;
                List<Long> shown = more ? ids.subList(0, size) : ids;
                List<TrackedDocument> documents = new ArrayList<>();
                if (!shown.isEmpty()) {
                    try (PreparedStatement select = connection.prepareStatement(joined(" WHERE d.id IN ("
                            + String.join(", ", Collections.nCopies(shown.size(), "?")) + ")"))) {
                        bind(select, List.copyOf(shown));
                        try (ResultSet rows = select.executeQuery()) {
                            emit(rows, documents::add);
                        }
                    } catch (SQLException e) {
                        throw e;
                    } catch (Exception cannotHappen) {
                        throw new IllegalStateException(cannotHappen);
                    }
                }
                return new Page(documents, more ? Optional.of(shown.get(shown.size() - 1)) : Optional.empty());
            });
        } catch (SQLException e) {
            throw new TrackingException("could not read a page of documents", e);
        }
    }

    private static String where(Filter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.direction() != null) {
            conditions.add("d.direction = ?");
            parameters.add(filter.direction().name());
        }
        if (filter.state() != null) {
            conditions.add("d.state = ?");
            parameters.add(filter.state().name());
        }
        if (filter.agency() != null) {
            conditions.add("(d.sender_organ_id = ? OR d.document_key IN"
                    + " (SELECT a.document_key FROM document_recipient a WHERE a.recipient_organ_id = ?))");
            parameters.add(filter.agency());
            parameters.add(filter.agency());
        }
        if (filter.from() != null) {
            conditions.add("d.created_at >= ?");
            parameters.add(Jdbc.toMillis(filter.from()).atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            conditions.add("d.created_at < ?");
            parameters.add(Jdbc.toMillis(filter.to()).atOffset(ZoneOffset.UTC));
        }
        if (filter.code() != null) {
            conditions.add("LOWER(d.code) LIKE ? ESCAPE '\\'");
            parameters.add("%" + filter.code().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
