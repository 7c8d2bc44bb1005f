package vn.lienthong.edxml;

import java.util.List;

/**
 * An edXML envelope as read or to be written. The header, trace and manifest are small and held in memory;
 * attachment bytes stay in spool files ({@link AttachmentContent}).
 *
 * @param traceHeaderList   null when absent
 * @param signaturePresent  whether edXMLHeader carries an XML-DSig Signature (checked by the signature module)
 * @param manifest          null when the envelope has no edXMLBody/edXMLManifest
 */
public record Envelope(
        MessageHeader header,
        TraceHeaderList traceHeaderList,
        boolean signaturePresent,
        Manifest manifest,
        List<Attachment> attachments) {

    public Envelope {
        attachments = List.copyOf(attachments);
    }

    public MessageType messageType() {
        return header.messageType();
    }

    public Business business() {
        return traceHeaderList == null ? null : traceHeaderList.business();
    }
}
