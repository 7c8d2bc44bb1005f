package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

/** PdfReader reads every hex string to the same value PDFBox's own parser does, however it is malformed. */
class PdfReaderProperties {

    private static final COSName VALUE = COSName.getPDFName("Value");
    private static final COSName AFTER = COSName.getPDFName("After");

    @Property(tries = 400)
    void a_hex_string_reads_as_pdfbox_reads_it(@ForAll("hexish") String body) throws IOException {
        byte[] pdf = catalogWith("<" + body + ">");
        assertThat(readByUs(pdf)).isEqualTo(readByPdfBox(pdf));
    }

    /** Runs of digit pairs broken at any place, across the reader's 8 kB buffers: as PDFBox reads them. */
    @Property(tries = 40)
    void a_long_hex_string_across_buffers_reads_as_pdfbox_reads_it(@ForAll("longHexish") String body) throws IOException {
        byte[] pdf = catalogWith("<" + body + ">");
        assertThat(readByUs(pdf)).isEqualTo(readByPdfBox(pdf));
    }

    @Example
    void a_signature_sized_string_across_many_buffers_reads_as_pdfbox_reads_it() throws IOException {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < 24_577; i++) { // odd: the last digit is a high half alone
            digits.append("0123456789abcdefABCDEF".charAt(i * 7 % 22));
            if (i % 64 == 63) {
                digits.append('\n');
            }
        }
        byte[] pdf = catalogWith("<" + digits + ">");
        String ours = readByUs(pdf);
        assertThat(ours).isEqualTo(readByPdfBox(pdf)).startsWith("12289 bytes");
    }

    @Example
    void an_unclosed_string_fails_or_reads_as_pdfbox_does() throws IOException {
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Value <0A1B2C".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(readByUs(pdf)).isEqualTo(readByPdfBox(pdf));
    }

    @Example
    void a_hex_string_longer_than_the_bound_is_not_held_in_memory() throws IOException {
        long digits = 2L * PdfReader.MAX_HEX_STRING_BYTES + 2;
        Path file = Files.createTempFile("long-hex-", ".pdf");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                writeCatalog(out, value -> { // written a megabyte at a time, never held
                    byte[] megabyte = new byte[1024 * 1024];
                    Arrays.fill(megabyte, (byte) 'a');
                    write(value, "<");
                    for (long left = digits; left > 0; left -= megabyte.length) {
                        value.write(megabyte, 0, (int) Math.min(left, megabyte.length));
                    }
                    write(value, ">");
                    return digits + 2;
                });
            }
            String read;
            try (PDDocument document = PdfReader.load(new RandomAccessReadBufferedFile(file.toFile()))) {
                read = describe(document);
            } catch (IOException e) {
                read = "fails";
            }
            // Either the parse fails (the PDF is unreadable) or the string is left out; never held.
            assertThat(read).doesNotStartWith((PdfReader.MAX_HEX_STRING_BYTES + 1) + " bytes");
        } finally {
            Files.delete(file);
        }
    }

    /** Thousands of digits with now and then white space, a stray letter, a bracket or a byte above 0x7F. */
    @Provide
    Arbitrary<String> longHexish() {
        Arbitrary<Character> digit = Arbitraries.of("0123456789abcdefABCDEF".toCharArray()).map(c -> c);
        Arbitrary<Character> odd = Arbitraries.of(' ', '\n', '\r', 'g', '<', '\u00e9');
        return Arbitraries.frequencyOf(Tuple.of(3000, digit), Tuple.of(1, odd)).list().ofMinSize(8_000).ofMaxSize(20_000)
                .map(characters -> characters.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /** Hex digits mostly, with white space, stray letters, brackets and bytes above 0x7F now and then. */
    @Provide
    Arbitrary<String> hexish() {
        Arbitrary<Character> digit = Arbitraries.of("0123456789abcdefABCDEF".toCharArray()).map(c -> c);
        Arbitrary<Character> odd = Arbitraries.of(' ', '\n', '\r', '\t', '\b', '\f', 'g', 'Z', '<', '(', ')', '/', '\u00e9', '\u0000');
        return Arbitraries.frequencyOf(
                Tuple.of(30, digit),
                Tuple.of(1, odd)).list().ofMaxSize(200)
                .map(chars -> chars.stream().map(String::valueOf).reduce("", String::concat));
    }

    /** A one-object PDF whose catalog holds {@code string} as /Value, then a name, so what follows is parsed too. */
    private static byte[] catalogWith(String string) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeCatalog(out, value -> write(value, string));
        return out.toByteArray();
    }

    /** Writes /Value's bytes and returns how many. */
    private interface Value {
        long writeTo(OutputStream out) throws IOException;
    }

    /** The PDF of {@link #catalogWith}, with whatever {@code value} writes as /Value. */
    private static void writeCatalog(OutputStream out, Value value) throws IOException {
        long catalog = write(out, "%PDF-1.7\n");
        long pages = catalog + write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Value ") + value.writeTo(out)
                + write(out, " /After /Name >>\nendobj\n");
        long xref = pages + write(out, "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n");
        write(out, String.format("xref\n0 3\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n", catalog, pages));
        write(out, "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
    }

    private static int write(OutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        out.write(bytes);
        return bytes.length;
    }

    private interface Parser {
        PDDocument load(RandomAccessRead source) throws IOException;
    }

    private static String readByUs(byte[] pdf) {
        return read(pdf, PdfReader::load);
    }

    private static String readByPdfBox(byte[] pdf) {
        return read(pdf, Loader::loadPDF);
    }

    private static String read(byte[] pdf, Parser parser) {
        try (PDDocument document = parser.load(new RandomAccessReadBuffer(pdf))) {
            return describe(document);
        } catch (IOException | RuntimeException e) {
            return "fails: " + e.getClass().getName();
        }
    }

    private static String describe(PDDocument document) {
        COSBase value = document.getDocumentCatalog().getCOSObject().getItem(VALUE);
        COSBase after = document.getDocumentCatalog().getCOSObject().getItem(AFTER);
        String read = value instanceof COSString string ? string.getBytes().length + " bytes " + shortly(string.getBytes())
                : String.valueOf(value);
        return read + ", then " + after;
    }

    /** The bytes in hex when short, else their SHA-256: a failure message stays readable. */
    private static String shortly(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(bytes.length <= 32 ? bytes : MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
