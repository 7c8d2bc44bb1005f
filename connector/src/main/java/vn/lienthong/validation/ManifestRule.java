package vn.lienthong.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.lienthong.edxml.Attachment;
import vn.lienthong.edxml.BusinessDocType;
import vn.lienthong.edxml.ContentIds;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.Envelope;
import vn.lienthong.edxml.ManifestReference;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.findings.FindingCode;

/**
 * The manifest and the attachments must describe each other exactly: every Reference has exactly one
 * Attachment by ContentId (an optional {@code cid:} prefix ignored), no attachment is left out, and both sides
 * agree on name and type.
 */
final class ManifestRule implements Rule {

    private static final Bilingual REFERENCE = new Bilingual("tham chiếu trong danh mục (Reference)", "manifest Reference");
    private static final Bilingual ATTACHMENT = new Bilingual("tệp đính kèm (Attachment)", "Attachment");

    @Override
    public void check(Envelope envelope, RuleContext context) {
        if (!(envelope.header() instanceof EdocHeader)) {
            return; // A status carrying a body is refused as a whole by the status rule.
        }
        List<ManifestReference> references = envelope.manifest() == null ? List.of() : envelope.manifest().references();
        List<Attachment> attachments = envelope.attachments();
        if (references.isEmpty() && attachments.isEmpty() && isNewDocument(envelope)) {
            context.report(FindingCode.EDOC_NO_ATTACHMENT, EdxmlPaths.MANIFEST);
            return;
        }
        Map<String, Integer> referenceIndex = indexReferences(references, context);
        Map<String, Integer> attachmentIndex = indexAttachments(attachments, context);
        for (Map.Entry<String, Integer> reference : referenceIndex.entrySet()) {
            Integer match = attachmentIndex.get(reference.getKey());
            if (match == null) {
                context.report(FindingCode.MANIFEST_REFERENCE_UNMATCHED, EdxmlPaths.reference(reference.getValue()),
                        Display.quoted(reference.getKey()));
            } else {
                compare(references.get(reference.getValue()), attachments.get(match), match, context);
            }
        }
        for (Map.Entry<String, Integer> attachment : attachmentIndex.entrySet()) {
            if (!referenceIndex.containsKey(attachment.getKey())) {
                context.report(FindingCode.ATTACHMENT_NOT_IN_MANIFEST, EdxmlPaths.attachment(attachment.getValue()),
                        Display.quoted(attachment.getKey()));
            }
        }
    }

    private static boolean isNewDocument(Envelope envelope) {
        return envelope.business() == null
                || envelope.business().knownDocType().map(type -> type == BusinessDocType.NEW).orElse(false);
    }

    private static Map<String, Integer> indexReferences(List<ManifestReference> references, RuleContext context) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < references.size(); i++) {
            register(references.get(i).contentId(), i, EdxmlPaths.reference(i), REFERENCE,
                    new Bilingual("danh mục", "the manifest"), index, context);
        }
        return index;
    }

    private static Map<String, Integer> indexAttachments(List<Attachment> attachments, RuleContext context) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < attachments.size(); i++) {
            register(attachments.get(i).contentId(), i, EdxmlPaths.attachment(i), ATTACHMENT,
                    new Bilingual("AttachmentEncoded", "AttachmentEncoded"), index, context);
        }
        return index;
    }

    private static void register(String contentId, int position, String path, Bilingual kind, Bilingual where,
                                 Map<String, Integer> index, RuleContext context) {
        String normalized = ContentIds.normalize(contentId);
        if (normalized == null || normalized.isEmpty()) {
            context.report(FindingCode.CONTENT_ID_MISSING, path + "/ContentId", kind);
        } else if (index.putIfAbsent(normalized, position) != null) {
            context.report(FindingCode.CONTENT_ID_DUPLICATE, path + "/ContentId", Display.quoted(normalized), where);
        }
    }

    private static void compare(ManifestReference reference, Attachment attachment, int attachmentPosition,
                                RuleContext context) {
        String path = EdxmlPaths.attachment(attachmentPosition);
        String shownName = Display.quoted(Objects.requireNonNullElse(attachment.attachmentName(), attachment.contentId()));
        if (reference.attachmentName() != null && attachment.attachmentName() != null
                && !reference.attachmentName().equals(attachment.attachmentName())) {
            context.report(FindingCode.MANIFEST_ATTACHMENT_MISMATCH, path + "/AttachmentName", shownName,
                    new Bilingual("tên tệp", "names"), Display.quoted(reference.attachmentName()),
                    Display.quoted(attachment.attachmentName()));
        }
        if (reference.contentType() != null && attachment.contentType() != null
                && !sameMediaType(reference.contentType(), attachment.contentType())) {
            context.report(FindingCode.MANIFEST_ATTACHMENT_MISMATCH, path + "/ContentType", shownName,
                    new Bilingual("kiểu nội dung", "content types"), Display.quoted(reference.contentType()),
                    Display.quoted(attachment.contentType()));
        }
    }

    static boolean sameMediaType(String first, String second) {
        return mediaType(first).equals(mediaType(second));
    }

    /** The type without parameters, lower-cased: {@code Text/Plain; charset=utf-8} is {@code text/plain}. */
    static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        String type = parameters >= 0 ? contentType.substring(0, parameters) : contentType;
        return type.strip().toLowerCase(Locale.ROOT);
    }
}
