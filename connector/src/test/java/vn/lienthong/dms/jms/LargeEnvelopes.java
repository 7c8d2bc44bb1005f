package vn.lienthong.dms.jms;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import vn.lienthong.edxml.SignerInfo;
import vn.lienthong.edxml.TraceHeader;
import vn.lienthong.edxml.TraceHeaderList;

/** A valid document whose PDF is padded to a given size: far beyond what Artemis sends as one message. */
final class LargeEnvelopes {

    private LargeEnvelopes() {
    }

    /** Returns the DocumentId. */
    static String write(Path target, Organization from, Organization to, int number, int pdfBytes) throws IOException {
        Path pdf = target.resolveSibling(target.getFileName() + ".pdf");
        try (Writer out = Files.newBufferedWriter(pdf, StandardCharsets.US_ASCII)) {
            out.write("%PDF-1.4\n");
            String padding = "%" + "x".repeat(78) + "\n";
            for (int written = 0; written < pdfBytes; written += padding.length()) {
                out.write(padding);
            }
            out.write("1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
                    + "trailer <</Root 1 0 R>>\n%%EOF\n");
        }
        String notation = from.organId().substring(from.organId().lastIndexOf('.') + 1) + "-LT";
        String documentId = from.organId() + ",2026/11/25," + number + "/" + notation;
        EdocHeader header = new EdocHeader(from, List.of(to), documentId, new DocumentCode(Integer.toString(number), notation),
                new PromulgationInfo("Hà Nội", "2026/11/25"), new DocumentType("1", "1", "Công văn"),
                "Văn bản lớn số " + number, "Nội dung.", new SignerInfo("KT. Bộ trưởng", "Thứ trưởng", "Nguyễn Văn An"),
                null, List.of("Như trên"), new OtherInfo("0", null, null, "1", "1", List.of(), "false"), null, "0");
        String name = "CV-" + number + ".pdf";
        TraceHeaderList trace = new TraceHeaderList(List.of(new TraceHeader(from.organId(), "2026/11/25 09:00:00")),
                new Business("0", null, "0", null, null, null, List.of()), Map.of());
        new EnvelopeWriter().write(new Envelope(header, trace, false,
                new Manifest("1.0", List.of(new ManifestReference("cid:cv" + number, "application/pdf", name, null, Map.of()))),
                List.of(new Attachment("cv" + number, name, "application/pdf", null, AttachmentContent.ofFile(pdf)))), target);
        Files.delete(pdf);
        return documentId;
    }
}
