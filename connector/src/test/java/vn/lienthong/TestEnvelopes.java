package vn.lienthong;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Correct envelopes written out in full, for tests that change one thing and look at the findings. */
public final class TestEnvelopes {

    private static final String PDF_BASE64 = Base64.getEncoder().encodeToString(
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

    /**
     * A correct edoc (no finding at all) sent by {@code from}, with {@code extraHeader} inserted after the Subject;
     * line numbers are stable: From is on line 6, the inserted header text starts on line 11.
     */
    public static String edoc(String from, String extraHeader) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n"
                + "<edXMLEnvelope>\n"
                + "<edXMLHeader>\n"
                + "<MessageHeader>\n"
                + "<From><OrganId>" + from + "</OrganId></From>\n"
                + "<To><OrganId>000.00.00.H41</OrganId></To>\n"
                + "<DocumentId>000.00.00.G22,2026/11/25,7816/VPCP-TTĐT</DocumentId>\n"
                + "<PromulgationInfo><Place>Hà Nội</Place><PromulgationDate>2026/11/25</PromulgationDate></PromulgationInfo>\n"
                + "<Subject>Về việc triển khai liên thông văn bản</Subject>\n"
                + extraHeader
                + "</MessageHeader>\n"
                + "</edXMLHeader>\n"
                + "<edXMLBody><edXMLManifest version=\"1.0\"><Reference><ContentId>cid:vb</ContentId>"
                + "<ContentType>application/pdf</ContentType><AttachmentName>vb.pdf</AttachmentName></Reference>"
                + "</edXMLManifest></edXMLBody>\n"
                + "</edXMLEnvelope>\n"
                + "<AttachmentEncoded><Attachment><ContentId>vb</ContentId><AttachmentName>vb.pdf</AttachmentName>"
                + "<ContentType>application/pdf</ContentType><ContentTransferEncoded>" + PDF_BASE64
                + "</ContentTransferEncoded></Attachment></AttachmentEncoded>\n"
                + "</edXML>\n";
    }

    private TestEnvelopes() {
    }
}
