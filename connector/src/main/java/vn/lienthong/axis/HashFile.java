package vn.lienthong.axis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code hash-file} header: SHA-256 of the edXML bytes in lower-case hex. The SDK writes each byte
 * without zero padding (0x0a becomes {@code a}), so its form is shorter and ambiguous; a server must accept
 * both forms, and a client sends the SDK's form to look exactly like the SDK.
 */
public final class HashFile {

    private HashFile() {
    }

    public static byte[] sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return digest.digest();
    }

    /** The SDK's form: each byte as {@code Integer.toHexString(b & 0xff)}. */
    public static String sdkForm(byte[] sha256) {
        StringBuilder hex = new StringBuilder(64);
        for (byte b : sha256) {
            hex.append(Integer.toHexString(b & 0xff));
        }
        return hex.toString();
    }

    public static String paddedForm(byte[] sha256) {
        return HexFormat.of().formatHex(sha256);
    }

    /** Whether a received header names these bytes, in either form. */
    public static boolean matches(String header, byte[] sha256) {
        if (header == null) {
            return false;
        }
        String received = header.trim().toLowerCase(Locale.ROOT);
        return received.equals(paddedForm(sha256)) || received.equals(sdkForm(sha256));
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
