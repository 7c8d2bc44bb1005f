package vn.lienthong.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienthong.findings.FindingCode;

/**
 * A Xerces schema error sorted into one of our codes by its "cvc-..." key, with the key and the noise of
 * namespace URIs taken out of the text.
 */
record SchemaMessage(FindingCode code, String text, boolean isDatatypeDetail) {

    private static final Pattern KEY = Pattern.compile("^(cvc-[a-zA-Z-]+)(\\.[0-9a-z.]+)?:\\s*");
    private static final String EDXML_NAMESPACE_NOISE = "\"http://www.mic.gov.vn/TBT/QCVN_102_2016\":";

    static SchemaMessage parse(String message) {
        String raw = message == null ? "" : message;
        Matcher key = KEY.matcher(raw);
        String text = key.replaceFirst("").replace(EDXML_NAMESPACE_NOISE, "").trim();
        if (!key.find(0)) {
            return new SchemaMessage(FindingCode.SCHEMA_VIOLATION, text, false);
        }
        String rule = key.group(1);
        String clause = key.group(2) == null ? "" : key.group(2);
        return switch (rule) {
            case "cvc-datatype-valid", "cvc-pattern-valid", "cvc-enumeration-valid", "cvc-minInclusive-valid",
                 "cvc-maxInclusive-valid", "cvc-minLength-valid", "cvc-maxLength-valid", "cvc-length-valid" ->
                    new SchemaMessage(FindingCode.SCHEMA_INVALID_VALUE, text, true);
            case "cvc-type", "cvc-elt", "cvc-simple-type" -> new SchemaMessage(FindingCode.SCHEMA_INVALID_VALUE, text, false);
            case "cvc-attribute" -> new SchemaMessage(FindingCode.SCHEMA_INVALID_ATTRIBUTE, text, false);
            case "cvc-complex-type" -> complexType(clause, text);
            default -> new SchemaMessage(FindingCode.SCHEMA_VIOLATION, text, false);
        };
    }

    private static SchemaMessage complexType(String clause, String text) {
        if (clause.startsWith(".2.4.b")) {
            return new SchemaMessage(FindingCode.SCHEMA_MISSING_ELEMENT, text, false);
        }
        if (clause.startsWith(".2.4") || clause.startsWith(".2.1") || clause.startsWith(".2.3")) {
            return new SchemaMessage(FindingCode.SCHEMA_UNEXPECTED_ELEMENT, text, false);
        }
        if (clause.startsWith(".3") || clause.startsWith(".4")) {
            return new SchemaMessage(FindingCode.SCHEMA_INVALID_ATTRIBUTE, text, false);
        }
        return new SchemaMessage(FindingCode.SCHEMA_VIOLATION, text, false);
    }
}
