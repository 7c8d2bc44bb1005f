package vn.lienthong.dms.rest;

import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import vn.lienthong.dms.AttachedFile;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.dms.DmsError;
import vn.lienthong.dms.DmsGateway;
import vn.lienthong.dms.DocumentRequest;
import vn.lienthong.dms.Outcome;

/**
 * POST /documents: the body as an edXML envelope, or as metadata and files, spooled under {@code uploads} (never
 * in memory) and bounded by the envelope size limit, then handed to the gateway. The spooled files are deleted
 * once the gateway has answered; the gateway keeps its own copy of what it accepts.
 */
final class Submissions {

    static final String CHANNEL = "REST";
    private static final Set<String> ENVELOPE_TYPES = Set.of("application/xml", "text/xml", "application/edxml+xml");
    private static final String MULTIPART = "multipart/form-data";
    private static final String METADATA = "metadata";

    private final DmsGateway gateway;
    private final Path uploads;
    private final RestLimits limits;

    /** What a crash left in {@code uploads} is garbage (its request was never answered) and is removed now. */
    Submissions(DmsGateway gateway, Path uploads, RestLimits limits) throws IOException {
        this.gateway = gateway;
        this.uploads = Files.createDirectories(uploads);
        this.limits = limits;
        try (Stream<Path> leftovers = Files.list(this.uploads)) {
            for (Path leftover : leftovers.toList()) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    /** Chooses by the Content-Type; anything but edXML and multipart is refused with 415. */
    Outcome submit(DmsClient client, HttpServerRequest request, String contentType) throws Exception {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (ENVELOPE_TYPES.contains(mediaType)) {
            return submitEnvelope(client, request);
        }
        if (MULTIPART.equals(mediaType)) {
            return submitDocument(client, request);
        }
        throw new BadRequest(415, RestErrors.unsupportedMediaType(contentType == null ? "" : contentType));
    }

    private Outcome submitEnvelope(DmsClient client, HttpServerRequest request) throws Exception {
        try {
            RequestBody.refuseDeclaredOver(request, limits.maxEnvelopeBytes());
        } catch (RequestBody.BodyTooLargeException e) {
            throw new BadRequest(413, RestErrors.envelopeTooLarge(e.limit()));
        }
        Path received = Files.createTempFile(uploads, "envelope-", ".edxml");
        try {
            try (OutputStream out = Files.newOutputStream(received)) {
                RequestBody.copy(request, out, limits.maxEnvelopeBytes(), limits);
            } catch (RequestBody.BodyTooLargeException e) {
                throw new BadRequest(413, RestErrors.envelopeTooLarge(e.limit()));
            }
            try (InputStream in = Files.newInputStream(received)) {
                return gateway.submitEnvelope(client, in, "REST upload", CHANNEL);
            }
        } finally {
            Files.deleteIfExists(received);
        }
    }

    private Outcome submitDocument(DmsClient client, HttpServerRequest request) throws Exception {
        try (MultipartBody body = readMultipart(request)) {
            for (String field : body.fields().names()) {
                if (!METADATA.equals(field)) {
                    // A file sent without a file name arrives as text: say so rather than send the document without it.
                    throw new BadRequest(400, RestErrors.invalid(
                            "phần \"" + field + "\" không phải là tệp (thiếu filename); mỗi tệp đính kèm phải là một phần có tên tệp.",
                            "the part \"" + field + "\" is not a file (it has no filename); each attached file must be a part with a file name.",
                            new DmsError.Where(null, null, field)));
                }
            }
            DocumentRequest metadata = metadata(body);
            List<AttachedFile> files = body.partsExcept(METADATA).stream().map(MultipartBody.Part::asAttachment).toList();
            return gateway.submitDocument(client, metadata, files, CHANNEL);
        }
    }

    private MultipartBody readMultipart(HttpServerRequest request) throws Exception {
        try {
            return MultipartBody.read(request, uploads, limits.maxEnvelopeBytes(), limits);
        } catch (RequestBody.BodyTooLargeException e) {
            throw new BadRequest(413, RestErrors.envelopeTooLarge(e.limit()));
        } catch (IllegalStateException e) {
            throw new BadRequest(400, RestErrors.invalid("thân multipart/form-data không có ranh giới (boundary) hợp lệ.",
                    "the multipart/form-data body has no valid boundary."));
        }
    }

    /** The metadata part, sent as a file part ({@code -F metadata=@x.json}) or as a plain field. */
    private static DocumentRequest metadata(MultipartBody body) throws Exception {
        Optional<MultipartBody.Part> asFile = body.parts().stream().filter(part -> METADATA.equals(part.field())).findFirst();
        if (asFile.isPresent()) {
            if (Files.size(asFile.get().file()) > RestJson.BODY_LIMIT) {
                throw new BadRequest(413, RestJson.tooLarge(METADATA));
            }
            try (InputStream in = Files.newInputStream(asFile.get().file())) {
                return RestJson.read(in, DocumentRequest.class, METADATA);
            }
        }
        String field = body.fields().get(METADATA);
        if (field == null) {
            throw new BadRequest(400, RestErrors.invalid(
                    "thiếu phần \"metadata\" (JSON mô tả văn bản) trong thân multipart/form-data.",
                    "the multipart/form-data body has no \"metadata\" part (the JSON describing the document).",
                    new DmsError.Where(null, null, METADATA)));
        }
        return RestJson.read(new ByteArrayInputStream(field.getBytes(StandardCharsets.UTF_8)), DocumentRequest.class, METADATA);
    }
}
