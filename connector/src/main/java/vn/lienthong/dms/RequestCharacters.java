package vn.lienthong.dms;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import vn.lienthong.findings.Shown;

/**
 * What a client sends as data (metadata and files, a status report) becomes edXML, and XML 1.0 cannot carry every
 * character: NUL, ESC and the other C0 controls but tab, line feed and carriage return, U+FFFE and U+FFFF, or half
 * a surrogate pair. Such a value once failed the envelope writer and came back as a 500; it is now the client's
 * error, named by field. Identifiers (OrganIds, DocumentId, the status code) may hold no control or invisible
 * character at all, as in an envelope (IDENTIFIER_CONTROL_CHARACTER).
 */
final class RequestCharacters {

    private final List<DmsError> errors = new ArrayList<>();

    private RequestCharacters() {
    }

    static List<DmsError> of(DocumentRequest request, List<AttachedFile> files) {
        RequestCharacters check = new RequestCharacters();
        if (request.from() != null) {
            check.identifier("from.organId", request.from().organId());
            check.text("from.name", request.from().name());
        }
        for (int i = 0; i < request.to().size(); i++) {
            DocumentRequest.Agency to = request.to().get(i);
            if (to != null) {
                check.identifier("to[" + (i + 1) + "].organId", to.organId());
                check.text("to[" + (i + 1) + "].name", to.name());
            }
        }
        check.identifier("documentId", request.documentId());
        check.text("codeNumber", request.codeNumber());
        check.text("codeNotation", request.codeNotation());
        check.text("place", request.place());
        check.text("promulgationDate", request.promulgationDate());
        check.text("documentTypeName", request.documentTypeName());
        check.text("subject", request.subject());
        check.text("content", request.content());
        if (request.signer() != null) {
            check.text("signer.competence", request.signer().competence());
            check.text("signer.position", request.signer().position());
            check.text("signer.fullName", request.signer().fullName());
        }
        check.text("dueDate", request.dueDate());
        for (int i = 0; i < request.attachments().size(); i++) {
            DocumentRequest.AttachmentRequest attachment = request.attachments().get(i);
            if (attachment != null) {
                check.text("attachments[" + (i + 1) + "].name", attachment.name());
                check.text("attachments[" + (i + 1) + "].contentType", attachment.contentType());
                check.text("attachments[" + (i + 1) + "].description", attachment.description());
            }
        }
        for (int i = 0; i < files.size(); i++) {
            check.text("files[" + (i + 1) + "].name", files.get(i).name());
        }
        return check.errors;
    }

    static List<DmsError> of(StatusReport report) {
        RequestCharacters check = new RequestCharacters();
        check.identifier("statusCode", report.statusCode());
        check.text("description", report.description());
        check.text("department", report.department());
        check.text("staff", report.staff());
        check.text("email", report.email());
        check.text("mobile", report.mobile());
        return check.errors;
    }

    private void identifier(String field, String value) {
        if (value != null) {
            report(field, value.codePoints().filter(Shown::isInvisible).findFirst());
        }
    }

    private void text(String field, String value) {
        if (value != null) {
            report(field, value.codePoints().filter(codePoint -> !isXmlCharacter(codePoint)).findFirst());
        }
    }

    private void report(String field, OptionalInt codePoint) {
        codePoint.ifPresent(found ->
                errors.add(DmsError.at(field, GatewayCode.CONTROL_CHARACTER, field, String.format("U+%04X", found))));
    }

    /** XML 1.0's Char production; a lone surrogate arrives as its own code point and is not one. */
    static boolean isXmlCharacter(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }
}
