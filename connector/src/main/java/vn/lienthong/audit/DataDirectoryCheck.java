package vn.lienthong.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.audit.tree.Frontier;
import vn.lienthong.audit.tree.MerkleTree;
import vn.lienthong.tracking.AnchorStore;
import vn.lienthong.tracking.LogEntryHash;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.LogTree;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TrackingException;
import vn.lienthong.tracking.TransmissionLog;

/**
 * Verifies a stopped connector's data directory, or a copy: its archives ({@code audit/archives/*.jsonl}) first, then
 * the database's entries from the first one the archives do not hold, read-only and a page at a time; every stored
 * anchor against the root recomputed from the entries as they stream by, and the log head against the last entry.
 */
final class DataDirectoryCheck {

    private static final int PAGE = 1000;
    private static final int DATABASE_IN_USE = 90020;
    private static final HexFormat HEX = HexFormat.of();

    private final Path data;
    private final X509Certificate pinnedTsa;
    private final Verification verification;
    private final Frontier frontier = new Frontier();
    private TreeMap<Long, Anchor> anchors;
    private boolean fromStart;

    DataDirectoryCheck(Path data, X509Certificate pinnedTsa, Verification verification) {
        this.data = data;
        this.pinnedTsa = pinnedTsa;
        this.verification = verification;
    }

    void verify() throws AuditProblem, UnusableInput {
        try (TrackingDatabase database = open()) {
            LogQueries queries = new LogQueries(database);
            TransmissionLog.Head head;
            try {
                head = new TransmissionLog(database, Clock.systemUTC()).head();
                anchors = new TreeMap<>();
                new AnchorStore(database).between(0, Long.MAX_VALUE).forEach(a -> anchors.put(a.head().size(), a));
            } catch (TrackingException e) {
                throw inUseOrUnreadable(e);
            }
            ExportFileCheck.Link archived = archives();
            long start;
            String previous;
            try {
                if (archived != null) {
                    start = archived.lastSequence() + 1;
                    previous = archived.lastHash();
                } else {
                    start = Math.max(1, queries.firstSequence());
                    fromStart = start == 1;
                    List<LogEvent> first = new TransmissionLog(database, Clock.systemUTC()).all(start, 1);
                    previous = first.isEmpty() ? LogEntryHash.GENESIS : first.get(0).previousHash();
                    if (start > 1) {
                        verification.note("Các mục 1–" + (start - 1) + " không còn trong cơ sở dữ liệu và không có tệp lưu"
                                + " trữ nào; các mốc neo trước mục " + start + " được đối chiếu với cây Merkle đã lưu.",
                                "Entries 1–" + (start - 1) + " are no longer in the database and no archive was found;"
                                + " anchors before entry " + start + " are compared with the stored Merkle tree.");
                    }
                }
                ChainCheck chain = new ChainCheck(start, previous);
                entries(database, chain, head);
                anchorsFromStoredTree(database, head.sequence());
                tail(head);
            } catch (SQLException | TrackingException e) {
                throw inUseOrUnreadable(e);
            }
        }
    }

    /**
     * Where a data directory keeps its database: {@code db/} in a connector's data directory, or the folder itself
     * (a copy of the database folder alone); empty when neither holds tracking.mv.db.
     */
    static java.util.Optional<Path> databaseFolder(Path data) {
        for (Path folder : List.of(data.resolve("db"), data)) {
            if (java.nio.file.Files.isRegularFile(folder.resolve("tracking.mv.db"))) {
                return java.util.Optional.of(folder);
            }
        }
        return java.util.Optional.empty();
    }

    private TrackingDatabase open() throws UnusableInput {
        return openReadOnly(data);
    }

    /** The data directory's database, read-only; refused in both languages while a running connector holds it. */
    static TrackingDatabase openReadOnly(Path data) throws UnusableInput {
        return openReadOnly(data, "audit export");
    }

    /** As above; {@code onlineCommand} is what to run against the running connector instead, e.g. "audit evidence". */
    static TrackingDatabase openReadOnly(Path data, String onlineCommand) throws UnusableInput {
        Path folder = databaseFolder(data).orElseThrow(() -> new UnusableInput("Thư mục " + data + " không phải là thư"
                + " mục dữ liệu của bộ kết nối: không có db/tracking.mv.db.", "The folder " + data + " is not a"
                + " connector's data directory: it has no db/tracking.mv.db.", null));
        try {
            TrackingDatabase database = TrackingDatabase.openH2ReadOnly(folder);
            try (var connection = database.dataSource().getConnection()) {
                return database;
            } catch (SQLException e) {
                database.close();
                throw inUseOrUnreadable(data, e, onlineCommand);
            }
        } catch (TrackingException e) {
            throw inUseOrUnreadable(data, e, onlineCommand);
        }
    }

    private UnusableInput inUseOrUnreadable(Exception e) {
        return inUseOrUnreadable(data, e, "audit export");
    }

    /**
     * Why the database of {@code data} could not be read: held by a running connector (then the advice is to ask it
     * with {@code onlineCommand} --config, or to use a copy), or unreadable.
     */
    static UnusableInput inUseOrUnreadable(Path data, Exception e, String onlineCommand) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == DATABASE_IN_USE) {
                return new UnusableInput("Bộ kết nối đang chạy và đang giữ cơ sở dữ liệu trong " + data + ", nên không"
                        + " mở được nó. Hãy hỏi bộ kết nối đang chạy (" + onlineCommand + " --config), hoặc dùng một bản"
                        + " sao của thư mục dữ liệu.",
                        "The connector is running and holds the database in " + data + ", so it cannot be opened. Ask"
                        + " the running connector (" + onlineCommand + " --config), or use a copy of the data"
                        + " directory.", e);
            }
        }
        return new UnusableInput("Không đọc được cơ sở dữ liệu trong " + data + " (" + e.getMessage() + ").",
                "Cannot read the database in " + data + " (" + e.getMessage() + ").", e);
    }

    /** The archives, if any, verified as a set; their leaves folded into the tree from entry 1. */
    private ExportFileCheck.Link archives() throws AuditProblem, UnusableInput {
        Path folder = data.resolve("audit").resolve("archives");
        if (!Files.isDirectory(folder)) {
            return null;
        }
        List<Path> files = AuditVerifier.exportsIn(folder);
        if (files.isEmpty()) {
            return null;
        }
        boolean[] first = {true};
        return new AuditVerifier(pinnedTsa).verifyFiles(files, verification, (sequence, hash) -> {
            if (first[0]) {
                fromStart = sequence == 1;
                first[0] = false;
            }
            leaf(sequence, hash);
        });
    }

    private void leaf(long sequence, String entryHash) throws AuditProblem {
        if (!fromStart) {
            return;
        }
        frontier.add(MerkleTree.leafHash(HEX.parseHex(entryHash)));
        Anchor anchor = anchors.get(sequence);
        if (anchor != null) {
            check(anchor, frontier.root(), entryHash);
        }
    }

    private void check(Anchor anchor, byte[] root, String lastHash) throws AuditProblem {
        long size = anchor.head().size();
        if (lastHash != null && !anchor.head().last().equals(lastHash)) {
            throw new AuditProblem("ANCHOR_LAST_MISMATCH", size, "Mốc neo cây " + size + " mục ký mã băm mục cuối "
                    + anchor.head().last() + ", nhưng mục " + size + " có mã " + lastHash + ".",
                    "The anchor of tree size " + size + " signs the last entry's hash " + anchor.head().last()
                    + ", but entry " + size + " has " + lastHash + ".");
        }
        AnchorVerdict verdict = AnchorCheck.verify(anchor, root, pinnedTsa, null, true);
        if (!verdict.stamped()) {
            verification.note("Mốc neo cây " + size + " mục đã ký nhưng chưa có dấu thời gian.",
                    "The anchor of tree size " + size + " is signed but not yet time-stamped.");
        }
        verification.anchor(verdict);
        verification.seen(anchor.head().last());
    }

    private void entries(TrackingDatabase database, ChainCheck chain, TransmissionLog.Head head) throws AuditProblem {
        TransmissionLog log = new TransmissionLog(database, Clock.systemUTC());
        long next = chain.nextSequence();
        List<LogEvent> page;
        do {
            page = log.all(next, PAGE);
            for (int i = 0; i < page.size(); i++) {
                LogEvent event = page.get(i);
                if (event.sequence() > head.sequence()) {
                    throw new AuditProblem("ENTRY_BEYOND_LAST", event.sequence(), "Mục " + event.sequence()
                            + " nằm sau mục cuối " + head.sequence() + " mà đầu nhật ký (log_head) ghi: một mục đã bị"
                            + " chèn thêm.", "Entry " + event.sequence() + " lies beyond the last entry "
                            + head.sequence() + " the log head records: an entry was inserted.");
                }
                long following = i + 1 < page.size() ? page.get(i + 1).sequence() : -1;
                chain.accept(event.sequence(), event.previousHash(), event.entryHash(), LogEntryHash.recompute(event),
                        following);
                verification.entry(event.sequence(), event.entryHash());
                leaf(event.sequence(), event.entryHash());
                next = event.sequence() + 1;
            }
        } while (page.size() == PAGE);
        if (chain.nextSequence() <= head.sequence()) {
            throw ChainCheck.missing(chain.nextSequence(), head.sequence(), "đầu nhật ký ghi " + head.sequence()
                    + " mục nhưng cơ sở dữ liệu hết mục sau mục " + (chain.nextSequence() - 1), "the log head records "
                    + head.sequence() + " entries but the database's entries end after entry "
                    + (chain.nextSequence() - 1));
        }
        if (!chain.lastHash().equals(head.hash())) {
            throw new AuditProblem("HEAD_MISMATCH", head.sequence(), "Mục " + head.sequence() + " không phải mục mà đầu"
                    + " nhật ký (log_head) ghi là mục cuối (mã " + head.hash() + ", mục có mã " + chain.lastHash() + ").",
                    "Entry " + head.sequence() + " is not the entry the log head records as the last one (hash "
                    + head.hash() + ", the entry has " + chain.lastHash() + ").");
        }
    }

    /**
     * Without the entries from 1 (pruned, and no archive holds them) no root can be recomputed: every anchor is then
     * compared with the stored tree instead, which proves that the agency signed the tree the connector kept, not the entries.
     */
    private void anchorsFromStoredTree(TrackingDatabase database, long head) throws AuditProblem {
        if (fromStart) {
            return;
        }
        LogTree tree = new LogTree(database);
        for (Anchor anchor : anchors.headMap(head, true).values()) {
            check(anchor, tree.root(anchor.head().size()), null);
        }
    }

    private void tail(TransmissionLog.Head head) throws AuditProblem {
        Anchor beyond = anchors.isEmpty() ? null : anchors.lastEntry().getValue();
        if (beyond != null && beyond.head().size() > head.sequence()) {
            throw new AuditProblem("ANCHOR_BEYOND_LOG", beyond.head().size(), "Mốc neo cây " + beyond.head().size()
                    + " mục vượt quá " + head.sequence() + " mục của nhật ký: các mục cuối đã bị xóa.",
                    "The anchor of tree size " + beyond.head().size() + " goes beyond the log's " + head.sequence()
                    + " entries: the last entries were deleted.");
        }
        long covered = anchors.values().stream().filter(Anchor::stamped).mapToLong(a -> a.head().size()).max()
                .orElse(0);
        if (covered < head.sequence()) {
            verification.note("Các mục " + (covered + 1) + "–" + head.sequence() + " nối chuỗi đúng nhưng chưa có mốc"
                    + " neo đã đóng dấu thời gian nào bao trùm.", "Entries " + (covered + 1) + "–" + head.sequence()
                    + " are chained but no time-stamped anchor covers them yet.");
        }
    }
}
