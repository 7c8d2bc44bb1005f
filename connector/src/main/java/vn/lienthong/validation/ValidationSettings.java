package vn.lienthong.validation;

import java.util.Properties;
import vn.lienthong.edxml.ReadLimits;
import vn.lienthong.findings.SeverityPolicy;

/**
 * Everything that tunes reading and validation, bound from {@code lienthong.limits.*} and
 * {@code lienthong.validation.*} (documented in config/application.properties).
 *
 * @param maxFindingsPerCode how many findings of one code a report lists; the rest are counted in one
 *                           FINDINGS_OMITTED, so a report (and every answer made from it) stays small
 */
public record ValidationSettings(ReadLimits limits, SeverityPolicy policy, int attachmentNameMaxLength,
                                 int maxFindingsPerCode) {

    public static final ValidationSettings DEFAULTS =
            new ValidationSettings(ReadLimits.DEFAULTS, SeverityPolicy.defaults(), 255, 50);

    public ValidationSettings {
        if (maxFindingsPerCode < 1) {
            throw new IllegalArgumentException("lienthong.validation.max-findings-per-code must be at least 1");
        }
    }

    public static ValidationSettings fromProperties(Properties properties) {
        ReadLimits defaults = ReadLimits.DEFAULTS;
        ReadLimits limits = new ReadLimits(
                longValue(properties, "lienthong.limits.max-envelope-bytes", defaults.maxEnvelopeBytes()),
                intValue(properties, "lienthong.limits.max-attachments", defaults.maxAttachments()),
                longValue(properties, "lienthong.limits.max-attachment-bytes", defaults.maxAttachmentBytes()),
                intValue(properties, "lienthong.limits.max-depth", defaults.maxDepth()),
                intValue(properties, "lienthong.limits.max-text-length", defaults.maxTextLength()),
                longValue(properties, "lienthong.limits.max-metadata-chars", defaults.maxMetadataChars()),
                intValue(properties, "lienthong.limits.max-elements", defaults.maxElements()),
                intValue(properties, "lienthong.limits.max-attributes-per-element", defaults.maxAttributesPerElement()),
                intValue(properties, "lienthong.limits.max-name-length", defaults.maxNameLength()));
        int nameLength = intValue(properties, "lienthong.validation.attachment-name-max-length", 255);
        int perCode = intValue(properties, "lienthong.validation.max-findings-per-code", DEFAULTS.maxFindingsPerCode());
        return new ValidationSettings(limits, SeverityPolicy.fromProperties(properties), nameLength, perCode);
    }

    private static long longValue(Properties properties, String key, long fallback) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'");
        }
    }

    private static int intValue(Properties properties, String key, int fallback) {
        long value = longValue(properties, key, fallback);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + " is too large: " + value);
        }
        return (int) value;
    }
}
