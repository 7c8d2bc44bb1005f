package vn.lienthong.validation;

/** Element paths as findings show them; repeatable elements carry a 1-based index. */
final class EdxmlPaths {

    static final String MESSAGE_HEADER = "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader";
    static final String FROM = MESSAGE_HEADER + "/From";
    static final String RESPONSE_FOR = MESSAGE_HEADER + "/ResponseFor";
    static final String TRACE_HEADER_LIST = "/edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList";
    static final String BUSINESS = TRACE_HEADER_LIST + "/Bussiness";
    static final String BODY = "/edXML/edXMLEnvelope/edXMLBody";
    static final String MANIFEST = BODY + "/edXMLManifest";
    static final String ATTACHMENT_ENCODED = "/edXML/AttachmentEncoded";

    private EdxmlPaths() {
    }

    static String header(String child) {
        return MESSAGE_HEADER + "/" + child;
    }

    static String to(int index) {
        return indexed(MESSAGE_HEADER + "/To", index);
    }

    static String traceHeader(int index) {
        return indexed(TRACE_HEADER_LIST + "/TraceHeader", index);
    }

    static String replacementInfo(int index) {
        return indexed(BUSINESS + "/ReplacementInfoList/ReplacementInfo", index);
    }

    static String receiver(int index) {
        return indexed(BUSINESS + "/BussinessDocumentInfo/ReceiverList/Receiver", index);
    }

    static String reference(int index) {
        return indexed(MANIFEST + "/Reference", index);
    }

    static String attachment(int index) {
        return indexed(ATTACHMENT_ENCODED + "/Attachment", index);
    }

    /** {@code index} is 0-based, as in the model's lists; paths count from 1. */
    static String indexed(String path, int index) {
        return path + "[" + (index + 1) + "]";
    }
}
