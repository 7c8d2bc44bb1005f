package vn.lienthong.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.lienthong.axis.AxisTimestamp;
import vn.lienthong.edxml.Attachment;
import vn.lienthong.edxml.AttachmentContent;
import vn.lienthong.edxml.Business;
import vn.lienthong.edxml.DocumentCode;
import vn.lienthong.edxml.DocumentType;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.Envelope;
import vn.lienthong.edxml.EnvelopeWriter;
import vn.lienthong.edxml.Manifest;
import vn.lienthong.edxml.ManifestReference;
import vn.lienthong.edxml.Organization;
import vn.lienthong.edxml.OtherInfo;
import vn.lienthong.edxml.PromulgationInfo;
import vn.lienthong.edxml.ResponseFor;
import vn.lienthong.edxml.SignerInfo;
import vn.lienthong.edxml.StaffInfo;
import vn.lienthong.edxml.StatusCode;
import vn.lienthong.edxml.StatusHeader;
import vn.lienthong.edxml.TraceHeader;
import vn.lienthong.edxml.TraceHeaderList;

/**
 * Valid sample documents and status notices, built as models and written with the connector's own writer, for
 * the demo's stand-in DMSs and for load tests. Each document carries a small one-page PDF.
 */
public final class DemoDocuments {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final String PDF = "%PDF-1.4\n"
            + "1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            + "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
            + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
            + "trailer <</Root 1 0 R>>\n%%EOF\n";

    private final Path workDirectory;
    private final EnvelopeWriter writer = new EnvelopeWriter();

    public DemoDocuments(Path workDirectory) throws IOException {
        this.workDirectory = Files.createDirectories(workDirectory);
    }

    /** An official document from one agency to others, numbered {@code number}; returns its DocumentId too. */
    public record Written(Path file, String documentId) {
    }

    public Written writeEdoc(Path target, Organization from, List<Organization> to, int number, String subject)
            throws IOException {
        LocalDate today = LocalDate.of(2026, 11, 25);
        String notation = from.organId().substring(from.organId().lastIndexOf('.') + 1) + "-LT";
        String documentId = from.organId() + "," + DATE.format(today) + "," + number + "/" + notation;
        EdocHeader header = new EdocHeader(from, to, documentId, new DocumentCode(Integer.toString(number), notation),
                new PromulgationInfo("Hà Nội", DATE.format(today)), new DocumentType("1", "1", "Công văn"),
                subject, "Nội dung công văn số " + number + ".", new SignerInfo("KT. Bộ trưởng", "Thứ trưởng", "Nguyễn Văn An"),
                null, List.of("Như trên", "Lưu: VT"), new OtherInfo("0", null, null, "1", "1", List.of(), "false"), null, "0");
        Path pdf = Files.write(workDirectory.resolve("cv-" + UUID.randomUUID() + ".pdf"), PDF.getBytes(StandardCharsets.US_ASCII));
        String name = "CV-" + number + "-" + notation + ".pdf";
        Envelope envelope = new Envelope(header, trace(from.organId(), "0"), false,
                new Manifest("1.0", List.of(new ManifestReference("cid:cv" + number, "application/pdf", name, null, Map.of()))),
                List.of(new Attachment("cv" + number, name, "application/pdf", null, AttachmentContent.ofFile(pdf))));
        writer.write(envelope, target);
        Files.deleteIfExists(pdf);
        return new Written(target, documentId);
    }

    /** A status notice from the recipient {@code from} about a document it received from {@code sender}. */
    public void writeStatus(Path target, Organization from, String senderOrganId, String documentId, StatusCode code)
            throws IOException {
        String now = TIMESTAMP.format(LocalDateTime.now(AxisTimestamp.VIETNAM));
        StatusHeader header = new StatusHeader(from,
                new ResponseFor(senderOrganId, null, null, documentId),
                new StaffInfo("Văn thư", "Trần Thị Bình", null, null),
                code.code(), code.vietnamese() + " / " + code.english(), now);
        writer.write(new Envelope(header, null, false, null, List.of()), target);
    }

    private static TraceHeaderList trace(String organId, String businessType) {
        return new TraceHeaderList(List.of(new TraceHeader(organId, TIMESTAMP.format(LocalDateTime.of(2026, 11, 25, 9, 0, 0)))),
                new Business(businessType, null, "0", null, null, null, List.of()), Map.of());
    }
}
