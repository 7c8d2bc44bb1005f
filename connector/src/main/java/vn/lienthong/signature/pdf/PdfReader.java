package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.util.Arrays;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * PDFBox's parser, exactly as {@code Loader.loadPDF} runs it, but reading hex strings a buffer at a time. Every
 * signature's /Contents is a hex string of tens of thousands of digits (12 kB reserved is 24,576), and PDFBox reads
 * them one character at a time through a StringBuilder and a synchronized stream: about a tenth of a connector's CPU
 * when each signed PDF is parsed three times (the file, and the signed revision under the later signature).
 *
 * Every hex string, malformed or not, is read to the very bytes PDFBox's own code gives (held to it by
 * PdfReaderProperties), so a PDF is judged exactly as before. One difference: a string longer than
 * {@link #MAX_HEX_STRING_BYTES} decoded is not read at all; the parse fails and the PDF is unreadable, where PDFBox
 * would have held the whole string, twice over.
 */
final class PdfReader extends PDFParser {

    private static final int CHUNK_BYTES = 8 * 1024;
    /**
     * The longest hex string read, decoded: a signature's /Contents is kilobytes (a few MB with revocation data), and
     * an attachment may be 400 MB, so without a bound one hostile string would fill a small heap.
     */
    static final int MAX_HEX_STRING_BYTES = 32 * 1024 * 1024;
    /** Each byte's value as a hex digit; WHITE for the white space PDFBox skips inside a hex string; OTHER otherwise. */
    private static final byte[] DIGITS = new byte[256];
    private static final byte WHITE = -1;
    private static final byte OTHER = -2;

    static {
        Arrays.fill(DIGITS, OTHER);
        for (int c = 0; c < 128; c++) { // bytes from 0x80 up are no hex digit
            if (Character.digit(c, 16) >= 0) {
                DIGITS[c] = (byte) Character.digit(c, 16);
            }
        }
        for (char c : new char[] {' ', '\n', '\t', '\r', '\b', '\f'}) {
            DIGITS[c] = WHITE;
        }
    }

    private PdfReader(RandomAccessRead source) throws IOException {
        super(source, "", null, null, IOUtils.createMemoryOnlyStreamCache());
    }

    /** The parsed document; the caller closes it (and the source). */
    static PDDocument load(RandomAccessRead source) throws IOException {
        return new PdfReader(source).parse();
    }

    @Override
    protected COSString parseCOSString() throws IOException {
        if (source.peek() != '<') {
            return super.parseCOSString();
        }
        source.read();
        return hexUpToClose();
    }

    /**
     * Reads a hex string up to its '>' as PDFBox's own code does: white space is skipped; at the first character that
     * is neither a digit nor white space an unpaired digit is dropped and everything up to '>' is passed over; an odd
     * last digit counts as its high half; no '>' before the end is an IOException.
     */
    private COSString hexUpToClose() throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        byte[] value = new byte[64];
        int length = 0;
        int high = -1;
        boolean passingOver = false;
        while (true) {
            long chunkStart = source.getPosition();
            int read = source.read(chunk, 0, chunk.length);
            if (read <= 0) {
                throw new IOException("Missing closing bracket for hex string. Reached EOS.");
            }
            for (int i = 0; i < read; i++) {
                if (high < 0 && !passingOver) {
                    // Whole pairs of digits, the body of every /Contents: one test per pair. Anything else (white
                    // space, '>', an odd digit, what is no digit) ends the run and is read one character at a time.
                    value = roomFor(value, length, (read - i) >> 1);
                    int pairsEnd = i + 2 * Math.min((read - i) >> 1, value.length - length);
                    while (i < pairsEnd) {
                        int pair = DIGITS[chunk[i] & 0xFF] << 4 | DIGITS[chunk[i + 1] & 0xFF];
                        if (pair < 0) {
                            break;
                        }
                        value[length++] = (byte) pair;
                        i += 2;
                    }
                    if (i == read) {
                        break;
                    }
                }
                if (chunk[i] == '>') {
                    source.seek(chunkStart + i + 1);
                    if (high >= 0) {
                        value = Arrays.copyOf(value, length + 1);
                        value[length++] = (byte) (high << 4);
                    }
                    return new COSString(Arrays.copyOf(value, length));
                }
                int digit = passingOver ? WHITE : DIGITS[chunk[i] & 0xFF];
                if (digit == OTHER) {
                    passingOver = true;
                    high = -1;
                } else if (digit >= 0) {
                    if (high < 0) {
                        high = digit;
                    } else {
                        if (length == value.length) {
                            if (length >= MAX_HEX_STRING_BYTES) {
                                throw new IOException("a hex string longer than " + MAX_HEX_STRING_BYTES + " bytes");
                            }
                            value = Arrays.copyOf(value, Math.min(length * 2, MAX_HEX_STRING_BYTES));
                        }
                        value[length++] = (byte) (high << 4 | digit);
                        high = -1;
                    }
                }
            }
        }
    }

    /** {@code value}, or a longer copy with room for {@code more} bytes after {@code length}, within the bound. */
    private static byte[] roomFor(byte[] value, int length, int more) {
        if (value.length - length >= more || value.length >= MAX_HEX_STRING_BYTES) {
            return value;
        }
        long wanted = Math.max((long) length + more, 2L * value.length);
        return Arrays.copyOf(value, (int) Math.min(wanted, MAX_HEX_STRING_BYTES));
    }
}
