package vn.lienthong.signature.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;

/** What an attacker (or a careless tool) does to a signed PDF. */
final class PdfEdits {

    private static final Pattern BYTE_RANGE = Pattern.compile("/ByteRange\\s*\\[\\s*0 (\\d+) (\\d+) (\\d+)\\s*]");

    private PdfEdits() {
    }

    static Path copy(Path from, Path to) throws IOException {
        return Files.copy(from, to);
    }

    /** Flips the bits of one byte at {@code position}. */
    static void flipByte(Path pdf, long position) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(pdf.toFile(), "rw")) {
            file.seek(position);
            int value = file.read();
            file.seek(position);
            file.write(value ^ 0xFF);
        }
    }

    /** The position of the first occurrence of {@code text} in the file (small test files only). */
    static long indexOf(Path pdf, String text) throws IOException {
        return new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1).indexOf(text);
    }

    /**
     * Shrinks the last signed range by {@code bytes}, keeping the file's length (the number is padded with spaces),
     * as if the signer had left the file's end unsigned.
     */
    static void shortenSignedRange(Path pdf, int bytes) throws IOException {
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        Matcher last = null;
        Matcher matcher = BYTE_RANGE.matcher(text);
        while (matcher.find()) {
            last = BYTE_RANGE.matcher(text);
            last.find(matcher.start());
        }
        if (last == null) {
            throw new IllegalStateException("no ByteRange");
        }
        String original = last.group();
        String replaced = "/ByteRange [0 " + last.group(1) + " " + last.group(2) + " " + (Long.parseLong(last.group(3)) - bytes) + "]";
        replaced = replaced + " ".repeat(original.length() - replaced.length());
        try (RandomAccessFile file = new RandomAccessFile(pdf.toFile(), "rw")) {
            file.seek(last.start());
            file.write(replaced.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * Changes one hex digit near the end of the CMS in /Contents, which is the signature value when there are no
     * unsigned attributes: the file still parses, the signature no longer verifies.
     */
    static void changeSignatureValue(Path pdf) throws IOException {
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        int start = text.indexOf("/Contents <") + "/Contents <".length();
        int end = text.indexOf('>', start);
        byte[] padded = java.util.HexFormat.of().parseHex(text.substring(start, end));
        int derLength = new org.bouncycastle.asn1.ASN1InputStream(padded).readObject().getEncoded().length;
        int position = start + 2 * (derLength - 3);
        char digit = text.charAt(position);
        try (RandomAccessFile file = new RandomAccessFile(pdf.toFile(), "rw")) {
            file.seek(position);
            file.write(digit == '0' ? '1' : '0');
        }
    }

    /**
     * Moves the time stamp of {@code donor}'s signature into {@code target}'s (an unsigned attribute, so the CMS
     * still parses and /Contents is outside the signed bytes): a genuine token, but over another signature value.
     */
    static void swapTimestamp(Path target, Path donor) throws Exception {
        org.bouncycastle.cms.CMSSignedData victim = new org.bouncycastle.cms.CMSSignedData(contents(target));
        org.bouncycastle.cms.SignerInformation signer = victim.getSignerInfos().getSigners().iterator().next();
        org.bouncycastle.cms.SignerInformation donorSigner =
                new org.bouncycastle.cms.CMSSignedData(contents(donor)).getSignerInfos().getSigners().iterator().next();
        org.bouncycastle.cms.SignerInformation swapped =
                org.bouncycastle.cms.SignerInformation.replaceUnsignedAttributes(signer, donorSigner.getUnsignedAttributes());
        byte[] der = org.bouncycastle.cms.CMSSignedData.replaceSigners(victim,
                new org.bouncycastle.cms.SignerInformationStore(swapped)).getEncoded();
        replaceContents(target, der);
    }

    private static byte[] contents(Path pdf) throws IOException {
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        int start = text.indexOf("/Contents <") + "/Contents <".length();
        return java.util.HexFormat.of().parseHex(text.substring(start, text.indexOf('>', start)));
    }

    /** Writes new DER into the /Contents placeholder, zero-padded to the same length. */
    private static void replaceContents(Path pdf, byte[] der) throws IOException {
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        int start = text.indexOf("/Contents <") + "/Contents <".length();
        int digits = text.indexOf('>', start) - start;
        String hex = java.util.HexFormat.of().formatHex(der);
        if (hex.length() > digits) {
            throw new IllegalStateException("the new CMS does not fit the placeholder");
        }
        try (RandomAccessFile file = new RandomAccessFile(pdf.toFile(), "rw")) {
            file.seek(start);
            file.write((hex + "0".repeat(digits - hex.length())).getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Appends an incremental update that replaces page 1's text, as a forger would change an amount or a date. */
    static void replacePageTextIncrementally(Path pdf, String newText) throws IOException {
        Path original = Files.createTempFile(pdf.getParent(), "before-edit", ".pdf");
        Files.copy(pdf, original, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (PDDocument document = Loader.loadPDF(original.toFile()); OutputStream out = Files.newOutputStream(pdf)) {
            PDPage page = document.getPage(0);
            org.apache.pdfbox.pdmodel.common.PDStream content = new org.apache.pdfbox.pdmodel.common.PDStream(document);
            try (OutputStream text = content.createOutputStream()) {
                text.write(("BT /F1 12 Tf 56 780 Td (" + newText + ") Tj ET").getBytes(StandardCharsets.ISO_8859_1));
            }
            page.setContents(content);
            document.saveIncremental(out, Set.of(page.getCOSObject(), content.getCOSObject()));
        }
        Files.delete(original);
    }

    /** Appends an incremental update that puts a sticky note on page 1, as a reader application would. */
    static void addNoteIncrementally(Path pdf) throws IOException {
        Path original = Files.createTempFile(pdf.getParent(), "before-note", ".pdf");
        Files.copy(pdf, original, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (PDDocument document = Loader.loadPDF(original.toFile()); OutputStream out = Files.newOutputStream(pdf)) {
            PDPage page = document.getPage(0);
            PDAnnotationText note = new PDAnnotationText();
            note.setRectangle(new PDRectangle(300, 300, 20, 20));
            note.setContents("Sua so tien thanh 900 trieu");
            java.util.List<PDAnnotation> annotations = page.getAnnotations();
            annotations.add(note);
            page.setAnnotations(annotations);
            Set<COSDictionary> changed = Set.of(page.getCOSObject(), note.getCOSObject());
            document.saveIncremental(out, changed);
        }
        Files.delete(original);
    }
}
