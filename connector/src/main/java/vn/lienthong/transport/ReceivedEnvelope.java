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
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.TrackedDocument;

/**
 * Who sent a package collected from the axis, to whom, and which document it is, taken from the envelope where it
 * says so and from the axis's own list where it does not: received envelopes may lack a sender or a DocumentId,
 * name a recipient as {@code null}, or not be readable at all, and each still needs a key and a tracking record.
 */
record ReceivedEnvelope(String sender, List<String> recipients, String documentId, String code, String messageType,
                        String axisDocId) {

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s,;\\[\\]\"]+");

    static ReceivedEnvelope of(Optional<MessageHeader> header, String axisDocId, String axisFrom, String axisTo) {
        List<String> fromAxis = identifiers(axisTo);
        String axisSender = axisFrom == null ? "" : axisFrom.strip();
        if (header.isEmpty()) {
            return new ReceivedEnvelope(axisSender, fromAxis, unread(axisDocId), null, "edoc", axisDocId);
        }
        String sender = present(header.get().from() == null ? null : header.get().from().organId()).orElse(axisSender);
        List<String> named = namedRecipients(header.get());
        List<String> recipients = named.isEmpty() ? fromAxis : named;
        if (header.get() instanceof StatusHeader status) {
            String about = status.responseFor() == null ? "" : present(status.responseFor().documentId()).orElse("");
            String statusCode = present(status.statusCode()).orElse("");
            return new ReceivedEnvelope(sender, recipients, "status:" + statusCode + ":" + about, null, "status", axisDocId);
        }
        EdocHeader edoc = (EdocHeader) header.get();
        String documentId = present(edoc.documentId()).orElse(unread(axisDocId));
        String code = edoc.code() == null ? null
                : String.join("/", nonNull(edoc.code().codeNumber()), nonNull(edoc.code().codeNotation()));
        return new ReceivedEnvelope(sender, recipients, documentId, code, "edoc", axisDocId);
    }

    /**
     * The recipients the envelope names by an identifier: each To's OrganId of an edoc, the ResponseFor OrganId of a
     * status. An empty OrganId or the literal {@code null} names nobody.
     */
    static List<String> namedRecipients(MessageHeader header) {
        Set<String> named = new LinkedHashSet<>();
        if (header instanceof StatusHeader status) {
            if (status.responseFor() != null) {
                present(status.responseFor().organId()).ifPresent(named::add);
            }
        } else {
            for (Organization to : ((EdocHeader) header).to()) {
                present(to.organId()).ifPresent(named::add);
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
        return "axis:" + axisDocId;
    }

    private static Optional<String> present(String identifier) {
        if (identifier == null) {
            return Optional.empty();
        }
        String value = identifier.strip();
        if (value.isEmpty() || "null".equals(value.toLowerCase(Locale.ROOT)) || value.contains("\n")) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The axis's {@code to}: one identifier, a list, or a JSON array of them; read liberally. */
    private static List<String> identifiers(String text) {
        List<String> identifiers = new ArrayList<>();
        if (text != null) {
            for (String part : LIST_SEPARATORS.split(text)) {
                present(part).ifPresent(identifiers::add);
            }
        }
        return identifiers.stream().distinct().toList();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
