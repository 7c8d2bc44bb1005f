package vn.lienthong.dms;

import java.util.List;

/**
 * A document described as data, for a DMS that sends metadata and files instead of edXML (REST multipart, SOAP):
 * the connector builds the envelope. Optional fields may be null; missing dates default to today (Vietnam) and a
 * missing DocumentId is made from the sender, the date and the code (or is a UUID when there is no code).
 *
 * @param from     the sending agency's OrganId (must be one the client is bound to)
 * @param to       recipients (at least one)
 * @param priority 0 normal .. 4 timed express
 */
public record DocumentRequest(
        Agency from,
        List<Agency> to,
        String documentId,
        String codeNumber,
        String codeNotation,
        String place,
        String promulgationDate,
        Integer documentType,
        String documentTypeName,
        String subject,
        String content,
        Signer signer,
        Integer priority,
        String dueDate,
        List<AttachmentRequest> attachments) {

    public record Agency(String organId, String name) {
    }

    public record Signer(String competence, String position, String fullName) {
    }

    /** Describes one uploaded file by the name it was uploaded under; the content type is guessed when absent. */
    public record AttachmentRequest(String name, String contentType, String description) {
    }

    public DocumentRequest {
        to = to == null ? List.of() : List.copyOf(to);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
