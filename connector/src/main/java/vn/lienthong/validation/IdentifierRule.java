package vn.lienthong.validation;

import java.util.ArrayList;
import java.util.List;
import vn.lienthong.edxml.Attachment;
import vn.lienthong.edxml.Business;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.Envelope;
import vn.lienthong.edxml.ManifestReference;
import vn.lienthong.edxml.MessageHeader;
import vn.lienthong.edxml.ReplacementInfo;
import vn.lienthong.edxml.ResponseFor;
import vn.lienthong.edxml.StatusHeader;
import vn.lienthong.edxml.TraceHeader;
import vn.lienthong.findings.FindingCode;

/**
 * Identifiers are keys: the document key is made of the sender's OrganId and the DocumentId, tracking looks
 * documents up by them, and they go into file names, headers and log lines. A control or invisible character in one
 * (a line feed in a DocumentId) once passed validation and then broke the key, so the document failed after it was
 * taken, again at every retry. So an identifier may hold no such character, not even around it (receivers compare
 * identifiers exactly), and may be no longer than the tracking database keeps.
 */
final class IdentifierRule implements Rule {

    /** What the tracking database keeps (connector/src/main/resources/lienthong/db/schema.sql). */
    static final int MAX_ORGAN_ID = 64;
    /** 255 in the database, less the room a status notice's key takes ("status:NN:" before the DocumentId). */
    static final int MAX_DOCUMENT_ID = 200;
    static final int MAX_STATUS_CODE = 16;
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private record Identifier(String name, String value, String path, int maxLength) {
    }

    @Override
    public void check(Envelope envelope, RuleContext context) {
        for (Identifier identifier : identifiers(envelope)) {
            if (identifier.value() == null) {
                continue;
            }
            String value = identifier.value();
            value.codePoints().filter(Display::isInvisible).findFirst().ifPresent(codePoint ->
                    context.report(FindingCode.IDENTIFIER_CONTROL_CHARACTER, identifier.path(), identifier.name(),
                            Display.quoted(value), String.format("U+%04X", codePoint)));
            int length = value.codePointCount(0, value.length());
            if (length > identifier.maxLength()) {
                context.report(FindingCode.IDENTIFIER_TOO_LONG, identifier.path(), identifier.name(), length,
                        identifier.maxLength());
            }
        }
    }

    private static List<Identifier> identifiers(Envelope envelope) {
        List<Identifier> all = new ArrayList<>();
        MessageHeader header = envelope.header();
        if (header.from() != null) {
            all.add(new Identifier("OrganId", header.from().organId(), EdxmlPaths.FROM + "/OrganId", MAX_ORGAN_ID));
        }
        if (header instanceof EdocHeader edoc) {
            for (int i = 0; i < edoc.to().size(); i++) {
                all.add(new Identifier("OrganId", edoc.to().get(i).organId(), EdxmlPaths.to(i) + "/OrganId", MAX_ORGAN_ID));
            }
            all.add(new Identifier("DocumentId", edoc.documentId(), EdxmlPaths.header("DocumentId"), MAX_DOCUMENT_ID));
        }
        if (header instanceof StatusHeader status) {
            all.add(new Identifier("StatusCode", status.statusCode(), EdxmlPaths.header("StatusCode"), MAX_STATUS_CODE));
        }
        ResponseFor responseFor = ResponseForAccess.of(header);
        if (responseFor != null) {
            all.add(new Identifier("OrganId", responseFor.organId(), EdxmlPaths.RESPONSE_FOR + "/OrganId", MAX_ORGAN_ID));
            all.add(new Identifier("DocumentId", responseFor.documentId(), EdxmlPaths.RESPONSE_FOR + "/DocumentId",
                    MAX_DOCUMENT_ID));
        }
        if (envelope.traceHeaderList() != null) {
            List<TraceHeader> traces = envelope.traceHeaderList().traceHeaders();
            for (int i = 0; i < traces.size(); i++) {
                all.add(new Identifier("OrganId", traces.get(i).organId(), EdxmlPaths.traceHeader(i) + "/OrganId",
                        MAX_ORGAN_ID));
            }
        }
        Business business = envelope.business();
        if (business != null) {
            all.add(new Identifier("DocumentId", business.documentId(), EdxmlPaths.BUSINESS + "/DocumentId", MAX_DOCUMENT_ID));
            for (int i = 0; i < business.replacements().size(); i++) {
                ReplacementInfo replacement = business.replacements().get(i);
                all.add(new Identifier("DocumentId", replacement.documentId(),
                        EdxmlPaths.replacementInfo(i) + "/DocumentId", MAX_DOCUMENT_ID));
            }
        }
        if (envelope.manifest() != null) {
            List<ManifestReference> references = envelope.manifest().references();
            for (int i = 0; i < references.size(); i++) {
                all.add(new Identifier("ContentId", references.get(i).contentId(), EdxmlPaths.reference(i) + "/ContentId",
                        UNBOUNDED));
            }
        }
        List<Attachment> attachments = envelope.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            all.add(new Identifier("ContentId", attachments.get(i).contentId(), EdxmlPaths.attachment(i) + "/ContentId",
                    UNBOUNDED));
        }
        return all;
    }
}
