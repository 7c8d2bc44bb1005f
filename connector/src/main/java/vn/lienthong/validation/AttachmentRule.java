package vn.lienthong.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import vn.lienthong.edxml.Attachment;
import vn.lienthong.edxml.AttachmentContent;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.Envelope;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.findings.FindingCode;

/**
 * Each attachment has a safe, unique name; its base64 decoded cleanly; it is not empty; and its bytes are
 * what its declared content type says.
 */
final class AttachmentRule implements Rule {

    @Override
    public void check(Envelope envelope, RuleContext context) {
        if (!(envelope.header() instanceof EdocHeader)) {
            return;
        }
        List<Attachment> attachments = envelope.attachments();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < attachments.size(); i++) {
            Attachment attachment = attachments.get(i);
            String path = EdxmlPaths.attachment(i);
            checkName(attachment, path, names, context);
            if (attachment.content() != null) {
                checkContent(attachment, attachment.content(), path, context);
            }
        }
    }

    private static void checkName(Attachment attachment, String path, Set<String> names, RuleContext context) {
        String name = attachment.attachmentName();
        String namePath = path + "/AttachmentName";
        if (name == null || name.isBlank()) {
            context.report(FindingCode.ATTACHMENT_NAME_MISSING, namePath, Display.quoted(attachment.contentId()));
            return;
        }
        int length = name.codePointCount(0, name.length());
        if (length > context.settings().attachmentNameMaxLength()) {
            context.report(FindingCode.ATTACHMENT_NAME_TOO_LONG, namePath, length, context.settings().attachmentNameMaxLength());
        }
        AttachmentNames.unsafeReason(name).ifPresent(reason ->
                context.report(FindingCode.ATTACHMENT_NAME_UNSAFE, namePath, Display.quoted(name), reason));
        // Names become file names on the recipient's side, where Windows ignores case.
        if (!names.add(name.toLowerCase(Locale.ROOT))) {
            context.report(FindingCode.ATTACHMENT_NAME_DUPLICATE, namePath, Display.quoted(name));
        }
    }

    private static void checkContent(Attachment attachment, AttachmentContent content, String path, RuleContext context) {
        String shownName = Display.quoted(attachment.attachmentName() != null ? attachment.attachmentName() : attachment.contentId());
        String contentPath = path + "/ContentTransferEncoded";
        Optional<Bilingual> base64Problem = content.base64Problem();
        if (base64Problem.isPresent()) {
            context.report(FindingCode.ATTACHMENT_BASE64_INVALID, contentPath, shownName, base64Problem.get());
            return;
        }
        if (content.size() == 0) {
            context.report(FindingCode.ATTACHMENT_EMPTY, contentPath, shownName);
            return;
        }
        String declaredType = attachment.contentType() == null ? "" : attachment.contentType();
        Optional<ContentKind> declared = ContentKind.declaredBy(declaredType);
        if (declared.isEmpty()) {
            context.report(FindingCode.ATTACHMENT_TYPE_UNSUPPORTED, path + "/ContentType", Display.quoted(declaredType), shownName);
            return;
        }
        try {
            ContentKind actual = ContentSniffer.sniff(content.spoolFile());
            if (!declared.get().acceptsBytesOf(actual)) {
                context.report(FindingCode.ATTACHMENT_TYPE_MISMATCH, contentPath, shownName, declared.get().label(), actual.label());
            } else if (actual == ContentKind.PDF && !ContentSniffer.pdfHasEndMarker(content.spoolFile())) {
                context.report(FindingCode.ATTACHMENT_PDF_INCOMPLETE, contentPath, shownName);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read back the spooled attachment " + content.spoolFile(), e);
        }
    }
}
