package vn.lienthong.edxml;

/**
 * Bounds on what the reader accepts, so that hostile or runaway input is refused early and cheaply.
 * Configured by {@code lienthong.limits.*} (see config/application.properties).
 *
 * @param maxEnvelopeBytes        size of the whole envelope file
 * @param maxAttachments          number of Attachment elements
 * @param maxAttachmentBytes      decoded size of one attachment
 * @param maxDepth                element nesting depth
 * @param maxTextLength           characters of text in one element other than an attachment's base64
 * @param maxMetadataChars        characters the element tree keeps, together: text other than attachments' base64,
 *                                element names, attribute names and values, namespace declarations
 * @param maxElements             number of elements
 * @param maxAttributesPerElement attributes on one element
 * @param maxNameLength           characters of one XML name (element, attribute, namespace prefix, entity, processing
 *                                instruction target), measured before the parser buffers it
 */
public record ReadLimits(
        long maxEnvelopeBytes,
        int maxAttachments,
        long maxAttachmentBytes,
        int maxDepth,
        int maxTextLength,
        long maxMetadataChars,
        int maxElements,
        int maxAttributesPerElement,
        int maxNameLength) {

    public static final ReadLimits DEFAULTS = new ReadLimits(
            512L * 1024 * 1024,
            100,
            400L * 1024 * 1024,
            32,
            1024 * 1024,
            8L * 1024 * 1024,
            100_000,
            32,
            256);

    public ReadLimits {
        requirePositive(maxEnvelopeBytes, "maxEnvelopeBytes");
        requirePositive(maxAttachments, "maxAttachments");
        requirePositive(maxAttachmentBytes, "maxAttachmentBytes");
        requirePositive(maxDepth, "maxDepth");
        requirePositive(maxTextLength, "maxTextLength");
        requirePositive(maxMetadataChars, "maxMetadataChars");
        requirePositive(maxElements, "maxElements");
        requirePositive(maxAttributesPerElement, "maxAttributesPerElement");
        requirePositive(maxNameLength, "maxNameLength");
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
