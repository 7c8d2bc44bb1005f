package vn.lienthong.signature.pdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Unsigned PDFs for the tests: a one-page letter, and a large one written straight to disk. */
final class TestPdfs {

    private TestPdfs() {
    }

    static Path letter(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(56, 780);
                text.showText("Cong van so 123/VPCP-HC: ve viec lien thong van ban dien tu");
                text.endText();
            }
            document.save(file.toFile(), CompressParameters.NO_COMPRESSION);
        }
        return file;
    }

    /**
     * A one-page PDF of about {@code bytes} bytes whose page draws one image of pseudo-random pixels (a scan, as far
     * as size goes). Written by hand with known offsets, so nothing but a small buffer is in memory.
     */
    static Path large(Path file, long bytes) throws IOException {
        int width = 4096;
        long height = Math.max(1, bytes / width);
        String draw = "q 595 0 0 842 0 0 cm /Im1 Do Q";
        List<Long> offsets = new ArrayList<>();
        try (CountingStream out = new CountingStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.text("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            offsets.add(out.count);
            out.text("1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
            offsets.add(out.count);
            out.text("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
            offsets.add(out.count);
            out.text("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>\nendobj\n");
            offsets.add(out.count);
            out.text("4 0 obj\n<< /Type /XObject /Subtype /Image /Width " + width + " /Height " + height
                    + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " + (width * height) + " >>\nstream\n");
            SplittableRandom random = new SplittableRandom(42);
            byte[] row = new byte[width];
            for (long y = 0; y < height; y++) {
                random.nextBytes(row);
                out.write(row);
            }
            out.text("\nendstream\nendobj\n");
            offsets.add(out.count);
            out.text("5 0 obj\n<< /Length " + draw.length() + " >>\nstream\n" + draw + "\nendstream\nendobj\n");
            long xref = out.count;
            out.text("xref\n0 6\n0000000000 65535 f \n");
            for (long offset : offsets) {
                out.text(String.format("%010d 00000 n \n", offset));
            }
            out.text("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        }
        return file;
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        void text(String text) throws IOException {
            write(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
