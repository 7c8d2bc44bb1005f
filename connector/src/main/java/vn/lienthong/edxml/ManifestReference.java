package vn.lienthong.edxml;

import java.util.Map;

/**
 * One entry of the manifest, pointing at an attachment by ContentId. {@code xlinkAttributes} holds the
 * optional xlink:href / xlink:role / xlink:type attributes by local name, in document order.
 */
public record ManifestReference(
        String contentId,
        String contentType,
        String attachmentName,
        String description,
        Map<String, String> xlinkAttributes) {

    public ManifestReference {
        xlinkAttributes = OrderedAttributes.copyOf(xlinkAttributes);
    }
}
