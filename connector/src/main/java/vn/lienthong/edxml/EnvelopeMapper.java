package vn.lienthong.edxml;

import java.util.List;
import java.util.Optional;

/**
 * Builds the typed {@link Envelope} from the element tree. Tolerant by design: an element in the wrong place
 * or unknown is skipped here and reported by the schema check, so the model is always built and every rule can
 * still run.
 */
final class EnvelopeMapper {

    private static final List<String> STATUS_ONLY = List.of("StatusCode", "StaffInfo", "Description", "Timestamp");

    private EnvelopeMapper() {
    }

    static Envelope map(XmlNode root) {
        Optional<XmlNode> envelope = root.child("edXMLEnvelope");
        Optional<XmlNode> header = envelope.flatMap(node -> node.child("edXMLHeader"));
        Optional<XmlNode> messageHeader = header.flatMap(node -> node.child("MessageHeader"));
        boolean status = messageHeader.map(EnvelopeMapper::isStatusHeader).orElse(false);
        MessageHeader typedHeader = status
                ? statusHeader(messageHeader.get())
                : edocHeader(messageHeader.orElse(null));
        TraceHeaderList traces = header.flatMap(node -> node.child("TraceHeaderList"))
                .map(EnvelopeMapper::traceHeaderList)
                .orElse(null);
        boolean signed = header.map(EnvelopeMapper::hasSignature).orElse(false);
        Manifest manifest = envelope.flatMap(node -> node.child("edXMLBody"))
                .flatMap(body -> body.child("edXMLManifest"))
                .map(EnvelopeMapper::manifest)
                .orElse(null);
        List<Attachment> attachments = root.child("AttachmentEncoded")
                .map(encoded -> encoded.children("Attachment").stream().map(EnvelopeMapper::attachment).toList())
                .orElse(List.of());
        return new Envelope(typedHeader, traces, signed, manifest, attachments);
    }

    /**
     * A status header is recognised by any element only a status has, so a status missing its StatusCode is
     * still judged as a status (and told so) rather than as a document missing everything.
     */
    private static boolean isStatusHeader(XmlNode messageHeader) {
        return STATUS_ONLY.stream().anyMatch(name -> messageHeader.child(name).isPresent());
    }

    private static boolean hasSignature(XmlNode header) {
        return header.children().stream().anyMatch(child ->
                EdxmlNames.XMLDSIG_NAMESPACE.equals(child.namespace()) && "Signature".equals(child.name()));
    }

    private static EdocHeader edocHeader(XmlNode node) {
        if (node == null) {
            return new EdocHeader(null, List.of(), null, null, null, null, null, null, null, null, List.of(), null,
                    null, null);
        }
        return new EdocHeader(
                node.child("From").map(EnvelopeMapper::organization).orElse(null),
                node.children("To").stream().map(EnvelopeMapper::organization).toList(),
                node.childText("DocumentId"),
                node.child("Code").map(code -> new DocumentCode(code.childText("CodeNumber"), code.childText("CodeNotation")))
                        .orElse(null),
                node.child("PromulgationInfo")
                        .map(info -> new PromulgationInfo(info.childText("Place"), info.childText("PromulgationDate")))
                        .orElse(null),
                node.child("DocumentType")
                        .map(type -> new DocumentType(type.childText("Type"), type.childText("TypeDetail"),
                                type.childText("TypeName")))
                        .orElse(null),
                node.childText("Subject"),
                node.childText("Content"),
                node.child("SignerInfo")
                        .map(signer -> new SignerInfo(signer.childText("Competence"), signer.childText("Position"),
                                signer.childText("FullName")))
                        .orElse(null),
                node.childText("DueDate"),
                node.child("ToPlaces").map(places -> texts(places, "Place")).orElse(List.of()),
                node.child("OtherInfo").map(EnvelopeMapper::otherInfo).orElse(null),
                node.child("ResponseFor").map(EnvelopeMapper::responseFor).orElse(null),
                node.childText("SteeringType"));
    }

    private static StatusHeader statusHeader(XmlNode node) {
        return new StatusHeader(
                node.child("From").map(EnvelopeMapper::organization).orElse(null),
                node.child("ResponseFor").map(EnvelopeMapper::responseFor).orElse(null),
                node.child("StaffInfo").map(EnvelopeMapper::staffInfo).orElse(null),
                node.childText("StatusCode"),
                node.childText("Description"),
                node.childText("Timestamp"));
    }

    private static Organization organization(XmlNode node) {
        return new Organization(
                node.childText("OrganId"),
                node.childText("OrganizationInCharge"),
                node.childText("OrganName"),
                node.childText("OrganAdd"),
                node.childText("Email"),
                node.childText("Telephone"),
                node.childText("Fax"),
                node.childText("Website"));
    }

    private static OtherInfo otherInfo(XmlNode node) {
        return new OtherInfo(
                node.childText("Priority"),
                node.childText("SphereOfPromulgation"),
                node.childText("TyperNotation"),
                node.childText("PromulgationAmount"),
                node.childText("PageAmount"),
                node.child("Appendixes").map(appendixes -> texts(appendixes, "Appendix")).orElse(List.of()),
                node.childText("Direction"));
    }

    private static ResponseFor responseFor(XmlNode node) {
        return new ResponseFor(node.childText("OrganId"), node.childText("Code"), node.childText("PromulgationDate"),
                node.childText("DocumentId"));
    }

    private static StaffInfo staffInfo(XmlNode node) {
        return new StaffInfo(node.childText("Department"), node.childText("Staff"), node.childText("Email"),
                node.childText("Mobile"));
    }

    private static TraceHeaderList traceHeaderList(XmlNode node) {
        List<TraceHeader> traces = node.children("TraceHeader").stream()
                .map(trace -> new TraceHeader(trace.childText("OrganId"), trace.childText("Timestamp")))
                .toList();
        Business business = node.child("Bussiness").map(EnvelopeMapper::business).orElse(null);
        return new TraceHeaderList(traces, business, node.attributes());
    }

    private static Business business(XmlNode node) {
        return new Business(
                node.childText("BussinessDocType"),
                node.childText("BussinessDocReason"),
                node.childText("Paper"),
                node.child("StaffInfo").map(EnvelopeMapper::staffInfo).orElse(null),
                node.childText("DocumentId"),
                node.child("BussinessDocumentInfo").map(EnvelopeMapper::businessDocumentInfo).orElse(null),
                node.child("ReplacementInfoList")
                        .map(list -> list.children("ReplacementInfo").stream().map(EnvelopeMapper::replacementInfo).toList())
                        .orElse(List.of()));
    }

    private static BusinessDocumentInfo businessDocumentInfo(XmlNode node) {
        List<Receiver> receivers = node.child("ReceiverList")
                .map(list -> list.children("Receiver").stream()
                        .map(receiver -> new Receiver(receiver.childText("OrganId"), receiver.childText("ReceiverType")))
                        .toList())
                .orElse(List.of());
        return new BusinessDocumentInfo(node.childText("DocumentInfo"), node.childText("DocumentReceiver"), receivers);
    }

    private static ReplacementInfo replacementInfo(XmlNode node) {
        List<String> organIds = node.child("OrganIdList").map(list -> texts(list, "OrganId")).orElse(List.of());
        return new ReplacementInfo(node.childText("DocumentId"), organIds);
    }

    private static Manifest manifest(XmlNode node) {
        List<ManifestReference> references = node.children("Reference").stream()
                .map(reference -> new ManifestReference(
                        reference.childText("ContentId"),
                        reference.childText("ContentType"),
                        reference.childText("AttachmentName"),
                        reference.childText("Description"),
                        reference.xlinkAttributes()))
                .toList();
        return new Manifest(node.attributes().get("version"), references);
    }

    private static Attachment attachment(XmlNode node) {
        AttachmentContent content = node.child("ContentTransferEncoded").map(XmlNode::content).orElse(null);
        return new Attachment(
                node.childText("ContentId"),
                node.childText("AttachmentName"),
                node.childText("ContentType"),
                node.childText("Description"),
                content);
    }

    private static List<String> texts(XmlNode parent, String childName) {
        return parent.children(childName).stream().map(XmlNode::text).toList();
    }
}
