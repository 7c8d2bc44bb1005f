package vn.lienthong.edxml;

import java.util.List;

/**
 * The header of an official document (edoc). A null component means the element was absent; an empty string
 * means it was present but empty. Values are kept exactly as sent, so that validation can say what is wrong
 * with them and a re-written envelope carries the same text.
 */
public record EdocHeader(
        Organization from,
        List<Organization> to,
        String documentId,
        DocumentCode code,
        PromulgationInfo promulgationInfo,
        DocumentType documentType,
        String subject,
        String content,
        SignerInfo signerInfo,
        String dueDate,
        List<String> toPlaces,
        OtherInfo otherInfo,
        ResponseFor responseFor,
        String steeringType) implements MessageHeader {

    public EdocHeader {
        to = List.copyOf(to);
        toPlaces = List.copyOf(toPlaces);
    }

    @Override
    public MessageType messageType() {
        return MessageType.EDOC;
    }
}
