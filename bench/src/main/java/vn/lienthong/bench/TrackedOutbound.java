package vn.lienthong.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import vn.lienthong.findings.Direction;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;

/**
 * What the sending connector writes to its tracking database for one outbound document, as its flows write it: the
 * signature verdict with the registration and intake-accepted (one hop), queued (one), then, after reading the
 * document and its sent mark, the mark, axis id, SENT, the recipient's status and sent-to-axis (one). Three commits
 * when one thread writes; the log writer groups hops of several documents when many do.
 */
final class TrackedOutbound {

    private static final HexFormat HEX = HexFormat.of();
    private static final String SENDER = "000.00.00.G01";
    private static final String RECIPIENT = "000.00.00.H01";
    private static final String VERDICT = "sender-dms (REST) REST upload: VALID [ENVELOPE_XMLDSIG VALID (serial "
            + "11307e88448f2354); PDF VALID (serial 11307e88448f2355); PDF VALID (serial 11307e88448f2356)]";

    private final TransmissionLog log;
    private final DocumentTracker tracker;
    private final ProcessedMarks marks;
    private long documents;

    TrackedOutbound(TrackingDatabase database, Clock clock) {
        this.log = new TransmissionLog(database, clock);
        this.tracker = new DocumentTracker(database, clock);
        this.marks = new ProcessedMarks(database, clock);
    }

    /** How many documents were tracked so far. */
    long documents() {
        return documents;
    }

    /** Tracks one more document, from its verdict to sent-to-axis. */
    boolean trackOne() {
        long number = ++documents;
        String sha256 = randomHex();
        DocumentKey key = new DocumentKey(randomHex());
        TrackedDocument document = new TrackedDocument(key, Direction.OUTBOUND, "edoc", SENDER, List.of(RECIPIENT),
                SENDER + "," + number, number + "/VPCP-TTĐT", sha256, null, DocumentState.RECEIVED, null, null, null);
        log.hop(hop -> {
            hop.append(null, "signatures-checked", "accept", 1, sha256, VERDICT);
            hop.register(document);
            return hop.append(key.value(), "intake-accepted", "ok", 1, sha256, null);
        });
        log.advanceAndAppend(key, DocumentState.QUEUED, null, "queued", "ok", 1, null, null);
        TrackedDocument queued = tracker.find(key).orElseThrow();
        String docId = marks.detail(key, "sent").orElse(UUID.randomUUID().toString());
        return log.hop(hop -> {
            hop.mark(key, "sent", docId);
            hop.recordAxisDocId(key, docId);
            hop.advance(key, DocumentState.SENT, null);
            for (String recipient : queued.recipients()) {
                hop.addRecipientStatus(key, new RecipientStatus(recipient, "sent", "gửi lên trục / sent to the axis",
                        Instant.now()));
            }
            hop.append(key.value(), "sent-to-axis", "ok", 1, sha256, "axis DocId " + docId);
            return true;
        });
    }

    /** The file's size, its chunks, the share of the file they fill and their live share, from H2's own figures. */
    static String describeFile(TrackingDatabase database) throws SQLException {
        Map<String, String> info = new HashMap<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNK_COUNT', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE',"
                        + " 'info.CHUNKS_FILL_RATE_RW')")) {
            while (rows.next()) {
                info.put(rows.getString(1), rows.getString(2));
            }
        }
        return String.format(Locale.ROOT, "%d MB in %s chunks filling %s %% of it, %s %% live (%s %% of those past"
                + " retention)", Long.parseLong(info.get("info.FILE_SIZE")) >> 20, info.get("info.CHUNK_COUNT"),
                info.get("info.FILL_RATE"), info.get("info.CHUNKS_FILL_RATE"), info.get("info.CHUNKS_FILL_RATE_RW"));
    }

    /** 32 random bytes in hex: a fresh document key or envelope hash. */
    static String randomHex() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HEX.formatHex(bytes);
    }
}
