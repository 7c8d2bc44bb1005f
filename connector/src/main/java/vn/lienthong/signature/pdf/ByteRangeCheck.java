package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a /ByteRange covers the whole revision except exactly its own /Contents string, as ISO 32000 requires.
 * A range that leaves more unsigned (or points its hole at some other string) is how signatures are attacked.
 */
final class ByteRangeCheck {

    private static final int EOF_WINDOW = 64;
    private static final String EOF_MARKER = "%%EOF";

    /** The checked range, or the plain-English problem with it. */
    record Outcome(ByteRange range, String problem) {

        boolean valid() {
            return problem == null;
        }
    }

    private ByteRangeCheck() {
    }

    static Outcome check(Optional<long[]> numbers, byte[] contents, SignedFile file) throws IOException {
        if (numbers.isEmpty()) {
            return invalid("/ByteRange is missing or is not four integers");
        }
        long[] n = numbers.get();
        if (n[0] != 0) {
            return invalid("the first signed range starts at byte " + n[0] + ", not at the start of the file");
        }
        long holeStart = n[1];
        long holeEnd = n[2];
        long end = holeEnd + n[3];
        if (holeStart < 0 || holeEnd <= holeStart || n[3] < 0 || end > file.length()) {
            return invalid("the ranges [0, " + holeStart + ") and [" + holeEnd + ", " + end
                    + ") do not fit in a file of " + file.length() + " bytes");
        }
        ByteRange range = new ByteRange(holeStart, holeEnd, end);
        if (!holeIsContents(range, contents, file)) {
            return invalid("the unsigned gap [" + holeStart + ", " + holeEnd + ") is not exactly the signature's /Contents string");
        }
        if (!endsRevision(end, file)) {
            return invalid("the signed bytes end at " + end + ", which is not the end of a revision (%%EOF)");
        }
        return new Outcome(range, null);
    }

    private static Outcome invalid(String problem) {
        return new Outcome(null, problem);
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
    private static final class HexComparison {
        private final byte[] expected;
        private long digits;
        private int high = -1;
        private boolean matches = true;

        HexComparison(byte[] expected) {
            this.expected = expected;
        }

        void accept(byte[] chunk, int count) {
            for (int i = 0; i < count && matches; i++) {
                int value = Character.digit(chunk[i], 16);
                if (value < 0) {
                    matches = false;
                } else if (high < 0) {
                    high = value;
                } else {
                    matches = (byte) (high << 4 | value) == expected[(int) (digits / 2)];
                    high = -1;
                }
                digits++;
            }
        }

        boolean matches() {
            return matches && digits == 2L * expected.length;
        }
    }
}
