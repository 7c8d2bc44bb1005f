package vn.lienthong.ops.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.edxml.MessageType;

/** Documents the Government Office sends straight to the axis, as another agency's software would. */
final class ConsoleTraffic {

    private static final String PDF = Base64.getEncoder().encodeToString(onePagePdf());

    private ConsoleTraffic() {
    }

    /** An edoc from the Government Office addressed to {@code to}, put in {@code mailbox}'s box on the axis. */
    static String send(DemoNetwork network, Path folder, String to, String mailbox, String number) throws Exception {
        String office = ConsoleConnector.OFFICE.organId();
        String documentId = office + ",2026/12/05," + number + "/VPCP-KGVX";
        Path file = Files.writeString(folder.resolve("edoc-" + number + ".edxml"), envelope(office, to, documentId, number),
                StandardCharsets.UTF_8);
        try (AxisClient sender = network.axisClientOf(office)) {
            sender.sendEdoc(file, office, MessageType.EDOC, List.of(mailbox));
        }
        return documentId;
    }

    /** An edoc from {@code from} to {@code to} dropped in a DMS outbox (written aside, then moved in whole). */
    static String drop(Path outbox, String from, String to, String number) throws Exception {
        String documentId = from + ",2026/12/05," + number + "/UBND-VP";
        Files.createDirectories(outbox);
        Path part = Files.writeString(outbox.resolve("edoc-" + number + ".part"), envelope(from, to, documentId, number),
                StandardCharsets.UTF_8);
        Files.move(part, outbox.resolve("edoc-" + number + ".edxml"));
        return documentId;
    }

    private static String envelope(String office, String to, String documentId, String number) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n<edXMLEnvelope>\n<edXMLHeader>\n<MessageHeader>\n"
                + "<From><OrganId>" + office + "</OrganId><OrganName>Cơ quan gửi</OrganName></From>\n"
                + "<To><OrganId>" + to + "</OrganId></To>\n"
                + "<DocumentId>" + documentId + "</DocumentId>\n"
                + "<Code><CodeNumber>" + number + "</CodeNumber><CodeNotation>VPCP-KGVX</CodeNotation></Code>\n"
                + "<PromulgationInfo><Place>Hà Nội</Place><PromulgationDate>2026/12/05</PromulgationDate></PromulgationInfo>\n"
                + "<Subject>Về việc thử bảng điều khiển, văn bản số " + number + "</Subject>\n"
                + "</MessageHeader>\n</edXMLHeader>\n"
                + "<edXMLBody><edXMLManifest version=\"1.0\"><Reference><ContentId>cid:vb</ContentId>"
                + "<AttachmentName>van-ban.pdf</AttachmentName><ContentType>application/pdf</ContentType></Reference>"
                + "</edXMLManifest></edXMLBody>\n</edXMLEnvelope>\n"
                + "<AttachmentEncoded><Attachment><ContentId>vb</ContentId><ContentType>application/pdf</ContentType>"
                + "<AttachmentName>van-ban.pdf</AttachmentName><ContentTransferEncoded>" + PDF
                + "</ContentTransferEncoded></Attachment></AttachmentEncoded>\n</edXML>\n";
    }

    /** The envelope of document {@code number} the connector wrote to the DMS's inbox, once it has. */
    static Optional<Path> delivered(Path inbox, String number) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".edxml"))
                    .filter(file -> file.getFileName().toString().contains("_" + number + "_")).findFirst();
        }
    }

    private static byte[] onePagePdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
