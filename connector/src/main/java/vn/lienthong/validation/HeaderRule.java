package vn.lienthong.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.Envelope;
import vn.lienthong.edxml.Organization;
import vn.lienthong.findings.FindingCode;

/** An official document names its sender, at least one recipient, its identifier and its summary. */
final class HeaderRule implements Rule {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** {senderOrganId},{yyyy/MM/dd},{number}/{notation} */
    private static final Pattern SENDER_DATE_CODE = Pattern.compile("([^,]+),(\\d{4}/\\d{2}/\\d{2}),([^/,]+)/(.+)");
    private static final int HIGHEST_USUAL_PRIORITY = 4;

    @Override
    public void check(Envelope envelope, RuleContext context) {
        if (!(envelope.header() instanceof EdocHeader edoc)) {
            return;
        }
        if (edoc.from() == null) {
            context.report(FindingCode.FROM_MISSING, EdxmlPaths.FROM);
        }
        checkRecipients(edoc.to(), context);
        if (isBlank(edoc.subject())) {
            context.report(FindingCode.SUBJECT_MISSING, EdxmlPaths.header("Subject"));
        }
        checkDocumentId(edoc, context);
        checkPriority(edoc, context);
    }

    private static void checkRecipients(List<Organization> recipients, RuleContext context) {
        if (recipients.isEmpty()) {
            context.report(FindingCode.TO_MISSING, EdxmlPaths.to(0));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < recipients.size(); i++) {
            String organId = recipients.get(i).organId();
            if (!isBlank(organId) && !seen.add(organId.strip())) {
                context.report(FindingCode.RECIPIENT_DUPLICATE, EdxmlPaths.to(i) + "/OrganId", Display.quoted(organId));
            }
        }
    }

    private static void checkDocumentId(EdocHeader edoc, RuleContext context) {
        String documentId = edoc.documentId();
        String path = EdxmlPaths.header("DocumentId");
        if (isBlank(documentId)) {
            context.report(FindingCode.DOCUMENT_ID_MISSING, path);
            return;
        }
        if (UUID.matcher(documentId).matches()) {
            return;
        }
        Matcher composite = SENDER_DATE_CODE.matcher(documentId);
        if (!composite.matches()) {
            context.report(FindingCode.DOCUMENT_ID_NONSTANDARD, path, Display.quoted(documentId));
            return;
        }
        String sender = edoc.from() == null ? null : edoc.from().organId();
        if (!isBlank(sender) && !composite.group(1).equals(sender)) {
            context.report(FindingCode.DOCUMENT_ID_SENDER_MISMATCH, path, Display.quoted(composite.group(1)),
                    Display.quoted(sender));
        }
    }

    private static void checkPriority(EdocHeader edoc, RuleContext context) {
        if (edoc.otherInfo() == null || edoc.otherInfo().priority() == null) {
            return;
        }
        try {
            int priority = Integer.parseInt(edoc.otherInfo().priority().strip());
            if (priority < 0 || priority > HIGHEST_USUAL_PRIORITY) {
                context.report(FindingCode.PRIORITY_OUT_OF_RANGE, EdxmlPaths.header("OtherInfo/Priority"), priority);
            }
        } catch (NumberFormatException notANumber) {
            // Not an integer at all: the schema check reports it as an invalid value.
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
