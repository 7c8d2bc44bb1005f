package vn.lienthong.audit;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import vn.lienthong.audit.stamp.HeadSignature;
import vn.lienthong.audit.stamp.LoopbackTsa;
import vn.lienthong.audit.stamp.TsaClient;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.audit.tree.TreeHead;
import vn.lienthong.signature.xml.TestCredentials;
import vn.lienthong.testing.SteppedClock;
import vn.lienthong.tracking.AnchorStore;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.LogTree;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;

/**
 * A real transmission log in an H2 file, anchored as the anchoring job does it: the head signed with a test agency
 * key, time-stamped by a loopback TSA, stored, and followed by its own {@code anchored} entry.
 */
public final class AuditLogFixture implements AutoCloseable {

    public static final String AGENCY = "000.00.00.G01";
    public static final Instant START = Instant.parse("2026-12-04T08:00:00Z");

    public final Path data;
    public final SteppedClock clock = new SteppedClock(START);
    public final TrackingDatabase database;
    public final TransmissionLog log;
    public final LogTree tree;
    public final AnchorStore anchors;
    public final LoopbackTsa tsa;

    public AuditLogFixture(Path data) throws Exception {
        this.data = data;
        this.database = TrackingDatabase.openH2(data);
        this.log = new TransmissionLog(database, clock);
        this.tree = new LogTree(database);
        this.anchors = new AnchorStore(database);
        this.tsa = LoopbackTsa.start(0);
    }

    /** Appends {@code count} entries of document {@code key} (null: system events), a minute apart. */
    public LogEvent append(String key, int count) {
        LogEvent last = null;
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofMinutes(1));
            last = log.append(key, "intake-accepted", "ok", 1, "ab".repeat(32), "entry " + i);
        }
        return last;
    }

    /** Signs the log's head now, time-stamps it, stores it, and appends its entry, as the anchoring job does. */
    public Anchor anchor() throws Exception {
        return anchor(true);
    }

    public Anchor anchor(boolean stamped) throws Exception {
        Anchor anchor = signed();
        if (stamped) {
            anchor = anchor.withTimestamp(new TsaClient(tsa.url(), Duration.ofSeconds(10)).timestamp(anchor.signature()),
                    clock.instant());
        }
        anchors.save(anchor, clock.instant());
        clock.advance(Duration.ofSeconds(1));
        log.append(null, "anchored", "ok", 1, HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(anchor.signature())), "tree size " + anchor.head().size()
                + " root " + anchor.head().root());
        return anchor;
    }

    /** A signed, unstamped anchor of the log as it is now; not stored. */
    public Anchor signed() {
        long size = log.all(1, Integer.MAX_VALUE).size();
        tree.extend(size);
        String root = HexFormat.of().formatHex(tree.root(size));
        String last = size == 0 ? "0".repeat(64) : log.all(size, 1).get(0).entryHash();
        TreeHead head = new TreeHead(AGENCY, size, root, last, clock.instant());
        HeadSignature signature = HeadSignature.sign(TestCredentials.RSA_SIGNER.signingKey(), head.bytes());
        return new Anchor(head, signature.algorithm(), signature.signature(), signature.certificates(), null, null);
    }

    public List<LogEvent> entries() {
        return log.all(1, Integer.MAX_VALUE);
    }

    @Override
    public void close() {
        tsa.close();
        database.close();
    }
}
