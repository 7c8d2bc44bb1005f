package vn.lienthong.edxml;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import vn.lienthong.findings.Bilingual;

/**
 * Decodes base64 text as the XML parser hands it over, writing the bytes to a spool file and hashing them on
 * the way, so that an attachment of any size passes through a few kilobytes of heap. Strict: only the base64
 * alphabet and XML whitespace are allowed, padding only at the end; the first violation is remembered with
 * its position and the rest of the text is skipped (still consumed, never stored).
 * <p>
 * The parser's chunks are decoded in bulk: a tight loop takes whole runs of the alphabet and whitespace into a
 * buffer of decoded bytes, which is hashed and written a buffer at a time. Anything else (padding, a stray
 * character) goes through the careful path one character at a time, so every error keeps its exact position.
 */
final class Base64SpoolWriter extends Writer {

    private static final int WHITESPACE = -2;
    private static final int[] VALUES = new int[128];
    private static final int DECODED_BUFFER = 3 * 16 * 1024;

    static {
        java.util.Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
        for (char c : new char[] {' ', '\n', '\r', '\t'}) {
            VALUES[c] = WHITESPACE;
        }
    }

    private final Path spoolFile;
    private final long maxBytes;
    private final MessageDigest digest = Sha256.newDigest();
    private final OutputStream out;
    private final byte[] decoded = new byte[DECODED_BUFFER];
    private int decodedLength;

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
        this.out = Files.newOutputStream(spoolFile);
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int end = offset + length;
        int i = offset;
        while (i < end && problem == null) {
            if (paddingInQuad == 0 && !paddingSeen) {
                i = decodeRun(chars, i, end);
                if (i == end) {
                    return;
                }
            }
            position++;
            accept(chars[i++]);
        }
    }

    /**
     * Decodes from {@code from} while the text is the alphabet or whitespace; returns where it stopped: at {@code end},
     * or at a character (padding, or one outside the alphabet) for {@link #accept} to judge.
     */
    private int decodeRun(char[] chars, int from, int end) throws IOException {
        int bits = quad;
        int count = quadLength;
        int i = from;
        for (; i < end; i++) {
            char c = chars[i];
            int value = c < 128 ? VALUES[c] : -1;
            if (value < 0) {
                if (value == WHITESPACE) {
                    continue;
                }
                break;
            }
            bits = (bits << 6) | value;
            if (++count == 4) {
                emit(bits, 3);
                bits = 0;
                count = 0;
            }
        }
        quad = bits;
        quadLength = count;
        position += i - from;
        return i;
    }

    /** One character, judged with care: whitespace, padding, or a character the bulk loop stopped at. */
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
        emit(quad << (6 * paddingInQuad), 3 - paddingInQuad);
        paddingSeen = paddingInQuad > 0;
        quad = 0;
        quadLength = 0;
        paddingInQuad = 0;
    }

    /** The first {@code bytes} of a group's 24 {@code bits}, into the buffer of decoded bytes. */
    private void emit(int bits, int bytes) throws IOException {
        if (size + bytes > maxBytes) {
            throw new AttachmentTooLargeException(maxBytes);
        }
        if (decodedLength > DECODED_BUFFER - 3) {
            drain();
        }
        decoded[decodedLength] = (byte) (bits >> 16);
        decoded[decodedLength + 1] = (byte) (bits >> 8);
        decoded[decodedLength + 2] = (byte) bits;
        decodedLength += bytes;
        size += bytes;
    }

    /** Hashes and writes the decoded bytes buffered so far. */
    private void drain() throws IOException {
        digest.update(decoded, 0, decodedLength);
        out.write(decoded, 0, decodedLength);
        decodedLength = 0;
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
        drain();
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
