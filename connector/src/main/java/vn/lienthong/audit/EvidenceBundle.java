package vn.lienthong.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import vn.lienthong.audit.tree.Anchor;
import vn.lienthong.signature.xml.SigningKey;
import vn.lienthong.tracking.AnchorStore;
import vn.lienthong.tracking.DocumentFindings;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.LogTree;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.RecordedFinding;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;

/**
 * Builds one document's evidence bundle: an ASiC-E style ZIP holding the envelope as filed, its validation findings
 * and signature verdicts, its status timeline and log entries, and their RFC 9162 inclusion proofs up to the first
 * signed, time-stamped tree head that covers them; a manifest lists every file with its SHA-256 and, when the agency
 * key is at hand, is signed with it (detached CMS). See docs/auditing.md, "Evidence bundles".
 *
 * <p>{@link #prepare} reads everything but the envelope and says what is wrong (unknown key, not yet anchored) before
 * a byte is written; {@link Prepared#writeTo} then streams the ZIP, the envelope copied from its file.
 */
public final class EvidenceBundle {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final TrackingDatabase database;
    private final Path storeDirectory;
    private final SigningKey signingKey;
    private final java.util.function.Supplier<java.util.Optional<Anchor>> freshAnchor;

    /**
     * @param storeDirectory the connector's document store ({@code <data>/store}), where the envelope of key K is
     *                       {@code K.edxml}
     * @param signingKey     the agency's key to sign the manifest with; null leaves it unsigned
     */
    public EvidenceBundle(TrackingDatabase database, Path storeDirectory, SigningKey signingKey) {
        this(database, storeDirectory, signingKey, java.util.Optional::empty);
    }

    /**
     * @param freshAnchor asked for a new anchor when no stamped one covers the document's last entry yet (the running
     *                    connector's anchoring job), so an auditor need not wait for the next interval
     */
    public EvidenceBundle(TrackingDatabase database, Path storeDirectory, SigningKey signingKey,
            java.util.function.Supplier<java.util.Optional<Anchor>> freshAnchor) {
        this.database = database;
        this.storeDirectory = storeDirectory;
        this.signingKey = signingKey;
        this.freshAnchor = freshAnchor;
    }

    /**
     * Everything about the document, read and checked, ready to be written.
     *
     * @throws AuditProblem {@code UNKNOWN_DOCUMENT}, {@code ENVELOPE_NOT_STORED} or {@code NOT_YET_ANCHORED}
     */
    public Prepared prepare(String key) throws AuditProblem {
        DocumentKey documentKey = documentKey(key);
        DocumentTracker tracker = new DocumentTracker(database, java.time.Clock.systemUTC());
        TrackedDocument document = tracker.find(documentKey).orElseThrow(() -> unknown(key));
        Path envelope = storeDirectory.resolve(key + ".edxml");
        if (!Files.isRegularFile(envelope)) {
            throw new AuditProblem("ENVELOPE_NOT_STORED", -1,
                    "Gói tin của văn bản " + key + " không còn trong kho văn bản của bộ kết nối nên không lập được gói"
                            + " bằng chứng.",
                    "The envelope of document " + key + " is no longer in the connector's document store, so no"
                            + " evidence bundle can be made.");
        }
        TransmissionLog log = new TransmissionLog(database, java.time.Clock.systemUTC());
        List<LogEvent> events = new ArrayList<>(log.events(key));
        for (String step : EvidenceFiles.UNKEYED_STEPS) {
            events.addAll(log.unkeyedEvents(step, document.envelopeSha256()));
        }
        events.sort(Comparator.comparingLong(LogEvent::sequence));
        long last = events.isEmpty() ? 0 : events.get(events.size() - 1).sequence();
        AnchorStore anchors = new AnchorStore(database);
        Anchor anchor = anchors.firstStampedCovering(Math.max(last, 1))
                .or(() -> freshAnchor.get().flatMap(fresh -> anchors.firstStampedCovering(Math.max(last, 1))))
                .orElseThrow(() ->
                new AuditProblem("NOT_YET_ANCHORED", last,
                        "Mục nhật ký cuối của văn bản " + key + " (số " + last + ") chưa được neo bằng một đầu cây có chữ"
                                + " ký và dấu thời gian. Hãy thử lại sau lần neo kế tiếp.",
                        "The last log entry of document " + key + " (number " + last + ") is not yet anchored by a"
                                + " signed, time-stamped tree head. Try again after the next anchor."));
        long size = anchor.head().size();
        LogTree tree = new LogTree(database);
        if (tree.extend(size) < size || !HEX.formatHex(tree.root(size)).equals(anchor.head().root())) {
            throw new IllegalStateException("the stored tree of the transmission log does not give the root of the"
                    + " anchor of tree size " + size);
        }
        Map<Long, List<byte[]>> paths = new LinkedHashMap<>();
        for (LogEvent event : events) {
            paths.put(event.sequence(), tree.inclusionProof(event.sequence(), size));
        }
        return new Prepared(document, envelope, events, paths, anchor, tracker.timeline(documentKey),
                new DocumentFindings(database).of(documentKey));
    }

    private static DocumentKey documentKey(String key) throws AuditProblem {
        try {
            return new DocumentKey(key);
        } catch (RuntimeException notAKey) {
            throw unknown(key);
        }
    }

    private static AuditProblem unknown(String key) {
        String shown = key == null ? "" : key.length() > 80 ? key.substring(0, 80) + "…" : key;
        return new AuditProblem("UNKNOWN_DOCUMENT", -1, "Không có văn bản nào mang mã " + shown + ".",
                "No document has the key " + shown + ".");
    }

    /** One document's evidence, read; {@link #writeTo} writes its bundle. */
    public final class Prepared {

        private final TrackedDocument document;
        private final Path envelope;
        private final List<LogEvent> events;
        private final Map<Long, List<byte[]>> paths;
        private final Anchor anchor;
        private final List<RecipientStatus> timeline;
        private final List<RecordedFinding> findings;
        private final Map<String, byte[]> digests = new LinkedHashMap<>();

        private Prepared(TrackedDocument document, Path envelope, List<LogEvent> events, Map<Long, List<byte[]>> paths,
                Anchor anchor, List<RecipientStatus> timeline, List<RecordedFinding> findings) {
            this.document = document;
            this.envelope = envelope;
            this.events = List.copyOf(events);
            this.paths = paths;
            this.anchor = anchor;
            this.timeline = timeline;
            this.findings = findings;
        }

        public String documentKey() {
            return document.key().value();
        }

        /** The tree size of the head the bundle's proofs lead to. */
        public long anchorSize() {
            return anchor.head().size();
        }

        public int entries() {
            return events.size();
        }

        /**
         * Streams the ZIP to {@code out}, which stays open. If the stored envelope no longer has the hash it was
         * filed with, what was written must be thrown away: {@code EVIDENCE_STORED_ENVELOPE_CHANGED}.
         */
        public void writeTo(OutputStream out) throws IOException, AuditProblem {
            digests.clear();
            ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the caller closes its own stream
                }
            });
            mimetype(zip);
            zip.putNextEntry(new ZipEntry(EvidenceFiles.ENVELOPE));
            MessageDigest sha256 = sha256();
            try (InputStream in = Files.newInputStream(envelope)) {
                in.transferTo(new DigestOutputStream(zip, sha256));
            }
            zip.closeEntry();
            byte[] envelopeHash = sha256.digest();
            digests.put(EvidenceFiles.ENVELOPE, envelopeHash);
            if (!HEX.formatHex(envelopeHash).equals(document.envelopeSha256())) {
                throw new AuditProblem("EVIDENCE_STORED_ENVELOPE_CHANGED", -1,
                        "Tệp gói tin " + envelope.getFileName() + " trong kho văn bản không còn mang mã băm "
                                + document.envelopeSha256() + " đã ghi khi nhận, nên không lập gói bằng chứng từ nó.",
                        "The envelope file " + envelope.getFileName() + " in the document store no longer has the hash "
                                + document.envelopeSha256() + " recorded when it was taken in, so no evidence bundle is"
                                + " made from it.");
            }
            file(zip, EvidenceFiles.VALIDATION, json(EvidenceViews.validation(document, findings)));
            file(zip, EvidenceFiles.SIGNATURES, json(EvidenceViews.signatures(document, envelope, events)));
            file(zip, EvidenceFiles.TIMELINE, json(EvidenceViews.timeline(document, timeline)));
            file(zip, EvidenceFiles.LOG, logLines());
            file(zip, EvidenceFiles.PROOF, json(proof()));
            file(zip, EvidenceFiles.HEAD, anchor.head().bytes());
            file(zip, EvidenceFiles.HEAD_SIGNATURE, anchor.signature());
            file(zip, EvidenceFiles.HEAD_TIMESTAMP, anchor.timestamp());
            file(zip, EvidenceFiles.SIGNER, pem(anchor.certificates()));
            file(zip, EvidenceFiles.ALGORITHM, (anchor.algorithm() + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] manifest = AsicManifest.write(digests, signingKey != null);
            file(zip, EvidenceFiles.MANIFEST, manifest);
            if (signingKey != null) {
                file(zip, EvidenceFiles.MANIFEST_SIGNATURE, ManifestSignature.sign(signingKey, manifest));
            }
            zip.finish();
            zip.flush();
        }

        private void file(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(bytes);
            zip.closeEntry();
            if (EvidenceFiles.LISTED.contains(name)) {
                digests.put(name, sha256().digest(bytes));
            }
        }

        private byte[] logLines() throws IOException {
            StringBuilder lines = new StringBuilder();
            for (LogEvent event : events) {
                lines.append(JSON.writeValueAsString(EvidenceFiles.entry(event))).append('\n');
            }
            return lines.toString().getBytes(StandardCharsets.UTF_8);
        }

        private Map<String, Object> proof() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("size", anchor.head().size());
            body.put("root", anchor.head().root());
            body.put("inclusions", paths.entrySet().stream().map(path -> {
                Map<String, Object> inclusion = new LinkedHashMap<>();
                inclusion.put("sequence", path.getKey());
                inclusion.put("leafIndex", path.getKey() - 1);
                inclusion.put("path", path.getValue().stream().map(HEX::formatHex).toList());
                return inclusion;
            }).toList());
            return body;
        }
    }

    private static byte[] json(Object value) throws IOException {
        return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void mimetype(ZipOutputStream zip) throws IOException {
        byte[] type = EvidenceFiles.MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry(EvidenceFiles.MIMETYPE);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(type.length);
        entry.setCompressedSize(type.length);
        CRC32 crc = new CRC32();
        crc.update(type);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(type);
        zip.closeEntry();
    }

    static byte[] pem(List<X509Certificate> chain) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("a certificate of the anchor's signer cannot be encoded", e);
            }
        }
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
