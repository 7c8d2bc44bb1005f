package vn.lienthong.signature.xml;

import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Copies one small element from a stream into DOM, in its context: the open ancestors are rebuilt as empty
 * elements carrying their own namespace declarations and attributes, so that canonicalizing the copy (SignedInfo
 * under inclusive C14N inherits the namespaces and xml:* attributes in scope) gives the bytes it gives in place.
 * Size limits keep a hostile "signature" from filling the heap.
 */
final class SubtreeCopy {

    static final int MAX_EVENTS = 10_000;
    static final int MAX_CHARACTERS = 2 * 1024 * 1024;

    /**
     * Makes the empty documents. A new DocumentBuilder per document set up a whole parser configuration that was never
     * used (about 3% of a sending connector's CPU on small envelopes, under a lock); creating a document through the
     * JDK's DOM implementation touches no shared state, so one serves every thread.
     */
    private static final DOMImplementation DOM = domImplementation();

    private SubtreeCopy() {
    }

    /** A new document holding the ancestors as nested empty elements; returns the innermost one. */
    static Element skeleton(List<StartTag> ancestors) {
        Document document = newDocument();
        Node parent = document;
        for (StartTag ancestor : ancestors) {
            parent = parent.appendChild(ancestor.toElement(document));
        }
        return (Element) parent;
    }

    /**
     * Copies the element the reader is on (a start tag) with all its content under {@code parent}; leaves the reader
     * on the element's end tag.
     */
    static Element copy(XMLStreamReader reader, Element parent) throws XMLStreamException {
        Document document = parent.getOwnerDocument();
        Element top = StartTag.of(reader).toElement(document);
        parent.appendChild(top);
        Node current = top;
        int events = 1;
        long characters = 0;
        while (current != parent) {
            int event = reader.next();
            if (++events > MAX_EVENTS) {
                throw new ParserMessages.Refusal("phần tử ds:Signature có hơn " + MAX_EVENTS + " thành phần",
                        "the ds:Signature element has more than " + MAX_EVENTS + " parts");
            }
            switch (event) {
                case XMLStreamConstants.START_ELEMENT ->
                        current = current.appendChild(StartTag.of(reader).toElement(document));
                case XMLStreamConstants.END_ELEMENT -> current = current.getParentNode();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA -> {
                    characters += reader.getTextLength();
                    if (characters > MAX_CHARACTERS) {
                        throw new ParserMessages.Refusal("phần tử ds:Signature có hơn " + MAX_CHARACTERS + " ký tự",
                                "the ds:Signature element has more than " + MAX_CHARACTERS + " characters");
                    }
                    appendText(current, reader.getText());
                }
                case XMLStreamConstants.COMMENT -> current.appendChild(document.createComment(reader.getText()));
                case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                        current.appendChild(document.createProcessingInstruction(reader.getPITarget(), reader.getPIData()));
                default -> throw new ParserMessages.Refusal("gặp sự kiện XML không được chờ đợi (mã " + event + ") bên trong ds:Signature",
                        "unexpected XML event " + event + " inside ds:Signature");
            }
        }
        return top;
    }

    /** Joins the parser's text segments into one node, as a DOM parser would, so no character is cut in two. */
    private static void appendText(Node parent, String text) {
        if (parent.getLastChild() instanceof Text last) {
            last.appendData(text);
        } else {
            parent.appendChild(parent.getOwnerDocument().createTextNode(text));
        }
    }

    private static Document newDocument() {
        return DOM.createDocument(null, null, null);
    }

    private static DOMImplementation domImplementation() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM implementation is not available", e);
        }
    }
}
