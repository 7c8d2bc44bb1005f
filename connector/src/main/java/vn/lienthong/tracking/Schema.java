package vn.lienthong.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Applies {@code /lienthong/db/schema.sql}, whose statements are all idempotent, at every start. */
final class Schema {

    static final String RESOURCE = "/lienthong/db/schema.sql";

    private Schema() {
    }

    static void apply(DataSource dataSource) {
        List<String> statements = statements(read());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                executeToleratingARacingInstance(statement, sql);
            }
        } catch (SQLException e) {
            throw new TrackingException("could not open the tracking database or create its schema", e);
        }
    }

    /**
     * Two connector instances starting together against one PostgreSQL can both try to create a table or seed
     * the log head; the loser gets a unique violation, and the winner's object is exactly the one it wanted.
     */
    private static void executeToleratingARacingInstance(Statement statement, String sql) throws SQLException {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            if (!Jdbc.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    private static String read() {
        try (InputStream in = Schema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new TrackingException("the tracking schema " + RESOURCE + " is missing from the classpath", null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TrackingException("could not read the tracking schema " + RESOURCE, e);
        }
    }

    static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\\R")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : withoutComments.toString().split(";\\s*\\n")) {
            String trimmed = statement.strip();
            if (!trimmed.isEmpty()) {
                statements.add(trimmed);
            }
        }
        return statements;
    }
}
