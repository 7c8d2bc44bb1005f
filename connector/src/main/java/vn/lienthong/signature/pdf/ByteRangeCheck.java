package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import vn.lienthong.findings.Bilingual;

/**
 * Whether a /ByteRange covers the whole revision except exactly its own /Contents string, as ISO 32000 requires.
 * A range that leaves more unsigned (or points its hole at some other string) is how signatures are attacked.
 */
final class ByteRangeCheck {

    private static final int EOF_WINDOW = 64;
    private static final String EOF_MARKER = "%%EOF";

    /** The checked range, or the problem with it in both languages (it becomes the argument of a reason). */
    record Outcome(ByteRange range, Bilingual problem) {

        boolean valid() {
            return problem == null;
        }
    }

    private ByteRangeCheck() {
    }

    static Outcome check(Optional<long[]> numbers, byte[] contents, SignedFile file) throws IOException {
        if (numbers.isEmpty()) {
            return invalid("thiếu /ByteRange hoặc /ByteRange không phải là bốn số nguyên",
                    "/ByteRange is missing or is not four integers");
        }
        long[] n = numbers.get();
        if (n[0] != 0) {
            return invalid("đoạn được ký đầu tiên bắt đầu từ byte " + n[0] + " chứ không phải từ đầu tệp",
                    "the first signed range starts at byte " + n[0] + ", not at the start of the file");
        }
        long holeStart = n[1];
        long holeEnd = n[2];
        long end = holeEnd + n[3];
        if (holeStart < 0 || holeEnd <= holeStart || n[3] < 0 || end > file.length()) {
            String first = "[0, " + holeStart + ")";
            String second = "[" + holeEnd + ", " + end + ")";
            return invalid("các đoạn " + first + " và " + second + " không nằm trọn trong tệp dài " + file.length() + " byte",
                    "the ranges " + first + " and " + second + " do not fit in a file of " + file.length() + " bytes");
        }
        ByteRange range = new ByteRange(holeStart, holeEnd, end);
        if (!holeIsContents(range, contents, file)) {
            String gap = "[" + holeStart + ", " + holeEnd + ")";
            return invalid("khoảng không được ký " + gap + " không đúng bằng chuỗi /Contents của chữ ký",
                    "the unsigned gap " + gap + " is not exactly the signature's /Contents string");
        }
        if (!endsRevision(end, file)) {
            return invalid("phần được ký kết thúc ở byte " + end + ", không phải ở cuối một phiên bản của tệp (%%EOF)",
                    "the signed bytes end at " + end + ", which is not the end of a revision (%%EOF)");
        }
        return new Outcome(range, null);
    }

    private static Outcome invalid(String vietnamese, String english) {
        return new Outcome(null, new Bilingual(vietnamese, english));
    }

    /** The gap must be "<" hex digits ">" and the digits must spell the very /Contents this dictionary holds. */
    private static boolean holeIsContents(ByteRange range, byte[] contents, SignedFile file) throws IOException {
        if (range.holeLength() != 2L + 2L * contents.length) {
            return false;
        }
        byte[] open = file.read(range.holeStart(), 1);
        byte[] close = file.read(range.holeEnd() - 1, 1);
        if (open.length != 1 || open[0] != '<' || close.length != 1 || close[0] != '>') {
            return false;
        }
        HexComparison comparison = new HexComparison(contents);
        file.stream(range.holeStart() + 1, range.holeLength() - 2, comparison::accept);
        return comparison.matches();
    }

    private static boolean endsRevision(long end, SignedFile file) throws IOException {
        long from = Math.max(0, end - EOF_WINDOW);
        String tail = new String(file.read(from, (int) (end - from)), StandardCharsets.ISO_8859_1);
        return tail.stripTrailing().endsWith(EOF_MARKER);
    }

    /** Compares hex text with bytes as the text streams by, two digits per byte. */
    static final class HexComparison {
        /** Each byte's value as a hex digit, or -1: a table, as a hole can hold tens of thousands of digits. */
        private static final byte[] DIGITS = new byte[256];

        static {
            java.util.Arrays.fill(DIGITS, (byte) -1);
            for (int c = 0; c < 128; c++) { // bytes from 0x80 up are no hex digit
                DIGITS[c] = (byte) Character.digit(c, 16);
            }
        }

        private final byte[] expected;
        /** Pairs of digits read so far. */
        private int pairs;
        /** A pair's first digit when a chunk ended inside the pair; -1 otherwise. */
        private int pending = -1;
        private boolean matches = true;

        HexComparison(byte[] expected) {
            this.expected = expected;
        }

        void accept(byte[] chunk, int count) {
            int i = 0;
            if (pending >= 0 && count > 0) {
                pair(pending, DIGITS[chunk[0] & 0xFF]);
                pending = -1;
                i = 1;
            }
            for (; i + 1 < count; i += 2) {
                pair(DIGITS[chunk[i] & 0xFF], DIGITS[chunk[i + 1] & 0xFF]);
            }
            if (i < count) {
                pending = DIGITS[chunk[i] & 0xFF];
                matches &= pending >= 0;
            }
        }

        private void pair(int high, int low) {
            if (high < 0 || low < 0 || pairs >= expected.length || (byte) (high << 4 | low) != expected[pairs]) {
                matches = false;
            }
            pairs++;
        }

        boolean matches() {
            return matches && pending < 0 && pairs == expected.length;
        }
    }
}
