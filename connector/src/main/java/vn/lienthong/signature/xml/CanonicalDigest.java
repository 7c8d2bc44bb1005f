package vn.lienthong.signature.xml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.stax.ext.Transformer;
import org.apache.xml.security.stax.ext.stax.XMLSecEvent;
import org.apache.xml.security.stax.ext.stax.XMLSecEventFactory;
import org.apache.xml.security.stax.ext.stax.XMLSecStartElement;
import org.apache.xml.security.stax.impl.transformer.canonicalizer.Canonicalizer20010315_Excl;
import org.apache.xml.security.stax.impl.transformer.canonicalizer.Canonicalizer20010315_ExclOmitCommentsTransformer;
import org.apache.xml.security.stax.impl.transformer.canonicalizer.Canonicalizer20010315_OmitCommentsTransformer;
import org.apache.xml.security.utils.UnsyncBufferedOutputStream;
import org.codehaus.stax2.XMLStreamReader2;
import vn.lienthong.edxml.EdxmlNames;

/**
 * The digest of {@code Reference URI=""} with the enveloped-signature transform, computed in one streaming pass:
 * the document is parsed as StAX events, the ds:Signature child of edXMLHeader is left out, and every other event
 * goes through Santuario's StAX canonicalizer, whose bytes go straight into the MessageDigest. Nothing is kept but
 * the open elements, so heap use does not grow with the envelope: the parser does not coalesce text, so an
 * attachment's base64 arrives as segments of a few thousand characters each.
 *
 * <p>Comments are always left out, even for the #WithComments algorithms: a same-document reference URI=""
 * selects every non-comment node of the document (XML-DSig 1.1, section 4.4.3.3), as Santuario's DOM side does
 * (pinned by CanonicalDigestTest).
 */
final class CanonicalDigest {

    private CanonicalDigest() {
    }

    /**
     * The digest, and whether a ds:Signature element starts anywhere after the end of edXMLHeader (in or out of
     * another signature): a scan that stopped at the header's end did not see those ({@link EnvelopeScanner}).
     */
    record Digest(byte[] value, boolean signatureAfterHeader) {
    }

    /**
     * @param canonicalization  one of the four C14N 1.0 algorithm URIs
     * @param inclusivePrefixes the InclusiveNamespaces PrefixList of exclusive C14N (empty when there is none)
     */
    static byte[] of(Path envelope, String canonicalization, List<String> inclusivePrefixes, MessageDigest digest)
            throws IOException, XMLStreamException {
        return compute(envelope, canonicalization, inclusivePrefixes, digest).value();
    }

    /** As {@link #of}, and whether a signature follows the header. */
    static Digest compute(Path envelope, String canonicalization, List<String> inclusivePrefixes, MessageDigest digest)
            throws IOException, XMLStreamException {
        boolean signatureAfterHeader;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(envelope), 64 * 1024);
             OutputStream sink = new UnsyncBufferedOutputStream(
                     new DigestOutputStream(OutputStream.nullOutputStream(), digest))) {
            Transformer canonicalizer = canonicalizer(canonicalization, inclusivePrefixes, sink);
            XMLStreamReader2 reader = SecureXmlInput.reader(in);
            try {
                signatureAfterHeader = feed(reader, canonicalizer, sink);
            } finally {
                reader.closeCompletely();
            }
            canonicalizer.doFinal();
            sink.flush();
        }
        return new Digest(digest.digest(), signatureAfterHeader);
    }

    /**
     * Feeds the document to the canonicalizer; returns whether a ds:Signature starts after the header's end. Plain
     * text inside the root element goes straight to {@code sink}, where the canonicalizer writes too (see
     * {@link PlainText}).
     */
    private static boolean feed(XMLStreamReader2 reader, Transformer canonicalizer, OutputStream sink)
            throws XMLStreamException {
        PlainText plain = new PlainText(sink);
        XMLSecStartElement parent = null;
        char heldBack = 0;
        boolean pastHeader = false;
        boolean signatureAfterHeader = false;
        while (reader.hasNext()) {
            int type = reader.next();
            if (type == XMLStreamConstants.DTD) {
                throw new ParserMessages.Refusal("gói tin có khai báo DOCTYPE; DTD không được chấp nhận",
                        "the envelope has a DOCTYPE; DTDs are refused");
            }
            if (type == XMLStreamConstants.CHARACTERS || type == XMLStreamConstants.SPACE
                    || type == XMLStreamConstants.CDATA) {
                if (heldBack != 0 || parent == null || !plain.write(reader)) {
                    heldBack = text(reader, heldBack, parent, canonicalizer);
                }
                continue;
            }
            if (heldBack != 0) {
                canonicalizer.transform(characters(new char[] {heldBack}, 0, 1, parent));
                heldBack = 0;
            }
            boolean signature = type == XMLStreamConstants.START_ELEMENT && EnvelopeScanner.isSignature(reader);
            signatureAfterHeader |= signature && pastHeader;
            if (signature && isHeader(parent)) {
                skipElement(reader);  // the enveloped-signature transform
                continue;
            }
            XMLSecEvent event = XMLSecEventFactory.allocate(reader, parent);
            if (type == XMLStreamConstants.START_ELEMENT) {
                parent = event.asStartElement();
            } else if (type == XMLStreamConstants.END_ELEMENT) {
                pastHeader |= isHeader(parent);
                parent = parent.getParentXMLSecStartElement();
            }
            canonicalizer.transform(event);
        }
        return signatureAfterHeader;
    }

    /**
     * Passes one segment of text on. The parser cuts long text into segments wherever its buffer ends, which may be
     * between the two halves of a surrogate pair (an emoji, say); the canonicalizer encodes each segment on its own
     * and would write the halves as two invalid characters. So a high surrogate at the end of a segment is held back
     * and put in front of the next one. CDATA goes on as plain text: canonical XML writes both the same way.
     *
     * @return the high surrogate held back, or 0
     */
    private static char text(XMLStreamReader2 reader, char heldBack, XMLSecStartElement parent, Transformer canonicalizer)
            throws XMLStreamException {
        int length = reader.getTextLength();
        int offset = heldBack == 0 ? 0 : 1;
        char[] text = new char[offset + length];
        if (heldBack != 0) {
            text[0] = heldBack;
        }
        reader.getTextCharacters(0, text, offset, length);
        int end = text.length;
        char last = end == 0 ? 0 : text[end - 1];
        char next = Character.isHighSurrogate(last) ? last : 0;
        if (next != 0) {
            end--;
        }
        if (end > 0) {
            canonicalizer.transform(characters(text, 0, end, parent));
        }
        return next;
    }

    /**
     * Text that canonical XML writes as it stands: printable ASCII other than {@code & < >}, line feeds and tabs
     * (C14N 1.0 changes only {@code & < >} and carriage returns in text, and UTF-8 writes ASCII as itself). An
     * attachment's base64 is all such text, a hundred thousand characters for a 75 kB PDF, and the canonicalizer
     * writes text a byte at a time; this writes a segment at once. Only inside the root element (C14N leaves out text
     * outside it) and in document order: the canonicalizer has written everything before this text when it returns
     * from the event before it, as it must, since nothing in C14N 1.0 depends on what follows.
     */
    private static final class PlainText {
        private final OutputStream sink;
        private byte[] bytes = new byte[8 * 1024];

        PlainText(OutputStream sink) {
            this.sink = sink;
        }

        /** Writes the reader's current text when all of it is plain; returns false, having written nothing, if not. */
        boolean write(XMLStreamReader2 reader) throws XMLStreamException {
            int length = reader.getTextLength();
            char[] text = reader.getTextCharacters();
            int start = reader.getTextStart();
            if (bytes.length < length) {
                bytes = new byte[Math.max(length, bytes.length * 2)];
            }
            for (int i = 0; i < length; i++) {
                char c = text[start + i];
                if (c > '~' || (c < ' ' && c != '\n' && c != '\t') || c == '&' || c == '<' || c == '>') {
                    return false;
                }
                bytes[i] = (byte) c;
            }
            try {
                sink.write(bytes, 0, length);
            } catch (IOException e) {
                throw new XMLStreamException("the canonical bytes cannot be digested: " + e.getMessage(), e);
            }
            return true;
        }
    }

    private static XMLSecEvent characters(char[] text, int start, int length, XMLSecStartElement parent) {
        XMLSecEvent event = XMLSecEventFactory.createXmlSecCharacters(text, start, length);
        event.setParentXMLSecStartElement(parent);
        return event;
    }

    private static boolean isHeader(XMLSecStartElement element) {
        XMLSecStartElement envelope = element == null ? null : element.getParentXMLSecStartElement();
        XMLSecStartElement root = envelope == null ? null : envelope.getParentXMLSecStartElement();
        return root != null && root.getParentXMLSecStartElement() == null
                && is(element, "edXMLHeader") && is(envelope, "edXMLEnvelope") && is(root, "edXML");
    }

    private static boolean is(XMLSecStartElement element, String edxmlName) {
        QName name = element.getName();
        return EdxmlNames.NAMESPACE.equals(name.getNamespaceURI()) && edxmlName.equals(name.getLocalPart());
    }

    private static void skipElement(XMLStreamReader2 reader) throws XMLStreamException {
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

    private static Transformer canonicalizer(String uri, List<String> inclusivePrefixes, OutputStream sink)
            throws XMLStreamException {
        try {
            Transformer canonicalizer;
            if (XmlDsig.isExclusive(uri)) {
                canonicalizer = new Canonicalizer20010315_ExclOmitCommentsTransformer();
                if (!inclusivePrefixes.isEmpty()) {
                    canonicalizer.setProperties(Map.of(
                            Canonicalizer20010315_Excl.INCLUSIVE_NAMESPACES_PREFIX_LIST, List.copyOf(inclusivePrefixes)));
                }
            } else if (XmlDsig.C14N.equals(uri) || XmlDsig.C14N_WITH_COMMENTS.equals(uri)) {
                canonicalizer = new Canonicalizer20010315_OmitCommentsTransformer();
            } else {
                throw new IllegalArgumentException("not a C14N 1.0 algorithm: " + uri);
            }
            // Set the output stream and no child transformer: the canonicalizer then writes as it goes.
            canonicalizer.setOutputStream(sink);
            return canonicalizer;
        } catch (XMLSecurityException e) {
            throw new XMLStreamException("the canonicalizer cannot be set up: " + e.getMessage(), e);
        }
    }
}
