package vn.lienthong.transport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.lienthong.edxml.EdocHeader;
import vn.lienthong.edxml.MessageHeader;
import vn.lienthong.edxml.Organization;
import vn.lienthong.edxml.StatusHeader;
import vn.lienthong.findings.Direction;
import vn.lienthong.findings.Shown;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.TrackedDocument;

/**
 * Who sent a package collected from the axis, to whom, and which document it is, taken from the envelope where it
 * says so and from the axis's own list where it does not: received envelopes may lack a sender or a DocumentId,
 * name a recipient as {@code null}, or not be readable at all, and each still needs a key and a tracking record.
 * An identifier that cannot be a key or be tracked (a control character in it, or longer than tracking keeps) is
 * treated as absent, so that whatever the axis brings can always be recorded, and held if need be.
 */
record ReceivedEnvelope(String sender, List<String> recipients, String documentId, String code, String messageType,
                        String axisDocId) {

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s,;\\[\\]\"]+");
    /** What the tracking database keeps (schema.sql): sender and recipients, document id, axis id. */
    private static final int MAX_ORGAN_ID = 64;
    private static final int MAX_DOCUMENT_ID = 200;
    private static final int MAX_STATUS_CODE = 16;
    private static final int MAX_AXIS_DOC_ID = 255;

    static ReceivedEnvelope of(Optional<MessageHeader> header, String axisDocId, String axisFrom, String axisTo) {
        List<String> fromAxis = identifiers(axisTo);
        String axisSender = present(axisFrom, MAX_ORGAN_ID).orElse("");
        String trackedAxisDocId = trackedAxisDocId(axisDocId);
        if (header.isEmpty()) {
            return new ReceivedEnvelope(axisSender, fromAxis, unread(axisDocId), null, "edoc", trackedAxisDocId);
        }
        String sender = present(header.get().from() == null ? null : header.get().from().organId(), MAX_ORGAN_ID)
                .orElse(axisSender);
        List<String> named = namedRecipients(header.get());
        List<String> recipients = named.isEmpty() ? fromAxis : named;
        if (header.get() instanceof StatusHeader status) {
            String about = status.responseFor() == null ? ""
                    : present(status.responseFor().documentId(), MAX_DOCUMENT_ID).orElse("");
            String statusCode = present(status.statusCode(), MAX_STATUS_CODE).orElse("");
            return new ReceivedEnvelope(sender, recipients, "status:" + statusCode + ":" + about, null, "status",
                    trackedAxisDocId);
        }
        EdocHeader edoc = (EdocHeader) header.get();
        String documentId = present(edoc.documentId(), MAX_DOCUMENT_ID).orElse(unread(axisDocId));
        String code = edoc.code() == null ? null
                : String.join("/", nonNull(edoc.code().codeNumber()), nonNull(edoc.code().codeNotation()));
        return new ReceivedEnvelope(sender, recipients, documentId, code, "edoc", trackedAxisDocId);
    }

    /** The axis's id for a package as tracking keeps it; the lookup of a redelivered package uses the same. */
    static String trackedAxisDocId(String axisDocId) {
        if (axisDocId == null) {
            return null;
        }
        String shown = Shown.escaped(axisDocId);
        return shown.length() > MAX_AXIS_DOC_ID ? shown.substring(0, MAX_AXIS_DOC_ID) : shown;
    }

    /** A status code fit to be tracked, or empty. */
    static Optional<String> trackableStatusCode(String statusCode) {
        return present(statusCode, MAX_STATUS_CODE);
    }

    /** An OrganId fit to be tracked, or empty. */
    static Optional<String> trackableOrganId(String organId) {
        return present(organId, MAX_ORGAN_ID);
    }

    /**
     * The recipients the envelope names by an identifier: each To's OrganId of an edoc, the ResponseFor OrganId of a
     * status. An empty OrganId or the literal {@code null} names nobody.
     */
    static List<String> namedRecipients(MessageHeader header) {
        Set<String> named = new LinkedHashSet<>();
        if (header instanceof StatusHeader status) {
            if (status.responseFor() != null) {
                present(status.responseFor().organId(), MAX_ORGAN_ID).ifPresent(named::add);
            }
        } else {
            for (Organization to : ((EdocHeader) header).to()) {
                present(to.organId(), MAX_ORGAN_ID).ifPresent(named::add);
            }
        }
        return List.copyOf(named);
    }

    DocumentKey key(String envelopeSha256) {
        return DocumentKey.of(sender, documentId, envelopeSha256);
    }

    TrackedDocument document(DocumentKey key, String sha256, DocumentState state, String reason, Instant now) {
        return new TrackedDocument(key, Direction.INBOUND, messageType, sender, recipients, documentId, code, sha256,
                axisDocId, state, reason, now, now);
    }

    /** A package that cannot be read is known by the axis's id for it. */
    private static String unread(String axisDocId) {
        String shown = "axis:" + Shown.escaped(String.valueOf(axisDocId));
        return shown.length() > MAX_DOCUMENT_ID ? shown.substring(0, MAX_DOCUMENT_ID) : shown;
    }

    /** The identifier without surrounding white space, unless it is empty, "null", or cannot be a key or tracked. */
    private static Optional<String> present(String identifier, int maxLength) {
        if (identifier == null) {
            return Optional.empty();
        }
        String value = identifier.strip();
        if (value.isEmpty() || "null".equals(value.toLowerCase(Locale.ROOT)) || value.length() > maxLength
                || value.codePoints().anyMatch(Shown::isInvisible)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The axis's {@code to}: one identifier, a list, or a JSON array of them; read liberally. */
    private static List<String> identifiers(String text) {
        List<String> identifiers = new ArrayList<>();
        if (text != null) {
            for (String part : LIST_SEPARATORS.split(text)) {
                present(part, MAX_ORGAN_ID).ifPresent(identifiers::add);
            }
        }
        return identifiers.stream().distinct().toList();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
