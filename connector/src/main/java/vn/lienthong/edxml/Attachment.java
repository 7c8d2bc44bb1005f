package vn.lienthong.edxml;

/** One attachment of AttachmentEncoded; its bytes are in a spool file, never in the heap. */
public record Attachment(
        String contentId,
        String attachmentName,
        String contentType,
        String description,
        AttachmentContent content) {
}
