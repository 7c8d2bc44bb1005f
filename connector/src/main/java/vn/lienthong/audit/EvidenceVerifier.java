package vn.lienthong.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.audit.tree.TreeHead;
import vn.lienthong.tracking.LogEntryHash;
import vn.lienthong.tracking.LogEvent;

/**
 * Checks an evidence bundle alone, offline: the ASiC structure and every manifest digest (and the manifest's CMS
 * signature when there is one); each log entry's hash recomputed; the envelope's SHA-256 against its intake entry;
 * each entry's inclusion path to the proof's root; that root and size against the signed head; the head's signature
 * and time stamp. The first thing wrong is the {@link AuditProblem}, naming the file or the entry.
 */
public final class EvidenceVerifier {

    /** Problems that mean the input is no bundle at all (exit 2) rather than a bundle that fails (exit 1). */
    public static final String UNREADABLE = "EVIDENCE_UNREADABLE";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private EvidenceVerifier() {
    }

    /**
     * @param pinnedTsa  the TSA certificate the auditor trusts; null accepts the certificate inside the token
     * @param expectHead a head the auditor holds: its root, the SHA-256 of head.txt, or its last entry's hash (64 hex
     *                   digits); null for none
     */
    public static EvidenceVerdict verify(Path zip, X509Certificate pinnedTsa, String expectHead) throws AuditProblem {
        try (BundleZip bundle = BundleZip.open(zip)) {
            bundle.checkMimetype();
            byte[] manifest = bundle.read(EvidenceFiles.MANIFEST);
            String manifestSigner = null;
            if (bundle.has(EvidenceFiles.MANIFEST_SIGNATURE)) {
                manifestSigner = ManifestSignature.verify(bundle.read(EvidenceFiles.MANIFEST_SIGNATURE), manifest)
                        .getSubjectX500Principal().getName();
            }
            Map<String, byte[]> digests = checkDigests(bundle, AsicManifest.read(manifest));
            List<LogEvent> entries = entries(bundle.read(EvidenceFiles.LOG));
            String key = json(bundle, EvidenceFiles.TIMELINE).path("document").path("key").asText(null);
            String envelopeHash = HEX.formatHex(digests.get(EvidenceFiles.ENVELOPE));
            long intake = checkEnvelope(entries, key, envelopeHash);
            JsonNode proof = json(bundle, EvidenceFiles.PROOF);
            byte[] root = InclusionCheck.rootOf(entries, proof);
            TreeHead head = head(bundle.read(EvidenceFiles.HEAD));
            if (proof.path("size").asLong(-1) != head.size() || !HEX.formatHex(root).equals(head.root())) {
                throw new AuditProblem("EVIDENCE_PROOF_NOT_OF_HEAD", head.size(),
                        "Bằng chứng dẫn tới cây " + proof.path("size").asLong(-1) + " mục có gốc " + HEX.formatHex(root)
                                + ", nhưng đầu cây đã ký là cây " + head.size() + " mục có gốc " + head.root() + ".",
                        "The proofs lead to a tree of " + proof.path("size").asLong(-1) + " entries with root "
                                + HEX.formatHex(root) + ", but the signed head is of a tree of " + head.size()
                                + " entries with root " + head.root() + ".");
            }
            Anchor anchor = new Anchor(head, new String(bundle.read(EvidenceFiles.ALGORITHM), StandardCharsets.US_ASCII)
                    .strip(), bundle.read(EvidenceFiles.HEAD_SIGNATURE), certificates(bundle.read(EvidenceFiles.SIGNER)),
                    bundle.read(EvidenceFiles.HEAD_TIMESTAMP), null);
            AnchorVerdict anchored = AnchorCheck.verify(anchor, root, pinnedTsa, null);
            checkExpectedHead(head, expectHead);
            return new EvidenceVerdict(key, envelopeHash, intake, entries.stream().map(LogEvent::sequence).toList(),
                    anchored, manifestSigner);
        }
    }

    /** Every file but the container's own is listed, every listed file is there with the listed SHA-256. */
    private static Map<String, byte[]> checkDigests(BundleZip bundle, Map<String, byte[]> listed) throws AuditProblem {
        for (String name : bundle.names()) {
            boolean own = name.equals(EvidenceFiles.MIMETYPE) || name.equals(EvidenceFiles.MANIFEST)
                    || name.equals(EvidenceFiles.MANIFEST_SIGNATURE);
            if (!own && !listed.containsKey(name)) {
                throw new AuditProblem("EVIDENCE_FILE_NOT_IN_MANIFEST", -1,
                        "Tệp " + name + " có trong gói bằng chứng nhưng không có trong bản kê: nó đã được thêm vào sau.",
                        "The file " + name + " is in the evidence bundle but not in its manifest: it was added"
                                + " afterwards.");
            }
        }
        for (String required : EvidenceFiles.LISTED) {
            if (!listed.containsKey(required)) {
                throw new AuditProblem("EVIDENCE_FILE_MISSING", -1,
                        "Bản kê của gói bằng chứng không liệt kê tệp " + required + ".",
                        "The evidence bundle's manifest does not list the file " + required + ".");
            }
        }
        for (Map.Entry<String, byte[]> file : listed.entrySet()) {
            byte[] actual = bundle.sha256(file.getKey());
            if (!Arrays.equals(actual, file.getValue())) {
                throw new AuditProblem("EVIDENCE_DIGEST_MISMATCH", -1,
                        "Tệp " + file.getKey() + " của gói bằng chứng đã bị sửa: mã băm SHA-256 của nó là "
                                + HEX.formatHex(actual) + ", bản kê ghi " + HEX.formatHex(file.getValue()) + ".",
                        "The evidence bundle's file " + file.getKey() + " was changed: its SHA-256 is "
                                + HEX.formatHex(actual) + ", the manifest says " + HEX.formatHex(file.getValue()) + ".");
            }
        }
        return listed;
    }

    /** The log lines, each one's entryHash recomputed from its own fields. */
    private static List<LogEvent> entries(byte[] log) throws AuditProblem {
        List<LogEvent> entries = new ArrayList<>();
        String[] lines = new String(log, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty() && i == lines.length - 1) {
                continue;
            }
            LogEvent event = event(lines[i], i + 1);
            String recomputed = LogEntryHash.recompute(event);
            if (!recomputed.equals(event.entryHash())) {
                throw new AuditProblem("EVIDENCE_ENTRY_EDITED", event.sequence(),
                        "Mục nhật ký số " + event.sequence() + " trong " + EvidenceFiles.LOG + " đã bị sửa: các trường"
                                + " của nó cho mã băm " + recomputed + ", nhưng mục ghi " + event.entryHash() + ".",
                        "Log entry " + event.sequence() + " in " + EvidenceFiles.LOG + " was edited: its fields hash to "
                                + recomputed + ", but it says " + event.entryHash() + ".");
            }
            if (!entries.isEmpty() && entries.get(entries.size() - 1).sequence() >= event.sequence()) {
                throw new AuditProblem("EVIDENCE_ENTRY_ORDER", event.sequence(),
                        "Mục nhật ký số " + event.sequence() + " đứng sau mục số " + entries.get(entries.size() - 1)
                                .sequence() + " trong " + EvidenceFiles.LOG + ": các mục phải theo thứ tự tăng dần.",
                        "Log entry " + event.sequence() + " comes after entry " + entries.get(entries.size() - 1)
                                .sequence() + " in " + EvidenceFiles.LOG + ": entries must be in increasing order.");
            }
            entries.add(event);
        }
        if (entries.isEmpty()) {
            throw new AuditProblem("EVIDENCE_LOG_EMPTY", -1,
                    "Tệp " + EvidenceFiles.LOG + " của gói bằng chứng không có mục nào.",
                    "The evidence bundle's " + EvidenceFiles.LOG + " holds no entry.");
        }
        return entries;
    }

    private static LogEvent event(String line, int number) throws AuditProblem {
        try {
            JsonNode e = JSON.readTree(line);
            if (!"entry".equals(e.path("type").asText()) || !e.path("sequence").canConvertToLong()
                    || !e.path("attempt").canConvertToInt()) {
                throw new IOException("not an entry object");
            }
            String time = e.path("time").asText();
            Instant parsed = Instant.parse(time);
            if (!LogEntryHash.canonicalTime(parsed).equals(time)) {
                throw new IOException("time " + time + " is not written as hashed");
            }
            return new LogEvent(e.path("sequence").asLong(), parsed, text(e, "documentKey"), text(e, "step"),
                    text(e, "outcome"), e.path("attempt").asInt(), text(e, "contentHash"), text(e, "detail"),
                    text(e, "previousHash"), text(e, "entryHash"));
        } catch (IOException | DateTimeParseException e) {
            throw new AuditProblem("EVIDENCE_ENTRY_UNREADABLE", -1,
                    "Dòng " + number + " của " + EvidenceFiles.LOG + " không phải là một mục nhật ký đọc được.",
                    "Line " + number + " of " + EvidenceFiles.LOG + " is not a readable log entry (" + e.getMessage()
                            + ").");
        }
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    /**
     * Every entry is the document's own, or an unkeyed signature entry about its envelope; the first intake entry's
     * contentHash is the envelope's SHA-256. Returns that entry's sequence.
     */
    private static long checkEnvelope(List<LogEvent> entries, String key, String envelopeHash) throws AuditProblem {
        if (key == null) {
            throw new AuditProblem("EVIDENCE_NO_DOCUMENT_KEY", -1,
                    "Tệp " + EvidenceFiles.TIMELINE + " của gói bằng chứng không ghi mã văn bản (document.key).",
                    "The evidence bundle's " + EvidenceFiles.TIMELINE + " does not name the document (document.key).");
        }
        LogEvent intake = entries.stream().filter(entry -> key.equals(entry.documentKey())
                && EvidenceFiles.INTAKE_STEPS.contains(entry.step())).findFirst().orElse(null);
        if (intake == null) {
            throw new AuditProblem("EVIDENCE_NO_INTAKE_ENTRY", -1,
                    "Gói bằng chứng không có mục nhật ký tiếp nhận nào của văn bản " + key + ", nên không đối chiếu"
                            + " được gói tin với nhật ký.",
                    "The evidence bundle has no intake entry of document " + key + ", so the envelope cannot be"
                            + " matched against the log.");
        }
        if (!envelopeHash.equals(intake.contentHash())) {
            throw new AuditProblem("EVIDENCE_ENVELOPE_SWAPPED", intake.sequence(),
                    "Tệp " + EvidenceFiles.ENVELOPE + " không phải là gói tin đã được tiếp nhận: mã băm SHA-256 của nó là "
                            + envelopeHash + ", nhưng mục nhật ký số " + intake.sequence() + " (" + intake.step()
                            + ") ghi " + intake.contentHash() + ".",
                    "The file " + EvidenceFiles.ENVELOPE + " is not the envelope that was taken in: its SHA-256 is "
                            + envelopeHash + ", but log entry " + intake.sequence() + " (" + intake.step() + ") says "
                            + intake.contentHash() + ".");
        }
        for (LogEvent entry : entries) {
            boolean own = key.equals(entry.documentKey());
            boolean aboutEnvelope = entry.documentKey() == null && EvidenceFiles.UNKEYED_STEPS.contains(entry.step())
                    && envelopeHash.equals(entry.contentHash());
            if (!own && !aboutEnvelope) {
                throw new AuditProblem("EVIDENCE_FOREIGN_ENTRY", entry.sequence(),
                        "Mục nhật ký số " + entry.sequence() + " (" + entry.step() + ") không thuộc văn bản " + key
                                + " cũng không nói về gói tin của nó.",
                        "Log entry " + entry.sequence() + " (" + entry.step() + ") belongs neither to document " + key
                                + " nor to its envelope.");
            }
        }
        return intake.sequence();
    }

    private static TreeHead head(byte[] text) throws AuditProblem {
        try {
            return TreeHead.parse(new String(text, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new AuditProblem("EVIDENCE_HEAD_UNREADABLE", -1,
                    "Tệp " + EvidenceFiles.HEAD + " không phải là một đầu cây " + TreeHead.FORMAT + " đọc được.",
                    "The file " + EvidenceFiles.HEAD + " is not a readable " + TreeHead.FORMAT + " head ("
                            + e.getMessage() + ").");
        }
    }

    private static List<X509Certificate> certificates(byte[] pem) throws AuditProblem {
        try {
            List<X509Certificate> chain = new ArrayList<>();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (var certificate : factory.generateCertificates(new ByteArrayInputStream(pem))) {
                chain.add((X509Certificate) certificate);
            }
            return chain;
        } catch (CertificateException e) {
            throw new AuditProblem("EVIDENCE_SIGNER_UNREADABLE", -1,
                    "Không đọc được chứng thư của người ký trong " + EvidenceFiles.SIGNER + ".",
                    "The signer's certificates in " + EvidenceFiles.SIGNER + " cannot be read (" + e.getMessage() + ").");
        }
    }

    private static JsonNode json(BundleZip bundle, String name) throws AuditProblem {
        try {
            return JSON.readTree(bundle.read(name));
        } catch (IOException e) {
            throw new AuditProblem("EVIDENCE_FILE_UNREADABLE", -1,
                    "Tệp " + name + " của gói bằng chứng không phải là JSON đọc được.",
                    "The evidence bundle's file " + name + " is not readable JSON (" + e.getMessage() + ").");
        }
    }

    /** The auditor's head: its root, the SHA-256 of its exact text, or its last entry's hash (as verify takes it). */
    private static void checkExpectedHead(TreeHead head, String expectHead) throws AuditProblem {
        if (expectHead == null) {
            return;
        }
        String expected = expectHead.strip().toLowerCase(Locale.ROOT);
        String textHash = HEX.formatHex(EvidenceBundle.sha256().digest(head.bytes()));
        if (!expected.equals(head.root()) && !expected.equals(textHash) && !expected.equals(head.last())) {
            throw new AuditProblem("EVIDENCE_HEAD_NOT_EXPECTED", head.size(),
                    "Đầu cây trong gói bằng chứng (cây " + head.size() + " mục, gốc " + head.root() + ", SHA-256 của"
                            + " head.txt " + textHash + ") không phải là đầu cây " + expected + " mà kiểm toán viên"
                            + " nắm giữ.",
                    "The head in the evidence bundle (tree of " + head.size() + " entries, root " + head.root()
                            + ", SHA-256 of head.txt " + textHash + ") is not the head " + expected + " the auditor"
                            + " holds.");
        }
    }
}
