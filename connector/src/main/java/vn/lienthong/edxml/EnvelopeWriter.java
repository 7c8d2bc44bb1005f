package vn.lienthong.edxml;

import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an {@link Envelope} as edXML (UTF-8, default namespace, indented), streaming each attachment from its
 * spool file as base64 in 76-character lines. Absent (null) components are left out; empty ones are written
 * as empty elements, so that {@link EnvelopeReader} reads back an equal envelope.
 */
public final class EnvelopeWriter {

    private static final String INDENT = "  ";
    private static final int BASE64_LINE_BYTES = 57; // 57 bytes encode to one 76-character line
    private static final int LINES_PER_CHUNK = 1024;

    private final XMLOutputFactory factory = new WstxOutputFactory();

    /** Writes to {@code target} through a temporary file beside it, so a reader never sees a half-written file. */
    public void write(Envelope envelope, Path target) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                write(envelope, out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Writes to a stream; the caller closes it. */
    public void write(Envelope envelope, OutputStream out) throws IOException {
        if (envelope.signaturePresent()) {
            throw new IllegalArgumentException("the writer does not carry an existing signature over; sign after writing");
        }
        try {
            XMLStreamWriter xml = factory.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            new Emitter(xml).envelope(envelope);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write the envelope: " + e.getMessage(), e);
        }
    }

    /** One writing pass; keeps the indentation depth. */
    private static final class Emitter {
        private final XMLStreamWriter xml;
        private int depth;

        Emitter(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void envelope(Envelope envelope) throws XMLStreamException, IOException {
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.setDefaultNamespace(EdxmlNames.NAMESPACE);
            newline();
            xml.writeStartElement(EdxmlNames.NAMESPACE, "edXML");
            xml.writeDefaultNamespace(EdxmlNames.NAMESPACE);
            if (envelope.manifest() != null && envelope.manifest().references().stream()
                    .anyMatch(reference -> !reference.xlinkAttributes().isEmpty())) {
                xml.writeNamespace("xlink", EdxmlNames.XLINK_NAMESPACE);
            }
            depth++;
            open("edXMLEnvelope");
            open("edXMLHeader");
            open("MessageHeader");
            if (envelope.header() instanceof StatusHeader status) {
                statusHeader(status);
            } else {
                edocHeader((EdocHeader) envelope.header());
            }
            close();
            if (envelope.traceHeaderList() != null) {
                traceHeaderList(envelope.traceHeaderList());
            }
            close();
            if (envelope.manifest() != null) {
                open("edXMLBody");
                manifest(envelope.manifest());
                close();
            }
            close();
            if (!envelope.attachments().isEmpty()) {
                open("AttachmentEncoded");
                for (Attachment attachment : envelope.attachments()) {
                    attachment(attachment);
                }
                close();
            }
            depth--;
            newline();
            xml.writeEndElement();
            xml.writeEndDocument();
        }

        private void edocHeader(EdocHeader header) throws XMLStreamException {
            organization("From", header.from());
            for (Organization to : header.to()) {
                organization("To", to);
            }
            leaf("DocumentId", header.documentId());
            if (header.code() != null) {
                open("Code");
                leaf("CodeNumber", header.code().codeNumber());
                leaf("CodeNotation", header.code().codeNotation());
                close();
            }
            if (header.promulgationInfo() != null) {
                open("PromulgationInfo");
                leaf("Place", header.promulgationInfo().place());
                leaf("PromulgationDate", header.promulgationInfo().promulgationDate());
                close();
            }
            if (header.documentType() != null) {
                open("DocumentType");
                leaf("Type", header.documentType().type());
                leaf("TypeDetail", header.documentType().typeDetail());
                leaf("TypeName", header.documentType().typeName());
                close();
            }
            leaf("Subject", header.subject());
            leaf("Content", header.content());
            if (header.signerInfo() != null) {
                open("SignerInfo");
                leaf("Competence", header.signerInfo().competence());
                leaf("Position", header.signerInfo().position());
                leaf("FullName", header.signerInfo().fullName());
                close();
            }
            leaf("DueDate", header.dueDate());
            list("ToPlaces", "Place", header.toPlaces());
            if (header.otherInfo() != null) {
                otherInfo(header.otherInfo());
            }
            responseFor(header.responseFor());
            leaf("SteeringType", header.steeringType());
        }

        private void otherInfo(OtherInfo info) throws XMLStreamException {
            open("OtherInfo");
            leaf("Priority", info.priority());
            leaf("SphereOfPromulgation", info.sphereOfPromulgation());
            leaf("TyperNotation", info.typerNotation());
            leaf("PromulgationAmount", info.promulgationAmount());
            leaf("PageAmount", info.pageAmount());
            list("Appendixes", "Appendix", info.appendixes());
            leaf("Direction", info.direction());
            close();
        }

        private void statusHeader(StatusHeader header) throws XMLStreamException {
            organization("From", header.from());
            responseFor(header.responseFor());
            staffInfo(header.staffInfo());
            leaf("StatusCode", header.statusCode());
            leaf("Description", header.description());
            leaf("Timestamp", header.timestamp());
        }

        private void organization(String name, Organization organization) throws XMLStreamException {
            if (organization == null) {
                return;
            }
            open(name);
            leaf("OrganId", organization.organId());
            leaf("OrganizationInCharge", organization.organizationInCharge());
            leaf("OrganName", organization.organName());
            leaf("OrganAdd", organization.organAdd());
            leaf("Email", organization.email());
            leaf("Telephone", organization.telephone());
            leaf("Fax", organization.fax());
            leaf("Website", organization.website());
            close();
        }

        private void responseFor(ResponseFor responseFor) throws XMLStreamException {
            if (responseFor == null) {
                return;
            }
            open("ResponseFor");
            leaf("OrganId", responseFor.organId());
            leaf("Code", responseFor.code());
            leaf("PromulgationDate", responseFor.promulgationDate());
            leaf("DocumentId", responseFor.documentId());
            close();
        }

        private void staffInfo(StaffInfo staff) throws XMLStreamException {
            if (staff == null) {
                return;
            }
            open("StaffInfo");
            leaf("Department", staff.department());
            leaf("Staff", staff.staff());
            leaf("Email", staff.email());
            leaf("Mobile", staff.mobile());
            close();
        }

        private void traceHeaderList(TraceHeaderList list) throws XMLStreamException {
            open("TraceHeaderList", list.attributes());
            for (TraceHeader trace : list.traceHeaders()) {
                open("TraceHeader");
                leaf("OrganId", trace.organId());
                leaf("Timestamp", trace.timestamp());
                close();
            }
            if (list.business() != null) {
                business(list.business());
            }
            close();
        }

        private void business(Business business) throws XMLStreamException {
            open("Bussiness");
            leaf("BussinessDocType", business.docType());
            leaf("BussinessDocReason", business.docReason());
            leaf("Paper", business.paper());
            staffInfo(business.staffInfo());
            leaf("DocumentId", business.documentId());
            BusinessDocumentInfo info = business.documentInfo();
            if (info != null) {
                open("BussinessDocumentInfo");
                leaf("DocumentInfo", info.documentInfo());
                leaf("DocumentReceiver", info.documentReceiver());
                if (!info.receivers().isEmpty()) {
                    open("ReceiverList");
                    for (Receiver receiver : info.receivers()) {
                        open("Receiver");
                        leaf("OrganId", receiver.organId());
                        leaf("ReceiverType", receiver.receiverType());
                        close();
                    }
                    close();
                }
                close();
            }
            if (!business.replacements().isEmpty()) {
                open("ReplacementInfoList");
                for (ReplacementInfo replacement : business.replacements()) {
                    open("ReplacementInfo");
                    leaf("DocumentId", replacement.documentId());
                    list("OrganIdList", "OrganId", replacement.organIds());
                    close();
                }
                close();
            }
            close();
        }

        private void manifest(Manifest manifest) throws XMLStreamException {
            open("edXMLManifest", manifest.version() == null ? Map.of() : Map.of("version", manifest.version()));
            for (ManifestReference reference : manifest.references()) {
                open("Reference");
                for (Map.Entry<String, String> xlink : reference.xlinkAttributes().entrySet()) {
                    xml.writeAttribute("xlink", EdxmlNames.XLINK_NAMESPACE, xlink.getKey(), xlink.getValue());
                }
                leaf("ContentId", reference.contentId());
                leaf("ContentType", reference.contentType());
                leaf("AttachmentName", reference.attachmentName());
                leaf("Description", reference.description());
                close();
            }
            close();
        }

        private void attachment(Attachment attachment) throws XMLStreamException, IOException {
            open("Attachment");
            leaf("ContentId", attachment.contentId());
            leaf("AttachmentName", attachment.attachmentName());
            leaf("ContentType", attachment.contentType());
            leaf("Description", attachment.description());
            if (attachment.content() != null) {
                newline();
                xml.writeStartElement(EdxmlNames.NAMESPACE, "ContentTransferEncoded");
                base64(attachment.content());
                xml.writeEndElement();
            }
            close();
        }

        /** Encodes the spool file chunk by chunk; each chunk is whole lines, so line breaks fall every 76 chars. */
        private void base64(AttachmentContent content) throws XMLStreamException, IOException {
            Base64.Encoder encoder = Base64.getMimeEncoder(76, new byte[] {'\n'});
            byte[] chunk = new byte[BASE64_LINE_BYTES * LINES_PER_CHUNK];
            try (InputStream in = content.openStream()) {
                int filled;
                while ((filled = in.readNBytes(chunk, 0, chunk.length)) > 0) {
                    byte[] input = filled == chunk.length ? chunk : Arrays.copyOf(chunk, filled);
                    xml.writeCharacters("\n" + new String(encoder.encode(input), StandardCharsets.US_ASCII));
                }
            }
            xml.writeCharacters("\n");
        }

        private void list(String container, String item, List<String> values) throws XMLStreamException {
            if (values.isEmpty()) {
                return;
            }
            open(container);
            for (String value : values) {
                leaf(item, value);
            }
            close();
        }

        private void leaf(String name, String value) throws XMLStreamException {
            if (value == null) {
                return;
            }
            newline();
            xml.writeStartElement(EdxmlNames.NAMESPACE, name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }

        private void open(String name) throws XMLStreamException {
            open(name, Map.of());
        }

        private void open(String name, Map<String, String> attributes) throws XMLStreamException {
            newline();
            xml.writeStartElement(EdxmlNames.NAMESPACE, name);
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                xml.writeAttribute(attribute.getKey(), attribute.getValue());
            }
            depth++;
        }

        private void close() throws XMLStreamException {
            depth--;
            newline();
            xml.writeEndElement();
        }

        private void newline() throws XMLStreamException {
            xml.writeCharacters("\n" + INDENT.repeat(depth));
        }
    }
}
