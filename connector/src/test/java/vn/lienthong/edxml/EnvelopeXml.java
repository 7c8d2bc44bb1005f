package vn.lienthong.edxml;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Small hand-written envelopes for reader tests, so each test shows the exact bytes it feeds in. */
final class EnvelopeXml {

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private EnvelopeXml() {
    }

    static String edoc(String headerExtras, String attachmentsXml) {
        return DECLARATION
                + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">\n"
                + " <edXMLEnvelope>\n"
                + "  <edXMLHeader>\n"
                + "   <MessageHeader>\n"
                + "    <From><OrganId>000.00.00.G22</OrganId><OrganName>Văn phòng Chính phủ</OrganName></From>\n"
                + "    <To><OrganId>000.00.00.H41</OrganId></To>\n"
                + "    <DocumentId>6f1c2f1e-2f0a-4b8e-9d55-0e7c3a1b2c3d</DocumentId>\n"
                + "    <Subject>Về việc triển khai</Subject>\n"
                + headerExtras
                + "   </MessageHeader>\n"
                + "  </edXMLHeader>\n"
                + "  <edXMLBody><edXMLManifest version=\"1.0\">"
                + "<Reference><ContentId>cid:a1</ContentId><ContentType>text/plain</ContentType>"
                + "<AttachmentName>a.txt</AttachmentName></Reference></edXMLManifest></edXMLBody>\n"
                + " </edXMLEnvelope>\n"
                + attachmentsXml
                + "</edXML>\n";
    }

    static String textAttachment(String base64) {
        return " <AttachmentEncoded><Attachment><ContentId>a1</ContentId><AttachmentName>a.txt</AttachmentName>"
                + "<ContentType>text/plain</ContentType><ContentTransferEncoded>" + base64
                + "</ContentTransferEncoded></Attachment></AttachmentEncoded>\n";
    }

    static String base64(String text) {
        return Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
