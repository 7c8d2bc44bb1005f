package vn.lienthong.tracking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one document package across redeliveries and re-polls: the lower-case hex SHA-256 of
 * {@code senderOrganId + "\n" + documentId + "\n" + envelopeSha256Hex} (UTF-8, envelope hash in lower-case hex).
 * The same package always yields the same key, so every receiver can tell a repeat from a new document.
 */
public record DocumentKey(String value) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public DocumentKey {
        Objects.requireNonNull(value, "value");
        if (!SHA256_HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("a document key is 64 lower-case hex digits, not: " + value);
        }
    }

    /**
     * The separator would make ("a\nb", "c") and ("a", "b\nc") collide, so a component containing a line break
     * is refused; organ ids and document ids never contain one.
     */
    public static DocumentKey of(String senderOrganId, String documentId, String envelopeSha256Hex) {
        requireSingleLine(senderOrganId, "senderOrganId");
        requireSingleLine(documentId, "documentId");
        Objects.requireNonNull(envelopeSha256Hex, "envelopeSha256Hex");
        String envelopeHash = envelopeSha256Hex.toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(envelopeHash).matches()) {
            throw new IllegalArgumentException("the envelope hash must be a SHA-256 in 64 hex digits, not: "
                    + envelopeSha256Hex);
        }
        String joined = senderOrganId + "\n" + documentId + "\n" + envelopeHash;
        return new DocumentKey(HexFormat.of().formatHex(sha256().digest(joined.getBytes(StandardCharsets.UTF_8))));
    }

    private static void requireSingleLine(String component, String name) {
        Objects.requireNonNull(component, name);
        if (component.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a line break");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
