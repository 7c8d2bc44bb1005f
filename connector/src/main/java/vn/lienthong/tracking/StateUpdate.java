package vn.lienthong.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;
import vn.lienthong.findings.Direction;

/**
 * One conditional UPDATE that moves a document to a state only from the states allowed to reach it (and only in the
 * given directions), so that of two racing moves at most one wins and a replayed one changes nothing.
 */
final class StateUpdate {

    private final DocumentState to;
    private final List<String> fromStates;
    private final List<String> directions;

    private StateUpdate(DocumentState to, List<String> fromStates, List<String> directions) {
        this.to = to;
        this.fromStates = fromStates;
        this.directions = directions;
    }

    static StateUpdate from(Predicate<DocumentState> allowed, DocumentState to, Direction... directions) {
        List<String> states = new ArrayList<>();
        for (DocumentState state : DocumentState.values()) {
            if (allowed.test(state) && state != to) {
                states.add(state.name());
            }
        }
        return new StateUpdate(to, states, Arrays.stream(directions).map(Enum::name).toList());
    }

    /** The rows updated: 1 when the document moved, 0 when it was not in an allowed state (or is unknown). */
    int apply(DataSource dataSource, DocumentKey key, String reason, Instant now) throws SQLException {
        return Jdbc.withConnection(dataSource, connection -> apply(connection, key, reason, now));
    }

    /** As above, on a connection the caller holds (inside its transaction). */
    int apply(Connection connection, DocumentKey key, String reason, Instant now) throws SQLException {
        if (fromStates.isEmpty()) {
            return 0;
        }
        String sql = "UPDATE tracked_document SET state = ?, state_reason = ?, updated_at = ? WHERE document_key = ?"
                + " AND direction IN (" + String.join(", ", Collections.nCopies(directions.size(), "?")) + ")"
                + " AND state IN (" + String.join(", ", Collections.nCopies(fromStates.size(), "?")) + ")";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
                int index = 1;
                update.setString(index++, to.name());
                update.setString(index++, reason);
                Jdbc.setInstant(update, index++, now);
                update.setString(index++, key.value());
                for (String direction : directions) {
                    update.setString(index++, direction);
                }
                for (String state : fromStates) {
                    update.setString(index++, state);
                }
                return update.executeUpdate();
        }
    }
}
