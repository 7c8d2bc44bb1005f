package vn.lienthong.validation;

import java.util.List;
import vn.lienthong.edxml.Business;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.Envelope;
import vn.lienthong.edxml.Organization;
import vn.lienthong.edxml.ReplacementInfo;
import vn.lienthong.edxml.ResponseFor;
import vn.lienthong.edxml.TraceHeader;
import vn.lienthong.findings.FindingCode;

/**
 * Checks the shape of every agency identifier in the envelope: senders, recipients, trace hops, the answered
 * document's agency, update receivers and replacement targets.
 */
final class OrganIdRule implements Rule {

    @Override
    public void check(Envelope envelope, RuleContext context) {
        Organization from = envelope.header().from();
        if (from != null) {
            checkRequired(from.organId(), EdxmlPaths.FROM + "/OrganId", context);
        }
        if (envelope.header() instanceof EdocHeader edoc) {
            List<Organization> recipients = edoc.to();
            for (int i = 0; i < recipients.size(); i++) {
                checkRequired(recipients.get(i).organId(), EdxmlPaths.to(i) + "/OrganId", context);
            }
        }
        ResponseFor responseFor = ResponseForAccess.of(envelope.header());
        if (responseFor != null) {
            // Real traffic sends ResponseFor with empty children; only a non-empty identifier is judged.
            checkIfPresent(responseFor.organId(), EdxmlPaths.RESPONSE_FOR + "/OrganId", context);
        }
        if (envelope.traceHeaderList() != null) {
            List<TraceHeader> traces = envelope.traceHeaderList().traceHeaders();
            for (int i = 0; i < traces.size(); i++) {
                checkRequired(traces.get(i).organId(), EdxmlPaths.traceHeader(i) + "/OrganId", context);
            }
        }
        Business business = envelope.business();
        if (business != null) {
            checkBusiness(business, context);
        }
    }

    private void checkBusiness(Business business, RuleContext context) {
        if (business.documentInfo() != null) {
            var receivers = business.documentInfo().receivers();
            for (int i = 0; i < receivers.size(); i++) {
                checkIfPresent(receivers.get(i).organId(), EdxmlPaths.receiver(i) + "/OrganId", context);
            }
        }
        List<ReplacementInfo> replacements = business.replacements();
        for (int i = 0; i < replacements.size(); i++) {
            List<String> organIds = replacements.get(i).organIds();
            for (int j = 0; j < organIds.size(); j++) {
                checkIfPresent(organIds.get(j),
                        EdxmlPaths.indexed(EdxmlPaths.replacementInfo(i) + "/OrganIdList/OrganId", j), context);
            }
        }
    }

    private void checkRequired(String organId, String path, RuleContext context) {
        if (organId == null || organId.isEmpty()) {
            context.report(FindingCode.ORGANID_MISSING, path);
            return;
        }
        checkIfPresent(organId, path, context);
    }

    private void checkIfPresent(String organId, String path, RuleContext context) {
        OrganIdShape shape = OrganIdShape.of(organId);
        if (shape instanceof OrganIdShape.Legacy legacy) {
            context.report(FindingCode.ORGANID_LEGACY_FORM, path, Display.quoted(organId), legacy.form());
        } else if (shape instanceof OrganIdShape.Invalid invalid) {
            context.report(FindingCode.ORGANID_INVALID, path, Display.quoted(organId), invalid.reason());
        }
    }
}
