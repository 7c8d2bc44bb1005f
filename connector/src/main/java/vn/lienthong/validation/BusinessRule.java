package vn.lienthong.validation;

import java.util.List;
import java.util.Optional;
import vn.lienthong.edxml.Business;
import vn.lienthong.edxml.BusinessDocType;
import vn.lienthong.edxml.Envelope;
import vn.lienthong.edxml.ReplacementInfo;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.findings.FindingCode;

/**
 * A revocation, update or replacement must say which earlier document it acts on (and, for an update, what
 * changed; for a replacement, for which agencies).
 */
final class BusinessRule implements Rule {

    @Override
    public void check(Envelope envelope, RuleContext context) {
        Business business = envelope.business();
        if (business == null) {
            return;
        }
        Optional<BusinessDocType> type = business.knownDocType();
        if (type.isEmpty()) {
            context.report(FindingCode.BUSINESS_DOC_TYPE_UNKNOWN, EdxmlPaths.BUSINESS + "/BussinessDocType",
                    Display.quoted(business.docType() == null ? "" : business.docType()));
            return;
        }
        switch (type.get()) {
            case REVOCATION -> {
                if (HeaderRule.isBlank(business.documentId())) {
                    context.report(FindingCode.BUSINESS_REVOCATION_TARGET_MISSING, EdxmlPaths.BUSINESS + "/DocumentId");
                }
            }
            case UPDATE -> {
                if (HeaderRule.isBlank(business.documentId())) {
                    context.report(FindingCode.BUSINESS_UPDATE_TARGET_MISSING, EdxmlPaths.BUSINESS + "/DocumentId");
                }
                if (business.documentInfo() == null) {
                    context.report(FindingCode.BUSINESS_UPDATE_INFO_MISSING, EdxmlPaths.BUSINESS + "/BussinessDocumentInfo");
                }
            }
            case REPLACEMENT -> checkReplacements(business.replacements(), context);
            case NEW -> {
            }
        }
    }

    private static void checkReplacements(List<ReplacementInfo> replacements, RuleContext context) {
        if (replacements.isEmpty()) {
            context.report(FindingCode.BUSINESS_REPLACEMENT_MISSING, EdxmlPaths.BUSINESS + "/ReplacementInfoList");
            return;
        }
        for (int i = 0; i < replacements.size(); i++) {
            ReplacementInfo replacement = replacements.get(i);
            if (HeaderRule.isBlank(replacement.documentId())) {
                context.report(FindingCode.BUSINESS_REPLACEMENT_INCOMPLETE, EdxmlPaths.replacementInfo(i) + "/DocumentId",
                        i + 1, new Bilingual("mã văn bản bị thay thế (DocumentId)", "the replaced document's DocumentId"));
            }
            if (replacement.organIds().stream().allMatch(HeaderRule::isBlank)) {
                context.report(FindingCode.BUSINESS_REPLACEMENT_INCOMPLETE, EdxmlPaths.replacementInfo(i) + "/OrganIdList",
                        i + 1, new Bilingual("danh sách đơn vị áp dụng (OrganIdList/OrganId)",
                                "the agencies it applies to (OrganIdList/OrganId)"));
            }
        }
    }
}
