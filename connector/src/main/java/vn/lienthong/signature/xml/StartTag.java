package vn.lienthong.signature.xml;

import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An element's start tag as parsed — name, namespace declarations, attributes — kept while the element is open,
 * so that an element can be rebuilt in DOM with exactly the namespaces and xml:* attributes in scope there.
 */
record StartTag(String namespace, String prefix, String localName, List<Attribute> namespaces,
                List<Attribute> attributes) {

    /** A namespace declaration (prefix "" for the default namespace) or an attribute. */
    record Attribute(String namespace, String prefix, String localName, String value) {
    }

    /** The start tag the reader is on. */
    static StartTag of(XMLStreamReader reader) {
        List<Attribute> namespaces = new ArrayList<>(reader.getNamespaceCount());
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            namespaces.add(new Attribute(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns",
                    emptyIfNull(reader.getNamespacePrefix(i)), emptyIfNull(reader.getNamespaceURI(i))));
        }
        List<Attribute> attributes = new ArrayList<>(reader.getAttributeCount());
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.add(new Attribute(emptyIfNull(reader.getAttributeNamespace(i)),
                    emptyIfNull(reader.getAttributePrefix(i)), reader.getAttributeLocalName(i),
                    reader.getAttributeValue(i)));
        }
        return new StartTag(emptyIfNull(reader.getNamespaceURI()), emptyIfNull(reader.getPrefix()), reader.getLocalName(),
                namespaces, attributes);
    }

    boolean is(String expectedNamespace, String expectedLocalName) {
        return namespace.equals(expectedNamespace) && localName.equals(expectedLocalName);
    }

    /** This start tag as a DOM element of {@code document}, with explicit xmlns attributes for its declarations. */
    Element toElement(Document document) {
        Element element = document.createElementNS(nullIfEmpty(namespace), qualified(prefix, localName));
        for (Attribute declaration : namespaces) {
            String name = declaration.localName().isEmpty() ? "xmlns" : "xmlns:" + declaration.localName();
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, name, declaration.value());
        }
        for (Attribute attribute : attributes) {
            element.setAttributeNS(nullIfEmpty(attribute.namespace()), qualified(attribute.prefix(), attribute.localName()),
                    attribute.value());
        }
        return element;
    }

    private static String qualified(String prefix, String localName) {
        return prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    private static String emptyIfNull(String value) {
        return value == null ? "" : value;
    }

    private static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}
