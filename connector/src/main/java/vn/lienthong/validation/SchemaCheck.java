package vn.lienthong.validation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.stax.StAXSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.lienthong.edxml.MessageType;
import vn.lienthong.edxml.SecureXml;
import vn.lienthong.findings.Problem;

/**
 * Checks an envelope against the edoc or status XSD of {@code schemas/edxml} in a streaming pass. The base64
 * text of attachments is hidden from the XSD validator (see {@link AttachmentTextHidingReader}) so that no
 * attachment is ever buffered; the reader's own decoder checks that text. Every schema error is collected.
 */
public final class SchemaCheck {

    private static final String SCHEMA_DIRECTORY = "/lienthong/schemas/edxml/";

    private final Schema edocSchema;
    private final Schema statusSchema;
    private final XMLInputFactory inputFactory;

    public SchemaCheck() {
        this.edocSchema = load("edoc.xsd");
        this.statusSchema = load("status.xsd");
        this.inputFactory = SecureXml.newInputFactory();
    }

    private static Schema load(String name) {
        URL url = SchemaCheck.class.getResource(SCHEMA_DIRECTORY + name);
        if (url == null) {
            throw new IllegalStateException("schema " + name + " is missing from the classpath (lienthong-schemas)");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("schema " + name + " does not load: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a file that {@link vn.lienthong.edxml.EnvelopeReader} has already read without failure (so it is
     * well-formed and within limits). Returns every schema problem found, in document order.
     */
    public List<Problem> check(Path file, MessageType type) throws IOException {
        Validator validator = (type == MessageType.STATUS ? statusSchema : edocSchema).newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK validator does not take the secure-access properties", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            AttachmentTextHidingReader reader = new AttachmentTextHidingReader(inputFactory.createXMLStreamReader(in));
            Collector collector = new Collector(reader);
            validator.setErrorHandler(collector);
            validator.validate(new StAXSource(reader));
            return collector.problems;
        } catch (XMLStreamException | SAXException e) {
            throw new IOException("the schema check could not read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Collects every error, located where the streaming reader stands when the validator reports it. */
    private static final class Collector implements ErrorHandler {
        private final AttachmentTextHidingReader reader;
        private final List<Problem> problems = new ArrayList<>();
        private String pendingDatatypeDetail;

        Collector(AttachmentTextHidingReader reader) {
            this.reader = reader;
        }

        @Override
        public void warning(SAXParseException exception) {
            // XSD warnings are about the schema itself, not the envelope.
        }

        @Override
        public void error(SAXParseException exception) {
            SchemaMessage message = SchemaMessage.parse(exception.getMessage());
            if (message.isDatatypeDetail()) {
                // Xerces reports a bad value twice: the type rule, then the element or attribute; keep one finding.
                pendingDatatypeDetail = message.text();
                return;
            }
            String text = pendingDatatypeDetail == null ? message.text() : message.text() + " " + pendingDatatypeDetail;
            pendingDatatypeDetail = null;
            problems.add(Problem.of(message.code(), reader.currentLocation(), text));
        }

        @Override
        public void fatalError(SAXParseException exception) {
            error(exception);
        }
    }
}
