package vn.lienthong.edxml;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import vn.lienthong.findings.Bilingual;

/**
 * Decodes base64 text as the XML parser hands it over, writing the bytes to a spool file and hashing them on
 * the way, so that an attachment of any size passes through a few kilobytes of heap. Strict: only the base64
 * alphabet and XML whitespace are allowed, padding only at the end; the first violation is remembered with
 * its position and the rest of the text is skipped (still consumed, never stored).
 */
final class Base64SpoolWriter extends Writer {

    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private final Path spoolFile;
    private final long maxBytes;
    private final MessageDigest digest = Sha256.newDigest();
    private final OutputStream out;
    private final byte[] buffer = new byte[3];

    private int quad;
    private int quadLength;
    private int paddingInQuad;
    private boolean paddingSeen;
    private long position;
    private long size;
    private Bilingual problem;

    Base64SpoolWriter(Path spoolFile, long maxBytes) throws IOException {
        this.spoolFile = spoolFile;
        this.maxBytes = maxBytes;
        this.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(spoolFile), 64 * 1024), digest);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length && problem == null; i++) {
            position++;
            accept(chars[i]);
        }
    }

    private void accept(char c) throws IOException {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            return;
        }
        if (paddingSeen) {
            fail("dữ liệu vẫn tiếp tục sau ký tự đệm '=', tại ký tự thứ " + position,
                    "data continues after the '=' padding, at character " + position);
            return;
        }
        if (c == '=') {
            if (quadLength < 2) {
                fail("ký tự đệm '=' tại vị trí " + position + " xuất hiện quá sớm trong nhóm bốn ký tự",
                        "'=' padding at character " + position + " comes too early in a group of four");
                return;
            }
            paddingInQuad++;
            completeCharacter();
            return;
        }
        int value = c < 128 ? VALUES[c] : -1;
        if (value < 0) {
            String shown = String.format("'%s' (U+%04X)", Character.isISOControl(c) ? "?" : String.valueOf(c), (int) c);
            fail("ký tự " + shown + " tại vị trí " + position + " không thuộc bảng chữ base64",
                    "character " + shown + " at position " + position + " is not in the base64 alphabet");
            return;
        }
        if (paddingInQuad > 0) {
            fail("có dữ liệu sau ký tự đệm '=' trong cùng nhóm bốn ký tự, tại ký tự thứ " + position,
                    "data follows '=' padding inside a group of four, at character " + position);
            return;
        }
        quad = (quad << 6) | value;
        completeCharacter();
    }

    private void completeCharacter() throws IOException {
        quadLength++;
        if (quadLength < 4) {
            return;
        }
        int bits = quad << (6 * paddingInQuad);
        buffer[0] = (byte) (bits >> 16);
        buffer[1] = (byte) (bits >> 8);
        buffer[2] = (byte) bits;
        int bytes = 3 - paddingInQuad;
        if (size + bytes > maxBytes) {
            throw new AttachmentTooLargeException(maxBytes);
        }
        out.write(buffer, 0, bytes);
        size += bytes;
        paddingSeen = paddingInQuad > 0;
        quad = 0;
        quadLength = 0;
        paddingInQuad = 0;
    }

    private void fail(String vietnamese, String english) {
        problem = new Bilingual(vietnamese, english);
    }

    /** Closes the spool file and returns what was decoded. */
    AttachmentContent finish() throws IOException {
        if (problem == null && quadLength != 0) {
            problem = new Bilingual(
                    "văn bản kết thúc với " + quadLength + " ký tự thừa: độ dài (không tính khoảng trắng) không chia hết"
                            + " cho 4 (bị cắt cụt hoặc thiếu ký tự đệm)",
                    "the text ends with " + quadLength + " character(s) left over: its length without whitespace"
                            + " is not a multiple of 4 (truncated or badly padded)");
        }
        out.close();
        return new AttachmentContent(spoolFile, size, HexFormat.of().formatHex(digest.digest()), problem);
    }

    @Override
    public void flush() {
        // Bytes reach the spool file on finish(); nothing to flush towards the parser.
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
