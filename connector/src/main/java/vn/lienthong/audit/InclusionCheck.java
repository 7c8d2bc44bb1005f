package vn.lienthong.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import vn.lienthong.audit.tree.MerkleTree;
import vn.lienthong.tracking.LogEvent;

/** The bundle's proof.json against its log lines: one RFC 9162 audit path per entry, all to the same root. */
final class InclusionCheck {

    private static final HexFormat HEX = HexFormat.of();

    private InclusionCheck() {
    }

    /** Each entry has exactly one inclusion path, and every path leads to the proof's root; returns that root. */
    static byte[] rootOf(List<LogEvent> entries, JsonNode proof) throws AuditProblem {
        long size = proof.path("size").asLong(-1);
        byte[] root = hex(proof.path("root").asText(), "root");
        JsonNode inclusions = proof.path("inclusions");
        if (!inclusions.isArray() || inclusions.size() != entries.size()) {
            throw new AuditProblem("EVIDENCE_ENTRY_NOT_PROVEN", -1,
                    "Tệp " + EvidenceFiles.PROOF + " có " + inclusions.size() + " đường chứng minh cho " + entries.size()
                            + " mục nhật ký: mỗi mục cần đúng một đường.",
                    "The file " + EvidenceFiles.PROOF + " has " + inclusions.size() + " inclusion paths for "
                            + entries.size() + " log entries: each entry needs exactly one.");
        }
        for (int i = 0; i < entries.size(); i++) {
            LogEvent entry = entries.get(i);
            JsonNode inclusion = inclusions.get(i);
            if (inclusion.path("sequence").asLong(-1) != entry.sequence()
                    || inclusion.path("leafIndex").asLong(-1) != entry.sequence() - 1) {
                throw new AuditProblem("EVIDENCE_ENTRY_NOT_PROVEN", entry.sequence(),
                        "Mục nhật ký số " + entry.sequence() + " không có đường chứng minh trong " + EvidenceFiles.PROOF
                                + ".",
                        "Log entry " + entry.sequence() + " has no inclusion path in " + EvidenceFiles.PROOF + ".");
            }
            List<byte[]> path = new ArrayList<>();
            for (JsonNode hash : inclusion.path("path")) {
                path.add(hex(hash.asText(), "path"));
            }
            byte[] leaf = MerkleTree.leafHash(HEX.parseHex(entry.entryHash()));
            byte[] reached;
            try {
                reached = MerkleTree.rootFromInclusion(entry.sequence() - 1, size, leaf, path);
            } catch (MerkleTree.ProofException | RuntimeException e) {
                reached = null;
            }
            if (reached == null || !Arrays.equals(reached, root)) {
                throw new AuditProblem("EVIDENCE_INCLUSION_BROKEN", entry.sequence(),
                        "Đường chứng minh của mục nhật ký số " + entry.sequence() + " không dẫn tới gốc " + HEX.formatHex(root)
                                + " của cây " + size + " mục: mục này hoặc đường của nó đã bị sửa.",
                        "The inclusion path of log entry " + entry.sequence() + " does not lead to the root "
                                + HEX.formatHex(root) + " of the tree of " + size + " entries: the entry or its path"
                                + " was changed.");
            }
        }
        return root;
    }

    private static byte[] hex(String text, String what) throws AuditProblem {
        try {
            byte[] bytes = HEX.parseHex(text);
            if (bytes.length == 32) {
                return bytes;
            }
        } catch (IllegalArgumentException notHex) {
            // said below
        }
        throw new AuditProblem("EVIDENCE_PROOF_UNREADABLE", -1,
                "Tệp " + EvidenceFiles.PROOF + " có một giá trị " + what + " không phải là 64 chữ số thập lục phân.",
                "The file " + EvidenceFiles.PROOF + " has a " + what + " value that is not 64 hex digits.");
    }
}
