package vn.lienthong.edxml;

import java.util.Set;

/** Namespaces and the element names whose position among siblings is shown in paths. */
public final class EdxmlNames {

    public static final String NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    public static final String XMLDSIG_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XLINK_NAMESPACE = "http://www.w3.org/1999/xlink";

    /** Elements that may repeat under their parent: their paths always carry a 1-based index, e.g. {@code To[2]}. */
    static final Set<String> REPEATABLE = Set.of(
            "To", "Place", "Appendix", "TraceHeader", "Receiver", "ReplacementInfo", "Reference", "Attachment");

    private EdxmlNames() {
    }

    /** Whether {@code name} may repeat under an element named {@code parentName} (so its paths carry an index). */
    public static boolean isRepeatable(String parentName, String name) {
        return REPEATABLE.contains(name) || ("OrganIdList".equals(parentName) && "OrganId".equals(name));
    }
}
