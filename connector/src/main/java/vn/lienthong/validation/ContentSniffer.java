package vn.lienthong.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/**
 * Recognises what an attachment's bytes are from their signatures (magic numbers), reading only the start and
 * the end of the spool file; a ZIP's central directory is read to tell a DOCX from a plain archive.
 */
final class ContentSniffer {

    private static final int HEAD_BYTES = 64 * 1024;
    private static final int PDF_TAIL_BYTES = 1024;
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private ContentSniffer() {
    }

    static ContentKind sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        if (startsWith(head, PDF)) {
            return ContentKind.PDF;
        }
        if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) {
            return isWordDocument(file) ? ContentKind.DOCX : ContentKind.ZIP;
        }
        if (startsWith(head, OLE2)) {
            return ContentKind.DOC;
        }
        return looksLikeText(head) ? ContentKind.TEXT : ContentKind.OTHER_BINARY;
    }

    /** Whether a PDF ends with its %%EOF marker (allowing trailing whitespace), i.e. was not cut short. */
    static boolean pdfHasEndMarker(Path file) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int tailLength = (int) Math.min(PDF_TAIL_BYTES, length);
            byte[] tail = new byte[tailLength];
            in.seek(length - tailLength);
            in.readFully(tail);
            return new String(tail, StandardCharsets.ISO_8859_1).contains("%%EOF");
        }
    }

    private static boolean isWordDocument(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("word/document.xml") != null;
        } catch (IOException notAReadableArchive) {
            return false;
        }
    }

    /**
     * Text in any of the encodings Vietnamese agencies use (UTF-8, Windows-1258, TCVN3) has no NUL bytes and no
     * control characters other than tab, line breaks, form feed and escape; binary data nearly always does.
     */
    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int value = b & 0xFF;
            if (value < 0x20 && value != '\t' && value != '\n' && value != '\r' && value != '\f' && value != 0x1B) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
