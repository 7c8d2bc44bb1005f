package vn.lienthong.dms;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.lienthong.axis.AxisTimestamp;
import vn.lienthong.edxml.Attachment;
import vn.lienthong.edxml.AttachmentContent;
import vn.lienthong.edxml.Business;
import vn.lienthong.edxml.DocumentCode;
import vn.lienthong.edxml.DocumentType;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.Envelope;
import vn.lienthong.edxml.EnvelopeWriter;
import vn.lienthong.edxml.Manifest;
import vn.lienthong.edxml.ManifestReference;
import vn.lienthong.edxml.Organization;
import vn.lienthong.edxml.OtherInfo;
import vn.lienthong.edxml.PromulgationInfo;
import vn.lienthong.edxml.ResponseFor;
import vn.lienthong.edxml.SignerInfo;
import vn.lienthong.edxml.StaffInfo;
import vn.lienthong.edxml.StatusHeader;
import vn.lienthong.edxml.TraceHeader;
import vn.lienthong.edxml.TraceHeaderList;
import vn.lienthong.tracking.TrackedDocument;

/**
 * Builds edXML for clients that send data instead of envelopes: an official document from metadata and files,
 * and a status notice from a reported status. The result is validated like any envelope afterwards, so a gap in
 * the metadata comes back as the same findings an envelope would get.
 */
public final class EnvelopeFactory {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final Map<String, String> TYPES_BY_EXTENSION = Map.of(
            "pdf", "application/pdf", "zip", "application/zip", "doc", "application/msword",
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "txt", "text/plain");

    private final EnvelopeWriter writer = new EnvelopeWriter();

    public void writeDocument(DocumentRequest request, List<AttachedFile> files, Path target) throws IOException {
        String today = DATE.format(LocalDate.now(AxisTimestamp.VIETNAM));
        String organId = request.from() == null ? null : request.from().organId();
        String date = request.promulgationDate() != null ? request.promulgationDate() : today;
        String documentId = request.documentId() != null ? request.documentId()
                : request.codeNumber() != null && request.codeNotation() != null
                ? organId + "," + date + "," + request.codeNumber() + "/" + request.codeNotation()
                : UUID.randomUUID().toString();
        EdocHeader header = new EdocHeader(
                request.from() == null ? null : Organization.withId(organId, request.from().name()),
                request.to().stream().map(agency -> Organization.withId(agency.organId(), agency.name())).toList(),
                documentId,
                request.codeNumber() == null && request.codeNotation() == null ? null
                        : new DocumentCode(request.codeNumber(), request.codeNotation()),
                new PromulgationInfo(request.place(), date),
                request.documentType() == null && request.documentTypeName() == null ? null
                        : new DocumentType(request.documentType() == null ? null : request.documentType().toString(), null,
                                request.documentTypeName()),
                request.subject(), request.content(),
                request.signer() == null ? null : new SignerInfo(request.signer().competence(), request.signer().position(),
                        request.signer().fullName()),
                request.dueDate(), List.of(),
                request.priority() == null ? null : new OtherInfo(request.priority().toString(), null, null, null, null, List.of(), null),
                null, null);
        List<ManifestReference> references = new ArrayList<>();
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            AttachedFile file = files.get(i);
            DocumentRequest.AttachmentRequest described = describe(request, file.name());
            String contentType = described.contentType() != null ? described.contentType() : guessType(file.name());
            String contentId = "att" + (i + 1);
            references.add(new ManifestReference("cid:" + contentId, contentType, file.name(), described.description(), Map.of()));
            attachments.add(new Attachment(contentId, file.name(), contentType, described.description(),
                    AttachmentContent.ofFile(file.file())));
        }
        TraceHeaderList trace = new TraceHeaderList(
                List.of(new TraceHeader(organId, TIMESTAMP.format(LocalDateTime.now(AxisTimestamp.VIETNAM)))),
                new Business("0", null, "0", null, null, null, List.of()), Map.of());
        writer.write(new Envelope(header, trace, false, new Manifest("1.0", references), attachments), target);
    }

    /** A status notice from {@code reportingAgency} about a document it received. */
    public void writeStatus(TrackedDocument received, String reportingAgency, StatusReport report, Path target)
            throws IOException {
        StatusHeader header = new StatusHeader(
                Organization.withId(reportingAgency, null),
                new ResponseFor(received.senderOrganId(), received.code(), null, received.documentId()),
                new StaffInfo(report.department(), report.staff(), report.email(), report.mobile()),
                report.statusCode(), report.description(), TIMESTAMP.format(LocalDateTime.now(AxisTimestamp.VIETNAM)));
        writer.write(new Envelope(header, null, false, null, List.of()), target);
    }

    private static DocumentRequest.AttachmentRequest describe(DocumentRequest request, String fileName) {
        return request.attachments().stream().filter(attachment -> fileName.equals(attachment.name())).findFirst()
                .orElse(new DocumentRequest.AttachmentRequest(fileName, null, null));
    }

    static String guessType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES_BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
    }
}
