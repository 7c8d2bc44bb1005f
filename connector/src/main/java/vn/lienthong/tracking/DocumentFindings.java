package vn.lienthong.tracking;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The findings each document carries with it (see the document_finding table). Recorded once per document:
 * recording again, as a redelivered step would, changes nothing.
 */
public final class DocumentFindings {

    private static final int TEXT_LENGTH = 2000;
    private static final int PATH_LENGTH = 1000;

    private final DataSource dataSource;

    public DocumentFindings(TrackingDatabase database) {
        this.dataSource = database.dataSource();
    }

    /** Stores the findings of a tracked document unless it has some already. */
    public void record(DocumentKey key, List<RecordedFinding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO document_finding (document_key, finding_index, code, severity, line_no, column_no, path,"
                + " vietnamese, english) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    for (int i = 0; i < findings.size(); i++) {
                        RecordedFinding finding = findings.get(i);
                        insert.setString(1, key.value());
                        insert.setInt(2, i);
                        insert.setString(3, finding.code());
                        insert.setString(4, finding.severity());
                        insert.setInt(5, finding.line());
                        insert.setInt(6, finding.column());
                        insert.setString(7, Jdbc.fit(finding.path(), PATH_LENGTH));
                        insert.setString(8, Jdbc.fit(finding.vietnamese(), TEXT_LENGTH));
                        insert.setString(9, Jdbc.fit(finding.english(), TEXT_LENGTH));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            if (!Jdbc.isDuplicateKey(e)) {
                throw new TrackingException("could not record the findings of document " + key, e);
            }
        }
    }

    /** The document's findings in report order; empty when it has none. */
    public List<RecordedFinding> of(DocumentKey key) {
        String sql = "SELECT code, severity, line_no, column_no, path, vietnamese, english FROM document_finding"
                + " WHERE document_key = ? ORDER BY finding_index";
        try {
            return Jdbc.withConnection(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement(sql)) {
                    select.setString(1, key.value());
                    try (ResultSet rows = select.executeQuery()) {
                        List<RecordedFinding> findings = new ArrayList<>();
                        while (rows.next()) {
                            findings.add(new RecordedFinding(rows.getString("code"), rows.getString("severity"),
                                    rows.getInt("line_no"), rows.getInt("column_no"),
                                    rows.getString("path") == null ? "" : rows.getString("path"),
                                    rows.getString("vietnamese"), rows.getString("english")));
                        }
                        return findings;
                    }
                }
            });
        } catch (SQLException e) {
            throw new TrackingException("could not read the findings of document " + key, e);
        }
    }
}
