package vn.lienthong.signature.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH micro-benchmark of {@link PdfReader}'s hex strings: a one-object PDF whose catalog holds a string of 24,576 hex
 * digits, the size of each signature's /Contents in the load harness's PDFs, parsed in memory. In the connector's
 * package, since the reader is not public. Run with {@code bench/run-jmh.sh HexStringBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HexStringBenchmarks {

    private static final int DIGITS = 24_576;
    private static final COSName VALUE = COSName.getPDFName("Value");

    private byte[] pdf;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        StringBuilder digits = new StringBuilder(DIGITS);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < DIGITS; i++) {
            digits.append(Character.forDigit(random.nextInt(16), 16));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long catalog = write(out, "%PDF-1.7\n");
        long pages = catalog + write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Value <" + digits + "> >>\nendobj\n");
        long xref = pages + write(out, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
        write(out, String.format("xref\n0 3\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n", catalog, pages));
        write(out, "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        pdf = out.toByteArray();
        if (readSignatureSizedString() != DIGITS / 2) {
            throw new IllegalStateException("the benchmark PDF does not read as expected");
        }
    }

    /** Parses the PDF and its catalog's string; returns the string's length in bytes. */
    @Benchmark
    public int readSignatureSizedString() throws IOException {
        try (PDDocument document = PdfReader.load(new RandomAccessReadBuffer(pdf))) {
            return ((COSString) document.getDocumentCatalog().getCOSObject().getDictionaryObject(VALUE)).getBytes().length;
        }
    }

    private static int write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(bytes);
        return bytes.length;
    }
}
