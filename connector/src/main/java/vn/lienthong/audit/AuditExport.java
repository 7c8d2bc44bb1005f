package vn.lienthong.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.tracking.AnchorStore;
import vn.lienthong.tracking.LogEntryHash;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.LogExport;
import vn.lienthong.tracking.LogTree;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;

/**
 * Writes the transmission log for auditors in the {@code lienthong-audit/1} format (see docs/auditing.md): a header,
 * every entry of the period in sequence order (those the filters leave out as {@code omitted} lines), the anchors,
 * the range proof to the closing anchor and the consistency proofs to it, and a trailer. Entries are read a page at a
 * time, each page its own short read, so a log of any length is exported while the connector appends.
 */
public final class AuditExport {

    private static final int PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was written: the range of entries, how many were shown in full, and the closing anchor's size or -1. */
    public record Summary(long firstSequence, long lastSequence, long shown, String lastHash, long closingAnchor) {
    }

    private final TransmissionLog log;
    private final LogTree tree;
    private final AnchorStore anchors;
    private final LogQueries queries;
    private final Clock clock;
    private final String agency;
    private final boolean online;
    private final Supplier<Optional<Anchor>> freshAnchor;

    /**
     * @param agency      the exporting connector's agency code for the header; null to take it from the latest anchor
     * @param online      whether this is the running connector: it then extends the tree before proving (offline the
     *                    database may be read-only, and every stored anchor's tree is already there)
     * @param freshAnchor asked for a new stamped anchor when none covers the export's last entry (the anchoring job's
     *                    {@code anchorNow()}); {@code Optional::empty} when there is none to ask
     */
    public AuditExport(TrackingDatabase database, Clock clock, String agency, boolean online,
            Supplier<Optional<Anchor>> freshAnchor) {
        this.log = new TransmissionLog(database, clock);
        this.tree = new LogTree(database);
        this.anchors = new AnchorStore(database);
        this.queries = new LogQueries(database);
        this.clock = clock;
        this.agency = agency;
        this.online = online;
        this.freshAnchor = freshAnchor;
    }

    /** The entries s..e of the period: an empty Optional when the period holds none. */
    private Optional<long[]> range(ExportFilter filter) throws SQLException {
        long head = log.head().sequence();
        long first = filter.from() == null ? queries.firstSequence() : queries.firstAtOrAfter(filter.from());
        long last = filter.to() == null ? head : queries.lastBefore(filter.to(), head);
        last = Math.min(last, head);
        if (first == 0 || last == 0 || first > last) {
            return Optional.empty();
        }
        return Optional.of(new long[] {first, last});
    }

    /**
     * Writes the JSON-lines export of the period.
     *
     * @param previousArchive the SHA-256 (hex) of the previous archive file, for an archive; null for an export
     * @throws AuditProblem NO_ENTRIES when the period holds no entry
     */
    public Summary writeJsonLines(ExportFilter filter, String previousArchive, Writer out) throws AuditProblem,
            IOException {
        try {
            long[] range = range(filter).orElseThrow(() -> noEntries(filter));
            return write(filter, range[0], range[1], previousArchive, out);
        } catch (SQLException ex) {
            throw new IOException("could not read the tracking database: " + ex.getMessage(), ex);
        }
    }

    /**
     * Writes entries {@code first..last} unfiltered, as an archive: {@code previousArchive} is the SHA-256 (hex) of the
     * previous archive file's bytes, null for the first archive.
     */
    public Summary writeArchive(long first, long last, String previousArchive, Writer out) throws IOException {
        try {
            return write(ExportFilter.ALL, first, last, previousArchive, out);
        } catch (SQLException ex) {
            throw new IOException("could not read the tracking database: " + ex.getMessage(), ex);
        }
    }

    private Summary write(ExportFilter filter, long s, long e, String previousArchive, Writer out) throws SQLException,
            IOException {
        if (online) {
            tree.extend(e);
        }
        LogEvent firstEntry = log.all(s, 1).get(0);
        List<Anchor> inRange = new ArrayList<>(anchors.between(s, e));
        Optional<Anchor> closing = anchors.firstStampedCovering(e);
        if (closing.isEmpty()) {
            closing = freshAnchor.get().filter(anchor -> anchor.stamped() && anchor.head().size() >= e);
        }
        write(out, header(filter, s, e, firstEntry.previousHash(), previousArchive, inRange, closing));
        long[] shown = {0};
        String lastHash = entries(filter, s, e, out, shown);
        TreeMap<Long, Anchor> listed = new TreeMap<>();
        inRange.forEach(anchor -> listed.put(anchor.head().size(), anchor));
        closing.ifPresent(anchor -> listed.put(anchor.head().size(), anchor));
        for (Anchor anchor : listed.values()) {
            write(out, AuditLines.anchor(anchor));
        }
        if (closing.isPresent()) {
            long n = closing.get().head().size();
            if (online) {
                tree.extend(n);
            }
            write(out, ordered("type", "range", "size", n, "first", s, "last", e, "hashes",
                    AuditLines.hex(tree.rangeProof(s, e, n))));
            for (long m : listed.keySet()) {
                if (m < n && m > 0) {
                    write(out, ordered("type", "consistency", "from", m, "to", n, "hashes",
                            AuditLines.hex(tree.consistencyProof(m, n))));
                }
            }
        }
        long closingSize = closing.map(anchor -> anchor.head().size()).orElse(-1L);
        write(out, ordered("type", "trailer", "entries", e - s + 1, "lastSequence", e, "lastHash", lastHash,
                "closingAnchor", closingSize < 0 ? null : closingSize));
        out.flush();
        return new Summary(s, e, shown[0], lastHash, closingSize);
    }

    /** Writes the entries of the period the filters select as CSV ({@link LogExport}'s); returns how many. */
    public long writeCsv(ExportFilter filter, Writer out) throws AuditProblem, IOException {
        try {
            long[] range = range(filter).orElseThrow(() -> noEntries(filter));
            out.write(LogExport.csvHeader());
            long[] shown = {0};
            page(filter, range[0], range[1], (event, selected) -> {
                if (selected) {
                    out.write(LogExport.csvRow(event));
                    shown[0]++;
                }
            });
            out.flush();
            return shown[0];
        } catch (SQLException ex) {
            throw new IOException("could not read the tracking database: " + ex.getMessage(), ex);
        }
    }

    private Map<String, Object> header(ExportFilter filter, long s, long e, String previousHash, String previousArchive,
            List<Anchor> inRange, Optional<Anchor> closing) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("agency", filter.agency());
        filters.put("direction", filter.direction() == null ? null : filter.direction().name());
        filters.put("state", filter.state() == null ? null : filter.state().name());
        String code = agency != null ? agency : anchors.latest().map(anchor -> anchor.head().agency())
                .orElse(closing.or(() -> inRange.stream().findFirst()).map(anchor -> anchor.head().agency()).orElse(null));
        return ordered("type", "header", "format", AuditLines.FORMAT, "created",
                LogEntryHash.canonicalTime(clock.instant()), "agency", code,
                "from", filter.from() == null ? null : LogEntryHash.canonicalTime(filter.from()),
                "to", filter.to() == null ? null : LogEntryHash.canonicalTime(filter.to()), "filters", filters,
                "firstSequence", s, "lastSequence", e, "previousHash", previousHash, "previousArchive", previousArchive);
    }

    @FunctionalInterface
    private interface EntryWriter {
        void write(LogEvent event, boolean selected) throws IOException;
    }

    private String entries(ExportFilter filter, long s, long e, Writer out, long[] shown) throws SQLException,
            IOException {
        String[] last = {null};
        page(filter, s, e, (event, selected) -> {
            Map<String, Object> line;
            if (selected) {
                line = new LinkedHashMap<>();
                line.put("type", "entry");
                line.putAll(LogExport.values(event));
                shown[0]++;
            } else {
                line = ordered("type", "omitted", "sequence", event.sequence(), "entryHash", event.entryHash());
            }
            write(out, line);
            last[0] = event.entryHash();
        });
        return last[0];
    }

    private void page(ExportFilter filter, long s, long e, EntryWriter writer) throws SQLException, IOException {
        long next = s;
        while (next <= e) {
            List<LogEvent> page = log.all(next, (int) Math.min(PAGE, e - next + 1));
            if (page.isEmpty()) {
                break; // the verifier names what is missing
            }
            Set<String> selected = filter.selectsDocuments() ? queries.matching(filter, page.stream()
                    .map(LogEvent::documentKey).filter(key -> key != null).distinct().toList()) : Set.of();
            for (LogEvent event : page) {
                if (event.sequence() > e) {
                    return;
                }
                writer.write(event, selected(filter, event, selected));
                next = event.sequence() + 1;
            }
        }
    }

    private static boolean selected(ExportFilter filter, LogEvent event, Set<String> documents) {
        if (filter.from() != null && event.time().isBefore(filter.from())) {
            return false;
        }
        if (filter.to() != null && !event.time().isBefore(filter.to())) {
            return false;
        }
        return !filter.selectsDocuments() || (event.documentKey() != null && documents.contains(event.documentKey()));
    }

    private static AuditProblem noEntries(ExportFilter filter) {
        String period = (filter.from() == null ? "…" : LogEntryHash.canonicalTime(filter.from())) + " – "
                + (filter.to() == null ? "…" : LogEntryHash.canonicalTime(filter.to()));
        return new AuditProblem("NO_ENTRIES", -1, "Nhật ký truyền nhận không có mục nào trong khoảng " + period + ".",
                "The transmission log has no entry in " + period + ".");
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static void write(Writer out, Map<String, Object> line) throws IOException {
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
    }
}
