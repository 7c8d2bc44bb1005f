package vn.lienthong.signature.pdf;

import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSInteger;

/**
 * The two signed byte ranges of a PDF signature, [0, holeStart) and [holeEnd, end): everything but the hole that
 * holds the /Contents hex string.
 */
record ByteRange(long holeStart, long holeEnd, long end) {

    /** The four integers of /ByteRange, or empty when it is not four integers (then nothing sensible can be signed). */
    static Optional<long[]> numbers(COSBase value) {
        if (!(value instanceof COSArray) || ((COSArray) value).size() != 4) {
            return Optional.empty();
        }
        COSArray array = (COSArray) value;
        long[] numbers = new long[4];
        for (int i = 0; i < 4; i++) {
            COSBase item = array.getObject(i);
            if (!(item instanceof COSInteger)) {
                return Optional.empty();
            }
            numbers[i] = ((COSInteger) item).longValue();
        }
        return Optional.of(numbers);
    }

    long holeLength() {
        return holeEnd - holeStart;
    }
}
