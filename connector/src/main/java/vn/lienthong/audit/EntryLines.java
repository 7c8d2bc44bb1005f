package vn.lienthong.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.audit.tree.Frontier;
import vn.lienthong.audit.tree.MerkleTree;

/**
 * Pass 2 of {@link ExportFileCheck}: an export's entry lines, each checked (chain, hash, the anchor naming it) as the
 * tree fold pulls its leaf, so a problem surfaces at the first broken entry while memory stays logarithmic.
 */
final class EntryLines implements Iterator<byte[]>, AutoCloseable {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<String> HASHED = List.of("sequence", "time", "documentKey", "step", "outcome", "attempt",
            "contentHash", "detail", "previousHash");

    private final Path file;
    private final boolean hasTrailer;
    private final Verification verification;
    private final ExportFileCheck.Leaves leaves;
    private final BufferedReader reader;
    private final ChainCheck chain;
    private final long last;
    private final TreeMap<Long, Anchor> anchorsInRange;
    private final Frontier frontier;
    private final Map<Long, byte[]> roots;
    private JsonNode next;
    private Unreadable unreadable;

    EntryLines(Path file, boolean hasTrailer, Verification verification, ExportFileCheck.Leaves leaves,
            ChainCheck chain, long last, TreeMap<Long, Anchor> anchorsInRange, Frontier frontier,
            Map<Long, byte[]> roots) throws IOException {
        this.file = file;
        this.hasTrailer = hasTrailer;
        this.verification = verification;
        this.leaves = leaves;
        this.reader = ExportFileCheck.reader(Files.newInputStream(file));
        this.reader.readLine(); // the header
        this.chain = chain;
        this.last = last;
        this.anchorsInRange = anchorsInRange;
        this.frontier = frontier;
        this.roots = roots;
        advance();
    }

    private void advance() {
        try {
            String line = reader.readLine();
            if (line == null) {
                next = null;
                    return;
            }
            JsonNode node = ExportFileCheck.parse(line);
            if (node == null) {
                // Named when the entries before it have been checked: the problem is the first one only then.
                unreadable = reader.readLine() == null && !hasTrailer ? Unreadable.CUT : Unreadable.ALTERED;
                next = null;
                return;
            }
            String type = node.path("type").asText();
            if (!type.equals("entry") && !type.equals("omitted")) {
                next = null;
                    return;
            }
            next = node;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public byte[] next() {
        if (next == null && unreadable != null) {
            throw new Broken(unreadable == Unreadable.CUT ? truncated() : new AuditProblem("LINE_UNREADABLE",
                    chain.nextSequence(), "Dòng của mục " + chain.nextSequence() + " (sau mục "
                    + (chain.nextSequence() - 1) + ") không đọc được: nó đã bị sửa.", "The line of entry "
                    + chain.nextSequence() + " (after entry " + (chain.nextSequence() - 1) + ") cannot be read: it"
                    + " was altered."));
        }
        if (next == null) {
            if (chain.nextSequence() <= last) {
                throw new Broken(!hasTrailer ? truncated() : ChainCheck.missing(chain.nextSequence(), last,
                        "tệp hết mục sau mục " + (chain.nextSequence() - 1), "the file's entries end after entry "
                                + (chain.nextSequence() - 1)));
            }
            throw new NoSuchElementException();
        }
        JsonNode entry = next;
        advance();
        long sequence = entry.path("sequence").asLong(-1);
        long following = next == null ? -1 : next.path("sequence").asLong(-1);
        if (sequence > last && chain.nextSequence() > last) {
            throw new Broken(new AuditProblem("ENTRY_BEYOND_LAST", sequence, "Mục " + sequence
                    + " nằm sau mục cuối " + last + " mà phần đầu nêu: một mục đã bị chèn thêm.", "Entry " + sequence
                    + " lies beyond the last entry " + last + " the header states: an entry was inserted."));
        }
        String entryHash = entry.path("entryHash").asText();
        try {
            if (entry.path("type").asText().equals("entry")) {
                chain.accept(sequence, text(entry, "previousHash"), entryHash, recompute(entry, sequence), following);
            } else {
                chain.accept(sequence, null, entryHash, null, following);
            }
            if (!entryHash.matches("[0-9a-f]{64}")) {
                throw new AuditProblem("ENTRY_ALTERED", sequence, "Mục " + sequence + " có mã băm không hợp lệ: "
                        + entryHash + ".", "Entry " + sequence + " has an invalid hash: " + entryHash + ".");
            }
            Anchor anchor = anchorsInRange.get(sequence);
            if (anchor != null && !anchor.head().last().equals(entryHash)) {
                throw new AuditProblem("ANCHOR_LAST_MISMATCH", sequence, "Mốc neo cây " + sequence + " mục ký mã băm"
                        + " mục cuối " + anchor.head().last() + ", nhưng mục " + sequence + " có mã " + entryHash
                        + ": mục " + sequence + " hoặc một mục trước nó đã bị thay đổi sau khi ký.",
                        "The anchor of tree size " + sequence + " signs the last entry's hash "
                        + anchor.head().last() + ", but entry " + sequence + " has " + entryHash + ": entry "
                        + sequence + " or one before it was changed after it was signed.");
            }
            verification.entry(sequence, entryHash);
            leaves.leaf(sequence, entryHash);
        } catch (AuditProblem problem) {
            throw new Broken(problem);
        }
        byte[] leaf = MerkleTree.leafHash(HEX.parseHex(entryHash));
        if (frontier != null) {
            frontier.add(leaf);
            if (anchorsInRange.containsKey(sequence)) {
                roots.put(sequence, frontier.root());
            }
        }
        return leaf;
    }

    /** Reads the entries the range proof did not need (there are none in a sound file) and the end. */
    void drain() {
        while (hasNext() || unreadable != null || chain.nextSequence() <= last) {
            next();
        }
    }

    private AuditProblem truncated() {
        long lastRead = chain.nextSequence() - 1;
        return new AuditProblem("TRUNCATED", lastRead, "Tệp " + file.getFileName() + " kết thúc sau mục " + lastRead
                + " mà không có dòng kết thúc (trailer): tệp đã bị cắt cụt, thiếu các mục từ " + (lastRead + 1)
                + " đến " + last + ".", "The file " + file.getFileName() + " ends after entry " + lastRead
                + " without its trailer: it was cut short; entries " + (lastRead + 1) + " to " + last
                + " are missing.");
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** A line among the entries that is not JSON: the file's cut-off end, or an altered line. */
    enum Unreadable { CUT, ALTERED }

    /** Carries a problem out of the tree fold's iterator. */
    static final class Broken extends RuntimeException {
        final AuditProblem problem;

        Broken(AuditProblem problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }

    /** The entryHash recomputed from the line's own values, exactly as LogEntryHash defines it. */
    private static String recompute(JsonNode entry, long sequence) throws AuditProblem {
        MessageDigest digest = ExportFileCheck.sha256();
        for (String name : HASHED) {
            JsonNode value = entry.get(name);
            if (value == null) {
                throw new AuditProblem("ENTRY_UNREADABLE", sequence, "Mục " + sequence + " thiếu trường " + name + ".",
                        "Entry " + sequence + " lacks its field " + name + ".");
            }
            if (value.isNull()) {
                digest.update("-,".getBytes(StandardCharsets.US_ASCII));
            } else {
                byte[] bytes = value.asText().getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
                digest.update((byte) ',');
            }
        }
        return HEX.formatHex(digest.digest());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
