package vn.lienthong.edxml;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
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
 * <p>
 * A node keeps its own step of the path ({@code To[2]}) and its parent, and builds its full path only when asked:
 * holding every element's full path would cost the heap the depth times the names of every element, which hostile
 * nesting makes large.
 */
public final class XmlNode {

    /** An attribute's name: its namespace URI ("" for none) and local name. */
    public record AttributeName(String namespace, String localName) {
    }

    private final String namespace;
    private final String name;
    private final XmlNode parent;
    private final String step;
    private final int line;
    private final int column;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> xlinkAttributes = new LinkedHashMap<>();
    private final List<AttributeName> attributeNames = new ArrayList<>();
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private AttachmentContent content;
    private Map<String, XmlNode> childrenByStep;

    /** {@code parent} null for the root; {@code step} is the name, with an index where the path needs one. */
    XmlNode(String namespace, String name, XmlNode parent, String step, int line, int column) {
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.parent = parent;
        this.step = step;
        this.line = line;
        this.column = column;
    }

    /** The namespace URI, "" for none. */
    public String namespace() {
        return namespace;
    }

    public String name() {
        return name;
    }

    /** Where the element starts, with its path, e.g. {@code /edXML/edXMLEnvelope/edXMLHeader/MessageHeader/To[2]}. */
    public Location location() {
        return at(path());
    }

    /** The element's line and column with another path (an absent element located at its nearest ancestor). */
    Location at(String path) {
        return new Location(line, column, path);
    }

    String path() {
        Deque<String> steps = new ArrayDeque<>();
        for (XmlNode node = this; node != null; node = node.parent) {
            steps.push(node.step);
        }
        StringBuilder path = new StringBuilder();
        steps.forEach(each -> path.append('/').append(each));
        return path.toString();
    }

    String step() {
        return step;
    }

    /** The first child whose step of the path is {@code step}, or null. */
    XmlNode childAt(String step) {
        if (childrenByStep == null) {
            childrenByStep = new HashMap<>();
            for (XmlNode child : children) {
                childrenByStep.putIfAbsent(child.step, child);
            }
        }
        return childrenByStep.get(step);
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
