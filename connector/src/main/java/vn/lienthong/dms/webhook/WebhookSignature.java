package vn.lienthong.dms.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook POST, as a receiver checks it:
 * <pre>
 * X-LienThong-Signature = hex( HMAC-SHA256( secret,
 *       X-LienThong-Timestamp + "\n" + X-LienThong-Key + "\n" + X-LienThong-Message-Type + "\n"
 *     + X-LienThong-Findings + "\n" + hex(SHA-256(body)) ) )
 * </pre>
 * with the secret as its UTF-8 bytes (the content of the client's secret file, surrounding whitespace removed),
 * lower-case hex, the timestamp in seconds since 1970 (UTC), and an empty line for X-LienThong-Findings when the
 * POST has none. Every header the receiver acts on is signed: a captured POST cannot be passed off as another
 * document, as a status notice, or without its findings. No header value can hold a line break, so the lines cannot
 * be shifted. Signing the body's hash rather than the body lets both sides stream a document of any size; the
 * timestamp lets the receiver refuse an old request replayed.
 *
 * @param findings the codes of X-LienThong-Findings, comma-separated; empty when there are none
 */
public record WebhookSignature(String timestamp, String key, String messageType, String findings, String bodySha256Hex) {

    /** The text the HMAC is computed over. */
    public String signedText() {
        return String.join("\n", timestamp, key, messageType, findings, bodySha256Hex);
    }

    public String sign(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signedText().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }

    /** Whether {@code signature} is the one of these headers and body hash, compared in constant time. */
    public boolean verify(String secret, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret).getBytes(StandardCharsets.US_ASCII),
                signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The lower-case hex SHA-256 of a file, read as a stream. */
    public static String sha256Hex(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
