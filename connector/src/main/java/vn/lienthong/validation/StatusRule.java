package vn.lienthong.validation;

import vn.lienthong.edxml.Envelope;
import vn.lienthong.edxml.StatusHeader;
import vn.lienthong.findings.FindingCode;

/** A status notice says which document, which state from the list, and when; it carries no document itself. */
final class StatusRule implements Rule {

    @Override
    public void check(Envelope envelope, RuleContext context) {
        if (!(envelope.header() instanceof StatusHeader status)) {
            return;
        }
        if (status.from() == null) {
            context.report(FindingCode.FROM_MISSING, EdxmlPaths.FROM);
        }
        String code = status.statusCode();
        if (HeaderRule.isBlank(code)) {
            context.report(FindingCode.STATUS_CODE_MISSING, EdxmlPaths.header("StatusCode"));
        } else if (status.knownStatusCode().isEmpty()) {
            context.report(FindingCode.STATUS_CODE_UNKNOWN, EdxmlPaths.header("StatusCode"), Display.quoted(code));
        }
        if (status.responseFor() == null || HeaderRule.isBlank(status.responseFor().documentId())) {
            context.report(FindingCode.STATUS_RESPONSE_FOR_MISSING, EdxmlPaths.RESPONSE_FOR + "/DocumentId");
        }
        if (HeaderRule.isBlank(status.timestamp())) {
            context.report(FindingCode.STATUS_TIMESTAMP_MISSING, EdxmlPaths.header("Timestamp"));
        }
        if (envelope.manifest() != null || !envelope.attachments().isEmpty()) {
            context.report(FindingCode.STATUS_HAS_BODY,
                    envelope.manifest() != null ? EdxmlPaths.BODY : EdxmlPaths.ATTACHMENT_ENCODED);
        }
    }
}
