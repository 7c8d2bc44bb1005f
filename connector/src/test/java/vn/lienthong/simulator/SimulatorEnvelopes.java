package vn.lienthong.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Small edXML envelopes written out as text: an edoc to any recipients, and a status about one. */
final class SimulatorEnvelopes {

    private static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    private SimulatorEnvelopes() {
    }

    static byte[] edoc(String from, String documentId, String... recipients) {
        StringBuilder to = new StringBuilder();
        for (String recipient : recipients) {
            to.append("<To><OrganId>").append(recipient).append("</OrganId></To>\n");
        }
        String pdf = Base64.getEncoder().encodeToString(
                "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<edXML xmlns=\"" + NAMESPACE + "\">\n"
                + "<edXMLEnvelope><edXMLHeader><MessageHeader>\n"
                + "<From><OrganId>" + from + "</OrganId></From>\n"
                + to
                + "<DocumentId>" + documentId + "</DocumentId>\n"
                + "<Code><CodeNumber>7816</CodeNumber><CodeNotation>VPCP-TTĐT</CodeNotation></Code>\n"
                + "<Subject>Về việc triển khai liên thông văn bản</Subject>\n"
                + "</MessageHeader></edXMLHeader>\n"
                + "<edXMLBody><edXMLManifest version=\"1.0\"><Reference><ContentId>cid:vb</ContentId>"
                + "<ContentType>application/pdf</ContentType><AttachmentName>vb.pdf</AttachmentName></Reference>"
                + "</edXMLManifest></edXMLBody></edXMLEnvelope>\n"
                + "<AttachmentEncoded><Attachment><ContentId>vb</ContentId><AttachmentName>vb.pdf</AttachmentName>"
                + "<ContentType>application/pdf</ContentType><ContentTransferEncoded>" + pdf
                + "</ContentTransferEncoded></Attachment></AttachmentEncoded>\n"
                + "</edXML>\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A status from {@code from} about document {@code documentId}, which {@code originalSender} sent. */
    static byte[] status(String from, String originalSender, String documentId, String statusCode) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<edXML xmlns=\"" + NAMESPACE + "\">\n"
                + "<edXMLEnvelope><edXMLHeader><MessageHeader>\n"
                + "<From><OrganId>" + from + "</OrganId></From>\n"
                + "<ResponseFor><OrganId>" + originalSender + "</OrganId><Code>7816/VPCP-TTĐT</Code>"
                + "<DocumentId>" + documentId + "</DocumentId><PromulgationDate>2026/11/25</PromulgationDate>"
                + "</ResponseFor>\n"
                + "<StaffInfo><Department>Văn thư</Department><Staff>Nguyễn Thị Bình</Staff></StaffInfo>\n"
                + "<StatusCode>" + statusCode + "</StatusCode>\n"
                + "<Description>Đã tiếp nhận, vào sổ</Description>\n"
                + "<Timestamp>2026/11/25 10:15:00</Timestamp>\n"
                + "</MessageHeader></edXMLHeader></edXMLEnvelope>\n"
                + "</edXML>\n").getBytes(StandardCharsets.UTF_8);
    }
}
