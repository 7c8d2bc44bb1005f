package vn.lienthong.transport;

import java.util.List;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.MessageHeader;
import vn.lienthong.edxml.Organization;
import vn.lienthong.edxml.StatusHeader;
import vn.lienthong.tracking.DocumentKey;

/**
 * What the transport needs from a (valid) envelope header: who sends, to whom, which document, and the
 * document key that makes every replay harmless. Identifiers are taken without surrounding white space, as
 * validation judges them (IdentifierRule): a line break around a DocumentId is layout, not part of the key.
 */
record Envelopes(String sender, List<String> recipients, String documentId, String code, String messageType) {

    static Envelopes of(MessageHeader header) {
        String sender = header.from().organId();
        if (header instanceof StatusHeader status) {
            // A status is identified by what it reports on; its recipient is the agency that sent that document.
            String about = status.responseFor() == null ? "" : stripped(status.responseFor().documentId());
            String recipient = status.responseFor() == null ? null : status.responseFor().organId();
            return new Envelopes(sender, recipient == null || recipient.isBlank() ? List.of() : List.of(recipient),
                    "status:" + stripped(status.statusCode()) + ":" + about, null, "status");
        }
        EdocHeader edoc = (EdocHeader) header;
        List<String> recipients = edoc.to().stream().map(Organization::organId).distinct().toList();
        String code = edoc.code() == null ? null
                : String.join("/", nonNull(edoc.code().codeNumber()), nonNull(edoc.code().codeNotation()));
        return new Envelopes(sender, recipients, stripped(edoc.documentId()), code, "edoc");
    }

    DocumentKey key(String envelopeSha256) {
        return DocumentKey.of(sender, documentId, envelopeSha256);
    }

    private static String stripped(String identifier) {
        return identifier == null ? "" : identifier.strip();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
