package vn.lienthong.edxml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.findings.Location;

/**
 * A small element tree for the parts of an envelope that are small by nature (header, trace, manifest,
 * attachment metadata), with the line, column and path of each element for precise findings. Every element and
 * attribute of the file is here, known or not, so that the structure check sees what the sender wrote; only the
 * base64 text of attachments is not (it is streamed to a spool file, see {@link #content()}).
 */
public final class XmlNode {

    /** An attribute's name: its namespace URI ("" for none) and local name. */
    public record AttributeName(String namespace, String localName) {
    }

    private final String namespace;
    private final String name;
    private final Location location;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> xlinkAttributes = new LinkedHashMap<>();
    private final List<AttributeName> attributeNames = new ArrayList<>();
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private AttachmentContent content;

    XmlNode(String namespace, String name, Location location) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.location = location;
    }

    /** The namespace URI, "" for none. */
    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    public Location location() {
        return location;
    }

    /** Whether this is the edXML element of that name. */
    public boolean is(String edxmlName) {
        return EdxmlNames.NAMESPACE.equals(namespace) && name.equals(edxmlName);
    }

    /** Attributes without a namespace, by local name. */
    Map<String, String> attributes() {
        return attributes;
    }

    Map<String, String> xlinkAttributes() {
        return xlinkAttributes;
    }

    /** Every attribute the element carries, in file order (namespace declarations are not attributes). */
    public List<AttributeName> attributeNames() {
        return attributeNames;
    }

    /** Child elements in file order. */
    public List<XmlNode> children() {
        return children;
    }

    StringBuilder textBuffer() {
        return text;
    }

    /** The element's own text (all of its text pieces joined); for ContentTransferEncoded, only stray text. */
    public String text() {
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
