package vn.lienthong.simulator;

import java.util.List;
import java.util.Objects;
import vn.lienthong.edxml.DocumentCode;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.Envelope;
import vn.lienthong.edxml.MessageType;
import vn.lienthong.edxml.Organization;
import vn.lienthong.edxml.ResponseFor;
import vn.lienthong.edxml.StatusCode;
import vn.lienthong.edxml.StatusHeader;

/**
 * What the simulated axis reads from a package: who sends it, who it goes to, and what the sender's list shows.
 * For a status, the recipient is the agency that sent the original document (ResponseFor/OrganId) and
 * {@code documentId} is that document's DocumentId.
 *
 * @param from       From/OrganId, or null
 * @param recipients To/OrganId of an edoc, or ResponseFor/OrganId of a status
 * @param documentId DocumentId of an edoc, or ResponseFor/DocumentId of a status; null when absent
 * @param title      Subject of an edoc, Description of a status
 * @param notation   "number/notation" of an edoc, ResponseFor/Code of a status
 * @param statusCode StatusCode of a status, null for an edoc
 */
record EnvelopeFacts(MessageType type, String from, List<String> recipients, String documentId, String title,
                     String notation, String statusCode, String statusDescription) {

    EnvelopeFacts {
        recipients = List.copyOf(recipients);
    }

    static EnvelopeFacts of(Envelope envelope) {
        if (envelope.header() instanceof StatusHeader status) {
            return ofStatus(status);
        }
        EdocHeader edoc = (EdocHeader) envelope.header();
        List<String> to = edoc.to().stream().map(Organization::organId).map(EnvelopeFacts::clean)
                .filter(Objects::nonNull).distinct().toList();
        return new EnvelopeFacts(MessageType.EDOC, organId(edoc.from()), to, clean(edoc.documentId()),
                text(edoc.subject()), notation(edoc.code()), null, null);
    }

    private static EnvelopeFacts ofStatus(StatusHeader status) {
        ResponseFor about = status.responseFor();
        String recipient = about == null ? null : clean(about.organId());
        String statusCode = clean(status.statusCode());
        String description = clean(status.description());
        if (description == null && statusCode != null) {
            description = StatusCode.fromCode(statusCode).map(StatusCode::vietnamese).orElse("");
        }
        return new EnvelopeFacts(MessageType.STATUS, organId(status.from()),
                recipient == null ? List.of() : List.of(recipient),
                about == null ? null : clean(about.documentId()),
                text(description), about == null ? "" : text(about.code()), statusCode, text(description));
    }

    private static String organId(Organization organization) {
        return organization == null ? null : clean(organization.organId());
    }

    private static String notation(DocumentCode code) {
        if (code == null) {
            return "";
        }
        String number = text(code.codeNumber());
        String notation = text(code.codeNotation());
        return number.isEmpty() || notation.isEmpty() ? number + notation : number + "/" + notation;
    }

    /** Null for absent or blank, so "no value" has one spelling. */
    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
