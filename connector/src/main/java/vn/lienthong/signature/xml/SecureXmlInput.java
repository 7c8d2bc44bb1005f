package vn.lienthong.signature.xml;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import vn.lienthong.edxml.SecureXml;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * The one way this package parses envelopes: Woodstox with DTDs, external entities and every external fetch off,
 * namespace aware, and not coalescing, so that a text node of hundreds of megabytes (an attachment's base64)
 * arrives in segments of a few thousand characters instead of one string.
 */
final class SecureXmlInput {

    private static final XMLInputFactory FACTORY = newFactory();

    private SecureXmlInput() {
    }

    private static XMLInputFactory newFactory() {
        return SecureXml.newInputFactory();
    }

    /** A reader over {@code input}; the caller closes both. */
    static XMLStreamReader2 reader(InputStream input) throws XMLStreamException {
        return (XMLStreamReader2) FACTORY.createXMLStreamReader(input);
    }
}
