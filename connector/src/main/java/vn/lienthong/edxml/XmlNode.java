package vn.lienthong.edxml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.findings.Location;

/**
 * A small element tree for the parts of an envelope that are small by nature (header, trace, manifest,
 * attachment metadata), with the line, column and path of each element for precise findings.
 */
final class XmlNode {

    private final String namespace;
    private final String name;
    private final Location location;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> xlinkAttributes = new LinkedHashMap<>();
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private AttachmentContent content;

    XmlNode(String namespace, String name, Location location) {
        this.namespace = namespace;
        this.name = name;
        this.location = location;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    Location location() {
        return location;
    }

    boolean is(String edxmlName) {
        return EdxmlNames.NAMESPACE.equals(namespace) && name.equals(edxmlName);
    }

    Map<String, String> attributes() {
        return attributes;
    }

    Map<String, String> xlinkAttributes() {
        return xlinkAttributes;
    }

    List<XmlNode> children() {
        return children;
    }

    StringBuilder textBuffer() {
        return text;
    }

    String text() {
        return text.toString();
    }

    AttachmentContent content() {
        return content;
    }

    void setContent(AttachmentContent content) {
        this.content = content;
    }

    Optional<XmlNode> child(String edxmlName) {
        return children.stream().filter(child -> child.is(edxmlName)).findFirst();
    }

    List<XmlNode> children(String edxmlName) {
        return children.stream().filter(child -> child.is(edxmlName)).toList();
    }

    /** Text of the named child, or null when there is no such child. */
    String childText(String edxmlName) {
        return child(edxmlName).map(XmlNode::text).orElse(null);
    }
}
