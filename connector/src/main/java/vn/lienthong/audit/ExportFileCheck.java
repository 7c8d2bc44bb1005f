package vn.lienthong.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.audit.tree.Frontier;
import vn.lienthong.audit.tree.MerkleTree;

/**
 * Verifies one {@code lienthong-audit/1} file in two streaming passes: the first reads what follows the entries (the
 * anchors, proofs and trailer) and hashes the file's bytes; the second walks the entries through {@link ChainCheck}
 * and folds them, as they are read, into the root that the range proof must lead to. Memory stays logarithmic in the
 * number of entries.
 */
final class ExportFileCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    /** What a file ends with, for the next file of a set: its sequence range, last hash and the SHA-256 of its bytes. */
    record Link(long firstSequence, long lastSequence, String lastHash, String sha256, String name) {
    }

    /** Sees every entry's hash in order (a data directory's check folds them into its own tree). */
    @FunctionalInterface
    interface Leaves {
        void leaf(long sequence, String entryHash) throws AuditProblem;
    }

    private final Path file;
    private final X509Certificate pinnedTsa;
    private final Verification verification;
    private final Leaves leaves;

    private JsonNode header;
    private final List<Anchor> anchors = new ArrayList<>();
    private JsonNode range;
    private final Map<Long, JsonNode> consistency = new HashMap<>();
    private JsonNode trailer;
    private String sha256;

    ExportFileCheck(Path file, X509Certificate pinnedTsa, Verification verification, Leaves leaves) {
        this.file = file;
        this.pinnedTsa = pinnedTsa;
        this.verification = verification;
        this.leaves = leaves;
    }

    /** The header of a file, to order a set of files; empty when the first line is not one. */
    static JsonNode header(Path file) throws IOException {
        try (BufferedReader reader = reader(Files.newInputStream(file))) {
            String line = reader.readLine();
            JsonNode node = line == null ? null : parse(line);
            return node != null && "header".equals(node.path("type").asText()) ? node : null;
        }
    }

    /** Verifies the file, following {@code previous} (null for the first of a set); returns its link for the next. */
    Link verify(Link previous) throws AuditProblem, IOException {
        scan();
        long s = header.path("firstSequence").asLong(-1);
        long e = header.path("lastSequence").asLong(-1);
        if (s < 1 || e < s || !header.path("previousHash").isTextual()) {
            throw problem("HEADER_INVALID", -1, "phần đầu không nêu đúng firstSequence, lastSequence và previousHash",
                    "its header does not state firstSequence, lastSequence and previousHash properly");
        }
        if (previous != null) {
            linkTo(previous, s);
        }
        Anchor closing = closingAnchor(e);
        TreeMap<Long, Anchor> inRange = new TreeMap<>();
        for (Anchor anchor : anchors) {
            if (anchor.head().size() >= s && anchor.head().size() <= e) {
                inRange.put(anchor.head().size(), anchor);
            }
        }
        ChainCheck chain = new ChainCheck(s, header.path("previousHash").asText());
        Frontier frontier = s == 1 ? new Frontier() : null;
        Map<Long, byte[]> rootsFromStart = new HashMap<>();
        try (EntryLines lines = new EntryLines(file, trailer != null, verification, leaves, chain, e, inRange, frontier,
                rootsFromStart)) {
            if (closing != null) {
                byte[] root;
                try {
                    root = MerkleTree.rootFromRange(s - 1, e, closing.head().size(), lines,
                            AuditLines.hashes(range.path("hashes")));
                } catch (MerkleTree.ProofException | IllegalArgumentException proof) {
                    throw problem("RANGE_PROOF_INVALID", closing.head().size(), "bằng chứng phạm vi (range) các mục "
                            + s + "–" + e + " trong cây " + closing.head().size() + " mục không dùng được: "
                            + proof.getMessage(), "the range proof of entries " + s + "–" + e + " in the tree of "
                            + closing.head().size() + " entries is unusable: " + proof.getMessage());
                }
                lines.drain();
                verification.anchor(AnchorCheck.verify(closing, root, pinnedTsa, null, false));
                verification.seen(closing.head().last());
            } else {
                lines.drain();
                verification.note("Các mục " + s + "–" + e + " của " + file.getFileName() + " nối chuỗi đúng nhưng chưa"
                        + " có mốc neo đã đóng dấu thời gian nào bao trùm mục " + e + ".",
                        "Entries " + s + "–" + e + " of " + file.getFileName() + " are chained but no time-stamped"
                        + " anchor covers entry " + e + " yet.");
            }
            checkTrailer(chain, s, e);
        } catch (EntryLines.Broken broken) {
            throw broken.problem;
        }
        for (Anchor anchor : inRange.values()) {
            if (closing != null && anchor.head().size() == closing.head().size()) {
                continue;
            }
            byte[] root = rootsFromStart.get(anchor.head().size());
            AnchorVerdict verdict = AnchorCheck.verify(anchor, root, pinnedTsa, null, true);
            if (closing != null) {
                consistent(anchor, closing);
            } else if (root == null) {
                verification.note("Gốc của mốc neo cây " + anchor.head().size() + " mục chưa được đối chiếu vì tệp không"
                        + " có mốc neo đóng.", "The root of the anchor of tree size " + anchor.head().size()
                        + " is not compared, as the file has no closing anchor.");
            }
            if (!verdict.stamped()) {
                verification.note("Mốc neo cây " + anchor.head().size() + " mục đã ký nhưng chưa có dấu thời gian.",
                        "The anchor of tree size " + anchor.head().size() + " is signed but not yet time-stamped.");
            }
            verification.anchor(verdict);
            verification.seen(anchor.head().last());
        }
        return new Link(s, e, chain.lastHash(), sha256, file.getFileName().toString());
    }

    private void linkTo(Link previous, long s) throws AuditProblem {
        JsonNode archive = header.path("previousArchive");
        if (archive.isTextual() && !archive.asText().equals(previous.sha256())) {
            throw new AuditProblem("ARCHIVE_LINK_BROKEN", s,
                    "Tệp " + file.getFileName() + " (từ mục " + s + ") ghi mã SHA-256 của tệp lưu trữ trước là "
                            + archive.asText() + ", nhưng tệp " + previous.name() + " có mã " + previous.sha256()
                            + ": tệp lưu trữ trước đã bị thay đổi hoặc thay thế.",
                    "File " + file.getFileName() + " (from entry " + s + ") records the previous archive's SHA-256 as "
                            + archive.asText() + ", but " + previous.name() + " has " + previous.sha256()
                            + ": the previous archive was changed or replaced.");
        }
        if (s > previous.lastSequence() + 1) {
            throw ChainCheck.missing(previous.lastSequence() + 1, s - 1, "tệp " + previous.name() + " kết thúc ở mục "
                    + previous.lastSequence() + " còn tệp " + file.getFileName() + " bắt đầu từ mục " + s,
                    previous.name() + " ends at entry " + previous.lastSequence() + " and " + file.getFileName()
                    + " starts at entry " + s);
        }
        if (s <= previous.lastSequence()) {
            throw new AuditProblem("FILES_OVERLAP", s, "Tệp " + file.getFileName() + " bắt đầu từ mục " + s
                    + ", trùng với tệp " + previous.name() + " (kết thúc ở mục " + previous.lastSequence() + ").",
                    "File " + file.getFileName() + " starts at entry " + s + ", overlapping " + previous.name()
                    + " (which ends at entry " + previous.lastSequence() + ").");
        }
        if (!header.path("previousHash").asText().equals(previous.lastHash())) {
            throw new AuditProblem("LINK_BROKEN", s, "Tệp " + file.getFileName() + " ghi mã băm trước mục " + s + " là "
                    + header.path("previousHash").asText() + ", nhưng mục " + previous.lastSequence() + " trong tệp "
                    + previous.name() + " có mã " + previous.lastHash() + ".",
                    "File " + file.getFileName() + " records the hash before entry " + s + " as "
                    + header.path("previousHash").asText() + ", but entry " + previous.lastSequence() + " in "
                    + previous.name() + " has " + previous.lastHash() + ".");
        }
    }

    private Anchor closingAnchor(long e) throws AuditProblem {
        JsonNode size = trailer == null ? null : trailer.path("closingAnchor");
        if (size == null || !size.canConvertToLong()) {
            return null;
        }
        Anchor closing = anchors.stream().filter(anchor -> anchor.head().size() == size.asLong()).findFirst()
                .orElseThrow(() -> problem("CLOSING_ANCHOR_MISSING", size.asLong(), "phần kết nêu mốc neo đóng cây "
                        + size.asLong() + " mục nhưng tệp không có mốc neo đó", "its trailer names the closing anchor of"
                        + " tree size " + size.asLong() + " but the file does not hold it"));
        if (closing.head().size() < e || range == null || range.path("size").asLong() != closing.head().size()
                || range.path("last").asLong() != e || range.path("first").asLong() != header.path("firstSequence")
                .asLong()) {
            throw problem("RANGE_PROOF_MISSING", closing.head().size(), "không có bằng chứng phạm vi (range) của các mục"
                    + " trong tệp đến mốc neo đóng cây " + closing.head().size() + " mục", "there is no range proof of"
                    + " its entries to the closing anchor of tree size " + closing.head().size());
        }
        return closing;
    }

    private void consistent(Anchor anchor, Anchor closing) throws AuditProblem {
        long m = anchor.head().size();
        long n = closing.head().size();
        JsonNode proof = consistency.get(m);
        if (proof == null || proof.path("to").asLong() != n) {
            throw problem("CONSISTENCY_PROOF_MISSING", m, "không có bằng chứng nhất quán từ mốc neo cây " + m
                    + " mục đến mốc neo đóng cây " + n + " mục", "there is no consistency proof from the anchor of tree"
                    + " size " + m + " to the closing anchor of tree size " + n);
        }
        try {
            MerkleTree.verifyConsistency(m, n, HEX.parseHex(anchor.head().root()), HEX.parseHex(closing.head().root()),
                    AuditLines.hashes(proof.path("hashes")));
        } catch (MerkleTree.ProofException | IllegalArgumentException e) {
            throw problem("CONSISTENCY_PROOF_INVALID", m, "mốc neo cây " + m + " mục không nhất quán với mốc neo cây "
                    + n + " mục: nhật ký đến mục " + m + " đã bị viết lại giữa hai lần ký (" + e.getMessage() + ")",
                    "the anchor of tree size " + m + " is not consistent with that of tree size " + n + ": the log up"
                    + " to entry " + m + " was rewritten between the two signatures (" + e.getMessage() + ")");
        }
    }

    private void checkTrailer(ChainCheck chain, long s, long e) throws AuditProblem {
        if (trailer == null) {
            throw new AuditProblem("TRUNCATED", e, "Tệp " + file.getFileName() + " kết thúc sau mục " + e + " mà không"
                    + " có dòng kết thúc (trailer): tệp đã bị cắt cụt.", "The file " + file.getFileName()
                    + " ends after entry " + e + " without its trailer: it was cut short.");
        }
        long entries = trailer.path("entries").asLong(-1);
        if (entries != e - s + 1 || trailer.path("lastSequence").asLong(-1) != e
                || !trailer.path("lastHash").asText().equals(chain.lastHash())) {
            throw problem("TRAILER_MISMATCH", e, "phần kết (" + entries + " mục, mục cuối "
                    + trailer.path("lastSequence").asText() + ", mã băm " + trailer.path("lastHash").asText()
                    + ") không khớp với các mục trong tệp (" + (e - s + 1) + " mục, mục cuối " + e + ", mã băm "
                    + chain.lastHash() + ")", "its trailer (" + entries + " entries, last " + trailer.path("lastSequence")
                    .asText() + ", hash " + trailer.path("lastHash").asText() + ") does not match its entries ("
                    + (e - s + 1) + " entries, last " + e + ", hash " + chain.lastHash() + ")");
        }
    }

    /** Pass 1: the header, what follows the entries, and the SHA-256 of the bytes. */
    private void scan() throws AuditProblem, IOException {
        MessageDigest digest = sha256();
        try (BufferedReader reader = reader(new DigestInputStream(Files.newInputStream(file), digest))) {
            String first = reader.readLine();
            header = first == null ? null : parse(first);
            if (header == null || !"header".equals(header.path("type").asText())
                    || !AuditLines.FORMAT.equals(header.path("format").asText())) {
                throw new AuditProblem("HEADER_MISSING", -1, "Dòng đầu của tệp " + file.getFileName()
                        + " không phải phần đầu của một tệp xuất " + AuditLines.FORMAT + ".", "The first line of "
                        + file.getFileName() + " is not the header of a " + AuditLines.FORMAT + " export.");
            }
            boolean pastEntries = false;
            int number = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (trailer != null) {
                    throw problem("TRAILER_NOT_LAST", -1, "dòng " + number + " nằm sau phần kết",
                            "line " + number + " follows the trailer");
                }
                JsonNode node = parse(line);
                String type = node == null ? "" : node.path("type").asText();
                switch (type) {
                    case "entry", "omitted" -> {
                        if (pastEntries) {
                            throw problem("ENTRY_OUT_OF_PLACE", node.path("sequence").asLong(-1), "dòng " + number
                                    + " là một mục nằm sau các mốc neo", "line " + number + " is an entry after the"
                                    + " anchors");
                        }
                    }
                    case "anchor" -> {
                        pastEntries = true;
                        try {
                            anchors.add(AuditLines.anchor(node));
                        } catch (IllegalArgumentException unreadable) {
                            throw problem("ANCHOR_UNREADABLE", node.path("size").asLong(-1), "mốc neo ở dòng "
                                    + number + " không đọc được: " + unreadable.getMessage(), "the anchor on line "
                                    + number + " cannot be read: " + unreadable.getMessage());
                        }
                    }
                    case "range" -> {
                        pastEntries = true;
                        range = node;
                    }
                    case "consistency" -> {
                        pastEntries = true;
                        consistency.put(node.path("from").asLong(), node);
                    }
                    case "trailer" -> trailer = node;
                    default -> {
                        if (pastEntries) {
                            throw problem("LINE_UNREADABLE", -1, "dòng " + number + " không đọc được",
                                    "line " + number + " cannot be read");
                        } // among the entries: the second pass names the entry it should have been
                    }
                }
            }
        }
        sha256 = HEX.formatHex(digest.digest());
    }


    private AuditProblem problem(String code, long sequence, String vietnamese, String english) {
        return new AuditProblem(code, sequence, "Tệp " + file.getFileName() + ": " + vietnamese + ".",
                "File " + file.getFileName() + ": " + english + ".");
    }

    static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static BufferedReader reader(InputStream in) {
        // Not Files.newBufferedReader: a byte that breaks UTF-8 must show as a changed entry, not as an I/O error.
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
