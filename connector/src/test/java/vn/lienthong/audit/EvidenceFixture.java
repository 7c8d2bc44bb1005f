package vn.lienthong.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import vn.lienthong.findings.Direction;
import vn.lienthong.signature.xml.SigningKey;
import vn.lienthong.tracking.DocumentFindings;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.RecordedFinding;
import vn.lienthong.tracking.TrackedDocument;

/**
 * One outbound document that went through the tracking and log APIs as intake, sending and a recipient's answer write
 * them, its envelope filed in the store, other documents' entries around it, and the log anchored after it.
 */
public final class EvidenceFixture implements AutoCloseable {

    static final String SENDER = "000.00.00.G22";
    static final String RECIPIENT = "000.00.00.H53";

    public final AuditLogFixture log;
    public final Path store;
    public final byte[] envelope;
    public final String sha256;
    public final String key;
    final DocumentTracker tracker;
    private final Path largeSource;

    /** A data directory laid out as the connector's: the database in {@code db/}, envelopes in {@code store/}. */
    public EvidenceFixture(Path data) throws Exception {
        this(data, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<edXMLEnvelope><Subject>Công văn về việc họp"
                + " giao ban tháng 12</Subject></edXMLEnvelope>\n").getBytes(StandardCharsets.UTF_8), null);
    }

    /** As above, with an envelope of {@code size} bytes written to the store in pieces, never whole in memory. */
    public static EvidenceFixture withLargeEnvelope(Path data, long size) throws Exception {
        Path source = Files.createDirectories(data).resolve("large-envelope.part");
        MessageDigest digest = EvidenceBundle.sha256();
        byte[] piece = new byte[1024 * 1024];
        new java.util.Random(20261205L).nextBytes(piece);
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(source), digest)) {
            for (long written = 0; written < size; written += piece.length) {
                out.write(piece, 0, (int) Math.min(piece.length, size - written));
            }
        }
        return new EvidenceFixture(data, null, new Source(source, HexFormat.of().formatHex(digest.digest())));
    }

    private record Source(Path file, String sha256) {
    }

    private EvidenceFixture(Path data, byte[] envelope, Source large) throws Exception {
        this.log = new AuditLogFixture(data.resolve("db"));
        this.store = Files.createDirectories(data.resolve("store"));
        this.envelope = envelope;
        this.sha256 = large != null ? large.sha256() : HexFormat.of().formatHex(EvidenceBundle.sha256().digest(envelope));
        this.key = DocumentKey.of(SENDER, "VB-2026-0042", sha256).value();
        this.tracker = new DocumentTracker(log.database, log.clock);
        this.largeSource = large == null ? null : large.file();
    }

    /** Other traffic, the document's own steps (signature verdict unkeyed, before it has its key), more traffic. */
    public EvidenceFixture passThrough() throws IOException {
        log.append(DocumentKey.of(SENDER, "VB-OTHER-1", "cd".repeat(32)).value(), 3);
        log.clock.advance(Duration.ofSeconds(5));
        log.log.append(null, "signatures-checked", "accept", 1, sha256, "outbox cong-van.edxml: VALID [XML VALID (serial 1f)]");
        if (largeSource != null) {
            Files.move(largeSource, store.resolve(key + ".edxml"));
        } else {
            Files.write(store.resolve(key + ".edxml"), envelope);
        }
        Files.writeString(store.resolve(key + ".edxml.signatures.json"),
                "{\"file\":\"cong-van.edxml\",\"verdict\":\"VALID\",\"signed\":true,\"reasons\":[],\"signatures\":[]}\n");
        tracker.register(new TrackedDocument(new DocumentKey(key), Direction.OUTBOUND, "edoc", SENDER, List.of(RECIPIENT),
                "VB-2026-0042", "42/VPCP-TTĐT", sha256, null, DocumentState.RECEIVED, null, null, null));
        new DocumentFindings(log.database).record(new DocumentKey(key), List.of(new RecordedFinding("DATE_IN_FUTURE",
                "WARNING", 3, 7, "/edXMLEnvelope/Subject", "Ngày ban hành ở tương lai.", "The issue date is in the future.")));
        step("intake-accepted", sha256, "outbox cong-van.edxml");
        step("queued", null, null);
        log.append(DocumentKey.of(SENDER, "VB-OTHER-2", "ef".repeat(32)).value(), 2);
        step("sent-to-axis", null, "axis DocId 991");
        tracker.addRecipientStatus(new DocumentKey(key), new RecipientStatus(RECIPIENT, "01", "Đã đến", log.clock.instant()));
        step("status-recorded", null, RECIPIENT + " reports 01");
        log.append(null, 2);
        return this;
    }

    private void step(String step, String contentHash, String detail) {
        log.clock.advance(Duration.ofSeconds(7));
        log.log.append(key, step, "ok", 1, contentHash, detail);
    }

    public EvidenceBundle bundles(SigningKey key) {
        return new EvidenceBundle(log.database, store, key);
    }

    /** Writes the bundle of the document to {@code file}. */
    public Path bundle(Path file, SigningKey signingKey) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            bundles(signingKey).prepare(key).writeTo(out);
        }
        return file;
    }

    @Override
    public void close() {
        log.close();
    }

    /** Every file of a bundle, in order. */
    public static Map<String, byte[]> files(Path zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(file.entries())) {
                files.put(entry.getName(), file.getInputStream(entry).readAllBytes());
            }
        }
        return files;
    }

    /** Writes {@code files} as a bundle: mimetype first and stored; a fresh unsigned manifest when asked. */
    public static Path write(Path zip, Map<String, byte[]> files, boolean freshManifest) throws IOException {
        Map<String, byte[]> written = new LinkedHashMap<>(files);
        if (freshManifest) {
            written.remove(EvidenceFiles.MANIFEST_SIGNATURE);
            Map<String, byte[]> digests = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> file : written.entrySet()) {
                if (!file.getKey().equals(EvidenceFiles.MIMETYPE) && !file.getKey().startsWith("META-INF/")) {
                    digests.put(file.getKey(), EvidenceBundle.sha256().digest(file.getValue()));
                }
            }
            written.put(EvidenceFiles.MANIFEST, AsicManifest.write(digests, false));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : written.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                if (file.getKey().equals(EvidenceFiles.MIMETYPE)) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(file.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(file.getValue());
                    entry.setCrc(crc.getValue());
                }
                out.putNextEntry(entry);
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        Files.write(zip, bytes.toByteArray());
        return zip;
    }
}
