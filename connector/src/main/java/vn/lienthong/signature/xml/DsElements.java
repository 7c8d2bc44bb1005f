package vn.lienthong.signature.xml;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Finding XML-DSig children in a DOM element, by namespace and local name, never by prefix. */
final class DsElements {

    private DsElements() {
    }

    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    static List<Element> children(Element parent, String localName) {
        return children(parent, XmlDsig.NAMESPACE, localName);
    }

    /** The first ds child of that name, or null. */
    static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The Algorithm attribute of the first ds child of that name, or null when the child is missing. */
    static String algorithmOf(Element parent, String localName) {
        Element child = child(parent, localName);
        return child == null ? null : child.getAttribute("Algorithm");
    }

    /** The text of an element without any whitespace: what base64 content is once line breaks are dropped. */
    static String compactText(Element element) {
        return element.getTextContent().replaceAll("\\s+", "");
    }
}
