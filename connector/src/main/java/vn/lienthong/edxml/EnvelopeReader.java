package vn.lienthong.edxml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.findings.FindingCode;
import vn.lienthong.findings.Location;
import vn.lienthong.findings.Problem;

/**
 * Reads an edXML envelope in one streaming pass. The header, trace and manifest become a typed
 * {@link Envelope}; each attachment's base64 text is decoded as it is parsed into a spool file, hashed on the
 * way, so heap use does not grow with attachment size. DTDs and entities are refused, and every configured
 * limit is enforced while reading: names are measured before the parser buffers them ({@link NameLengthLimit}), and
 * everything the element tree keeps (text, names, attribute values, namespace declarations) counts towards the
 * metadata limit, so what an envelope costs the heap is bounded by the limits, not by its size. Input that cannot be read yields a single {@link Problem} with its line and
 * column, never an exception.
 */
public final class EnvelopeReader {

    private static final int PROLOG_PEEK_BYTES = 4096;

    private final ReadLimits limits;
    private final Path spoolDirectory;
    private final XMLInputFactory factory;

    public EnvelopeReader(ReadLimits limits, Path spoolDirectory) {
        this.limits = limits;
        this.spoolDirectory = Objects.requireNonNull(spoolDirectory, "spoolDirectory");
        this.factory = secureFactory(limits);
    }

    private EnvelopeReader(ReadLimits limits) {
        this.limits = limits;
        this.spoolDirectory = null;
        this.factory = secureFactory(limits);
    }

    /**
     * A reader for what an envelope says, not what it carries: the whole envelope is parsed, with every limit but the
     * attachment size, but each attachment's base64 is passed over, neither decoded nor kept, and its content is null.
     * For the simulated axis, which routes packages by their header and keeps the file as it came.
     */
    public static EnvelopeReader withoutAttachmentContent(ReadLimits limits) {
        return new EnvelopeReader(limits);
    }

    private static XMLInputFactory secureFactory(ReadLimits limits) {
        WstxInputFactory factory = SecureXml.newInputFactory();
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxTextLength());
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth());
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, (long) limits.maxElements());
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, limits.maxAttributesPerElement());
        return factory;
    }

    /** Reads a file. Throws only when the file itself cannot be opened (missing, unreadable). */
    public ReadOutcome read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Reads an envelope from a stream; the caller closes the stream. */
    public ReadOutcome read(InputStream input) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(input, 64 * 1024);
        byte[] prefix = peek(buffered);
        Problem prologProblem = PrologCheck.check(prefix);
        if (prologProblem != null) {
            return ReadOutcome.failed(prologProblem);
        }
        InputStream limited = new NameLengthLimit(new SizeLimitedInputStream(buffered, limits.maxEnvelopeBytes()),
                limits.maxNameLength(), prefix);
        Parse parse = new Parse();
        XMLStreamReader2 reader = null;
        try {
            reader = (XMLStreamReader2) factory.createXMLStreamReader(limited);
            XmlNode root = parse.run(reader);
            Envelope envelope = EnvelopeMapper.map(root);
            return ReadOutcome.read(envelope, root, parse.spoolFiles);
        } catch (XMLStreamException e) {
            parse.deleteSpoolFiles();
            return ReadOutcome.failed(XmlProblems.classify(e, reader, limits));
        } catch (Refused e) {
            parse.deleteSpoolFiles();
            return ReadOutcome.failed(e.problem);
        } catch (IOException | RuntimeException e) {
            parse.deleteSpoolFiles();
            throw e;
        } finally {
            closeQuietly(reader);
        }
    }

    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(PROLOG_PEEK_BYTES);
        byte[] prefix = in.readNBytes(PROLOG_PEEK_BYTES);
        in.reset();
        return prefix;
    }

    private static void closeQuietly(XMLStreamReader2 reader) {
        if (reader != null) {
            try {
                reader.closeCompletely();
            } catch (XMLStreamException ignored) {
                // Nothing more can go wrong with a reader we are discarding.
            }
        }
    }

    /** The envelope is refused by a check of ours rather than by the parser; carries the finished problem. */
    private static final class Refused extends RuntimeException {
        private final transient Problem problem;

        Refused(Problem problem) {
            super(problem.code().name(), null, false, false);
            this.problem = problem;
        }
    }

    /** The state of one pass over one envelope. */
    private final class Parse {
        private final Deque<XmlNode> open = new ArrayDeque<>();
        private final Deque<Map<String, Integer>> siblingCounts = new ArrayDeque<>();
        private final List<Path> spoolFiles = new ArrayList<>();
        private long metadataChars;
        private int attachments;

        XmlNode run(XMLStreamReader2 reader) throws XMLStreamException, IOException {
            XmlNode root = null;
            siblingCounts.push(new HashMap<>());
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.DTD -> throw new Refused(
                            Problem.of(FindingCode.XML_DOCTYPE_FORBIDDEN, location(reader, "")));
                    case XMLStreamConstants.START_ELEMENT -> {
                        XmlNode node = startElement(reader);
                        if (root == null) {
                            root = requireEdxmlRoot(node);
                        }
                        if (node.is("ContentTransferEncoded") && parentIs("Attachment")) {
                            node.setContent(streamAttachment(reader, node));
                            open.peek().children().add(node);
                        } else {
                            open.push(node);
                            siblingCounts.push(new HashMap<>());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlNode closed = open.pop();
                        siblingCounts.pop();
                        if (!open.isEmpty()) {
                            open.peek().children().add(closed);
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> appendText(reader);
                    default -> {
                        // Comments and processing instructions carry nothing of the envelope.
                    }
                }
            }
            return root;
        }

        private XmlNode startElement(XMLStreamReader2 reader) {
            String name = reader.getLocalName();
            XmlNode parent = open.peek();
            String parentName = parent == null ? "" : parent.name();
            int position = siblingCounts.peek().merge(name, 1, Integer::sum);
            boolean indexed = EdxmlNames.isRepeatable(parentName, name) || position > 1;
            String step = indexed ? name + "[" + position + "]" : name;
            javax.xml.stream.Location at = reader.getLocation();
            XmlNode node = new XmlNode(reader.getNamespaceURI(), name, parent, step, at.getLineNumber(),
                    at.getColumnNumber());
            spend(markupLength(reader), reader);
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                String namespace = reader.getAttributeNamespace(i);
                node.attributeNames().add(new XmlNode.AttributeName(namespace == null ? "" : namespace,
                        reader.getAttributeLocalName(i)));
                if (namespace == null || namespace.isEmpty()) {
                    node.attributes().put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                } else if (EdxmlNames.XLINK_NAMESPACE.equals(namespace)) {
                    node.xlinkAttributes().put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                }
            }
            if (node.is("Attachment") && parentIs("AttachmentEncoded") && ++attachments > limits.maxAttachments()) {
                throw new Refused(Problem.of(FindingCode.LIMIT_ATTACHMENT_COUNT, node.location(), limits.maxAttachments()));
            }
            return node;
        }

        /** What a start tag leaves in the tree: its name, its attributes' names and values, its namespace declarations. */
        private static long markupLength(XMLStreamReader2 reader) {
            long length = reader.getLocalName().length();
            for (int i = 0; i < reader.getAttributeCount(); i++) {
                length += reader.getAttributeLocalName(i).length() + reader.getAttributeValue(i).length();
            }
            for (int i = 0; i < reader.getNamespaceCount(); i++) {
                String prefix = reader.getNamespacePrefix(i);
                String uri = reader.getNamespaceURI(i);
                length += (prefix == null ? 0 : prefix.length()) + (uri == null ? 0 : uri.length());
            }
            return length;
        }

        /** Counts {@code characters} kept from the envelope against the metadata limit. */
        private void spend(long characters, XMLStreamReader2 reader) {
            metadataChars += characters;
            if (metadataChars > limits.maxMetadataChars()) {
                String path = open.isEmpty() ? "" : open.peek().path();
                throw new Refused(Problem.of(FindingCode.LIMIT_METADATA_SIZE, location(reader, path),
                        limits.maxMetadataChars()));
            }
        }

        private XmlNode requireEdxmlRoot(XmlNode node) {
            if (!node.is("edXML")) {
                Object found = node.namespace().isEmpty()
                        ? new Bilingual(node.name() + " (không có không gian tên)", node.name() + " (no namespace)")
                        : node.name() + " {" + node.namespace() + "}";
                throw new Refused(Problem.of(FindingCode.NOT_EDXML, node.location(), found));
            }
            return node;
        }

        private boolean parentIs(String edxmlName) {
            return !open.isEmpty() && open.peek().is(edxmlName);
        }

        private void appendText(XMLStreamReader2 reader) {
            if (open.isEmpty()) {
                return;
            }
            int length = reader.getTextLength();
            spend(length, reader);
            open.peek().textBuffer().append(reader.getTextCharacters(), reader.getTextStart(), length);
        }

        /**
         * Streams the base64 text of ContentTransferEncoded into a spool file (or passes over it, for a reader without
         * attachment content: then null); leaves the reader on its end tag.
         */
        private AttachmentContent streamAttachment(XMLStreamReader2 reader, XmlNode node)
                throws XMLStreamException, IOException {
            if (spoolDirectory == null) {
                // Through a writer, as the base64 goes to a spool file: the parser then streams the text and does not
                // hold it to its text-length limit, which an attachment may exceed.
                walkAttachment(reader, node, Writer.nullWriter());
                return null;
            }
            Path spoolFile = Files.createTempFile(spoolDirectory, "attachment-", ".bin");
            spoolFiles.add(spoolFile);
            try (Base64SpoolWriter sink = new Base64SpoolWriter(spoolFile, limits.maxAttachmentBytes())) {
                walkAttachment(reader, node, sink);
                return sink.finish();
            } catch (XMLStreamException | IOException e) {
                if (XmlProblems.causeOf(e, AttachmentTooLargeException.class).isPresent()) {
                    XmlNode attachment = open.peek();
                    String name = attachment.childText("AttachmentName");
                    throw new Refused(Problem.of(FindingCode.LIMIT_ATTACHMENT_SIZE, node.location(),
                            name != null ? name : String.valueOf(attachment.childText("ContentId")),
                            limits.maxAttachmentBytes()));
                }
                throw e;
            }
        }

        /** Reads to the end tag of ContentTransferEncoded, its text into {@code sink}. */
        private void walkAttachment(XMLStreamReader2 reader, XmlNode node, Writer sink)
                throws XMLStreamException, IOException {
            int depth = 1;
            while (depth > 0) {
                switch (reader.next()) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                            reader.getText(sink, false);
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (depth++ == 1) {
                            // Kept (without content) so that the structure check can report it.
                            javax.xml.stream.Location at = reader.getLocation();
                            spend(markupLength(reader), reader);
                            node.children().add(new XmlNode(reader.getNamespaceURI(), reader.getLocalName(), node,
                                    reader.getLocalName(), at.getLineNumber(), at.getColumnNumber()));
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> depth--;
                    default -> {
                        // A comment inside base64 text is harmless.
                    }
                }
            }
        }

        private Location location(XMLStreamReader2 reader, String path) {
            javax.xml.stream.Location at = reader.getLocation();
            return new Location(at.getLineNumber(), at.getColumnNumber(), path);
        }

        void deleteSpoolFiles() {
            for (Path spoolFile : spoolFiles) {
                try {
                    Files.deleteIfExists(spoolFile);
                } catch (IOException ignored) {
                    // Best effort on a failed read; the spool directory is ours to clean on start-up too.
                }
            }
        }
    }
}
