package vn.lienthong.signature.xml;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
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
        WstxInputFactory factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are never fetched: " + systemId);
        });
        return factory;
    }

    /** A reader over {@code input}; the caller closes both. */
    static XMLStreamReader2 reader(InputStream input) throws XMLStreamException {
        return (XMLStreamReader2) FACTORY.createXMLStreamReader(input);
    }
}
