package vn.lienthong.tracking;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.audit.tree.TreeHead;

/** The log's anchors (table log_anchor): signed tree heads, with their time stamps once a TSA gave them. */
public final class AnchorStore {

    private static final String COLUMNS = "tree_size, head_text, algorithm, signature, certificates, timestamp_token,"
            + " stamped_at";
    private static final int ERROR_LENGTH = 2000;

    /** How anchoring stands, for /health and the anchoring job. */
    public record Standing(Optional<Anchor> latestStamped, long waiting, Optional<Instant> oldestWaitingSince,
            Optional<String> lastError) {
    }

    private final DataSource dataSource;

    public AnchorStore(TrackingDatabase database) {
        this.dataSource = database.dataSource();
    }

    /** Stores a new anchor; false when one for the same tree size is already there. */
    public boolean save(Anchor anchor, Instant createdAt) {
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_anchor (" + COLUMNS
                        + ", created_at, stamp_attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                    insert.setLong(1, anchor.head().size());
                    insert.setString(2, anchor.head().text());
                    insert.setString(3, anchor.algorithm());
                    insert.setString(4, base64(anchor.signature()));
                    insert.setString(5, certificates(anchor.certificates()));
                    insert.setString(6, anchor.timestamp() == null ? null : base64(anchor.timestamp()));
                    if (anchor.stampedAt() == null) {
                        insert.setObject(7, null);
                    } else {
                        Jdbc.setInstant(insert, 7, anchor.stampedAt());
                    }
                    Jdbc.setInstant(insert, 8, createdAt);
                    insert.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    if (Jdbc.isDuplicateKey(e)) {
                        return false;
                    }
                    throw e;
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not store the anchor of tree size " + anchor.head().size(), e);
        }
    }

    /** Records the time stamp a TSA gave to the anchor of {@code size}. */
    public void stamped(long size, byte[] token, Instant at) {
        update("UPDATE log_anchor SET timestamp_token = ?, stamped_at = ?, stamp_attempts = stamp_attempts + 1,"
                + " last_error = NULL WHERE tree_size = ?", size, statement -> {
                    statement.setString(1, base64(token));
                    Jdbc.setInstant(statement, 2, at);
                    statement.setLong(3, size);
                });
    }

    /** Records a failed attempt to get a time stamp for the anchor of {@code size}, and why. */
    public void stampFailed(long size, String why) {
        update("UPDATE log_anchor SET stamp_attempts = stamp_attempts + 1, last_error = ? WHERE tree_size = ?", size,
                statement -> {
                    statement.setString(1, Jdbc.fit(why, ERROR_LENGTH));
                    statement.setLong(2, size);
                });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void update(String sql, long size, Binder binder) {
        try {
            Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement update = connection.prepareStatement(sql)) {
                    binder.bind(update);
                    return update.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not update the anchor of tree size " + size, e);
        }
    }

    /** Anchors still waiting for a time stamp, oldest first. */
    public List<Anchor> waiting() {
        return select("WHERE timestamp_token IS NULL ORDER BY tree_size", List.of());
    }

    /** Every anchor whose tree size lies in {@code [fromSize, toSize]}, in order. */
    public List<Anchor> between(long fromSize, long toSize) {
        return select("WHERE tree_size >= ? AND tree_size <= ? ORDER BY tree_size", List.of(fromSize, toSize));
    }

    /** The first time-stamped anchor whose tree covers entry {@code sequence}. */
    public Optional<Anchor> firstStampedCovering(long sequence) {
        return select("WHERE tree_size >= ? AND timestamp_token IS NOT NULL ORDER BY tree_size FETCH FIRST 1 ROWS ONLY",
                List.of(sequence)).stream().findFirst();
    }

    /** The anchor of the largest tree, stamped or not. */
    public Optional<Anchor> latest() {
        return select("ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY", List.of()).stream().findFirst();
    }

    public Standing standing() {
        Optional<Anchor> stamped = select("WHERE timestamp_token IS NOT NULL ORDER BY tree_size DESC FETCH FIRST 1 ROWS"
                + " ONLY", List.of()).stream().findFirst();
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT created_at, last_error,"
                        + " (SELECT COUNT(*) FROM log_anchor WHERE timestamp_token IS NULL) AS waiting FROM log_anchor"
                        + " WHERE timestamp_token IS NULL ORDER BY tree_size FETCH FIRST 1 ROWS ONLY");
                        ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return new Standing(stamped, 0, Optional.empty(), Optional.empty());
                    }
                    return new Standing(stamped, row.getLong("waiting"),
                            Optional.of(Jdbc.getInstant(row, "created_at")),
                            Optional.ofNullable(row.getString("last_error")));
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not read how anchoring stands", e);
        }
    }

    private List<Anchor> select(String clauses, List<Object> parameters) {
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM log_anchor " + clauses)) {
                    for (int i = 0; i < parameters.size(); i++) {
                        select.setObject(i + 1, parameters.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        List<Anchor> anchors = new ArrayList<>();
                        while (rows.next()) {
                            anchors.add(anchor(rows));
                        }
                        return anchors;
                    }
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not read the log's anchors", e);
        }
    }

    private static Anchor anchor(ResultSet row) throws SQLException {
        String token = row.getString("timestamp_token");
        return new Anchor(TreeHead.parse(row.getString("head_text")), row.getString("algorithm"),
                Base64.getDecoder().decode(row.getString("signature")), parseCertificates(row.getString("certificates")),
                token == null ? null : Base64.getDecoder().decode(token), Jdbc.getInstant(row, "stamped_at"));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String certificates(List<X509Certificate> chain) {
        List<String> encoded = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                encoded.add(base64(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("a certificate of the signing key cannot be encoded", e);
            }
        }
        return String.join(",", encoded);
    }

    private static List<X509Certificate> parseCertificates(String joined) throws SQLException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (String one : joined.split(",")) {
                if (!one.isEmpty()) {
                    chain.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(Base64.getDecoder().decode(one))));
                }
            }
            return chain;
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SQLException("a stored anchor's certificates cannot be read", e);
        }
    }
}
