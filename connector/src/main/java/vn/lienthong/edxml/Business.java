package vn.lienthong.edxml;

import java.util.List;
import java.util.Optional;

/**
 * The business info of an edoc (the standard spells the element {@code Bussiness}): whether it is a new
 * document, a revocation, an update or a replacement, and what each of those needs.
 */
public record Business(
        String docType,
        String docReason,
        String paper,
        StaffInfo staffInfo,
        String documentId,
        BusinessDocumentInfo documentInfo,
        List<ReplacementInfo> replacements) {

    public Business {
        replacements = List.copyOf(replacements);
    }

    public Optional<BusinessDocType> knownDocType() {
        return BusinessDocType.fromCode(docType);
    }
}
