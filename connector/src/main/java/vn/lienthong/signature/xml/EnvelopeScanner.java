package vn.lienthong.signature.xml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.lienthong.edxml.EdxmlNames;

/**
 * The first pass over an envelope: finds every ds:Signature and where it sits, copies the first one (a few kilobytes)
 * into DOM, and notes where edXMLHeader ends. Text outside the signature is never materialized, so Woodstox skips
 * over attachments cheaply; the second pass ({@link CanonicalDigest}) is the one that reads every character.
 * Verifying, it may stop at the end of the header once it has found a signature ({@link #scanThroughHeader}): the
 * canonical pass reads the rest anyway, and says whether another signature comes after it.
 */
final class EnvelopeScanner {

    private final XMLStreamReader2 reader;
    private final boolean stopAfterSignedHeader;
    private boolean stopped;
    private final List<StartTag> open = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();
    private final List<Boolean> childOfHeader = new ArrayList<>();
    private final List<Boolean> last = new ArrayList<>();
    private int lastInHeader = -1;
    private Element firstSignature;
    private Element header;
    private long headerEndOffset = -1;

    private EnvelopeScanner(XMLStreamReader2 reader, boolean stopAfterSignedHeader) {
        this.reader = reader;
        this.stopAfterSignedHeader = stopAfterSignedHeader;
    }

    /** Scans a file; XML that is not well-formed (or has a DTD) ends the scan with an XMLStreamException. */
    static EnvelopeScan scan(Path envelope) throws IOException, XMLStreamException {
        return scan(envelope, false);
    }

    /**
     * As {@link #scan}, but stops at the end of edXMLHeader when a signature has been found by then (the scan is then
     * not {@link EnvelopeScan#complete}); without one it reads on to the end, as the signature may come later.
     */
    static EnvelopeScan scanThroughHeader(Path envelope) throws IOException, XMLStreamException {
        return scan(envelope, true);
    }

    private static EnvelopeScan scan(Path envelope, boolean stopAfterSignedHeader) throws IOException, XMLStreamException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(envelope), 64 * 1024)) {
            XMLStreamReader2 reader = SecureXmlInput.reader(in);
            try {
                return new EnvelopeScanner(reader, stopAfterSignedHeader).run();
            } finally {
                reader.closeCompletely();
            }
        }
    }

    /** Whether the open elements are exactly edXML/edXMLEnvelope/edXMLHeader, the signature's required parent. */
    static boolean isHeader(List<StartTag> open) {
        return open.size() == 3
                && open.get(0).is(EdxmlNames.NAMESPACE, "edXML")
                && open.get(1).is(EdxmlNames.NAMESPACE, "edXMLEnvelope")
                && open.get(2).is(EdxmlNames.NAMESPACE, "edXMLHeader");
    }

    static boolean isSignature(XMLStreamReader2 reader) {
        return XmlDsig.NAMESPACE.equals(reader.getNamespaceURI()) && "Signature".equals(reader.getLocalName());
    }

    private EnvelopeScan run() throws XMLStreamException {
        while (!stopped && reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.DTD ->
                        throw new ParserMessages.Refusal("gói tin có khai báo DOCTYPE; DTD không được chấp nhận",
                                "the envelope has a DOCTYPE; DTDs are refused");
                case XMLStreamConstants.START_ELEMENT -> startElement();
                case XMLStreamConstants.END_ELEMENT -> endElement();
                default -> {
                    // Text, comments and processing instructions say nothing about where signatures are.
                }
            }
        }
        return new EnvelopeScan(found(), firstSignature, header, headerEndOffset, charset(), !stopped);
    }

    private void startElement() throws XMLStreamException {
        boolean inHeader = isHeader(open);
        if (inHeader && lastInHeader >= 0 && !isSignature(reader)) {
            // An element after the signature: it is no longer the last child of the header. (A second signature
            // after it is reported as a duplicate, not as making the first one misplaced.)
            last.set(lastInHeader, false);
            lastInHeader = -1;
        }
        if (isSignature(reader)) {
            String path = pathOf(open) + "/" + reader.getLocalName();
            add(path, inHeader);
            lastInHeader = inHeader ? paths.size() - 1 : -1;
            if (firstSignature == null) {
                firstSignature = SubtreeCopy.copy(reader, SubtreeCopy.skeleton(open));
                addNestedSignatures(path);
            } else {
                skipElement();
            }
            return;
        }
        open.add(StartTag.of(reader));
        if (header == null && isHeader(open)) {
            header = SubtreeCopy.skeleton(open);
        }
    }

    private void endElement() {
        if (isHeader(open) && headerEndOffset < 0) {
            headerEndOffset = reader.getLocationInfo().getStartingCharOffset();
            stopped = stopAfterSignedHeader && !paths.isEmpty();
        }
        open.remove(open.size() - 1);
    }

    /** A ds:Signature inside the first one (in a ds:Object, say) is one more signature in the envelope. */
    private void addNestedSignatures(String path) {
        NodeList nested = firstSignature.getElementsByTagNameNS(XmlDsig.NAMESPACE, "Signature");
        for (int i = 0; i < nested.getLength(); i++) {
            add(path + "/…/Signature", false);
        }
    }

    private void add(String path, boolean inHeader) {
        paths.add(path);
        childOfHeader.add(inHeader);
        last.add(true);
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private List<EnvelopeScan.FoundSignature> found() {
        List<EnvelopeScan.FoundSignature> found = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            found.add(new EnvelopeScan.FoundSignature(paths.get(i), childOfHeader.get(i), last.get(i)));
        }
        return found;
    }

    private Charset charset() {
        String encoding = reader.getEncoding();
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String pathOf(List<StartTag> elements) {
        StringBuilder path = new StringBuilder();
        for (StartTag element : elements) {
            path.append('/').append(element.localName());
        }
        return path.toString();
    }
}
