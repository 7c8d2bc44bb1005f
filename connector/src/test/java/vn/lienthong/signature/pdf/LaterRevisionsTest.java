package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;
import vn.lienthong.signature.pki.RevocationSettings;
import vn.lienthong.signature.pki.SharedTestPki;

/**
 * Every byte after a PDF signature is accounted for: bytes that are no revision, a "revision" without its own
 * cross-reference section, and any replaced object the signed pages use are found and named; validation data added
 * for the long term is not a modification.
 */
class LaterRevisionsTest {

    @TempDir
    Path directory;

    private final TestPki pki = SharedTestPki.pki();

    private SignatureCheck onlyCheck(Path pdf, PdfIntegrityPolicy policy) throws Exception {
        List<SignatureCheck> checks = new PdfSignatureVerifier(SharedTestPki.validator(RevocationSettings.off()),
                Clock.systemUTC(), policy).verify(pdf, "letter.pdf");
        assertThat(checks).hasSize(1);
        return checks.get(0);
    }

    private Path signedLetter() throws Exception {
        return TestPdfSigner.with(pki.signer()).sign(TestPdfs.letter(directory.resolve("letter.pdf")), directory.resolve("signed.pdf"));
    }

    @Test
    void a_signed_letter_with_nothing_after_it_is_valid() throws Exception {
        assertThat(onlyCheck(signedLetter(), PdfIntegrityPolicy.DEFAULTS).reasons()).isEmpty();
    }

    @Test
    void an_object_appended_after_the_last_eof_without_an_xref_is_trailing_bytes_indeterminate_by_default() throws Exception {
        Path signed = signedLetter();
        Files.writeString(signed, "9999 0 obj (added after signing) endobj\n", StandardCharsets.ISO_8859_1,
                StandardOpenOption.APPEND);

        SignatureCheck check = onlyCheck(signed, PdfIntegrityPolicy.DEFAULTS);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.TRAILING_BYTES);
        assertThat(check.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(check.reasons().get(0).english()).contains("bytes after the last %%EOF belong to no revision");
        assertThat(onlyCheck(signed, new PdfIntegrityPolicy(false, false, Verdict.INVALID)).verdict())
                .as("the verdict is configurable").isEqualTo(Verdict.INVALID);
    }

    @Test
    void an_appended_part_ending_in_eof_without_its_own_xref_is_a_modification() throws Exception {
        Path signed = signedLetter();
        Files.writeString(signed, "\n9999 0 obj (added after signing) endobj\n%%EOF\n", StandardCharsets.ISO_8859_1,
                StandardOpenOption.APPEND);

        SignatureCheck check = onlyCheck(signed, PdfIntegrityPolicy.DEFAULTS);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.MODIFIED_AFTER_SIGNING);
        assertThat(check.reasons().get(0).english()).contains("is not an incremental update").contains("no startxref");
    }

    @Test
    void replacing_the_content_stream_the_signed_page_uses_is_named_with_its_object_number_and_page() throws Exception {
        Path signed = signedLetter();
        try (PDDocument document = Loader.loadPDF(signed.toFile())) {
            COSStream content = (COSStream) document.getPage(0).getCOSObject().getDictionaryObject(COSName.CONTENTS);
            try (OutputStream out = content.createOutputStream()) {
                out.write("BT /F1 12 Tf 56 780 Td (Cong van so 999) Tj ET".getBytes(StandardCharsets.ISO_8859_1));
            }
            saveIncrementally(document, signed, Set.of(content));
        }

        SignatureCheck check = onlyCheck(signed, PdfIntegrityPolicy.DEFAULTS);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.MODIFIED_AFTER_SIGNING);
        assertThat(check.reasons().get(0).english()).containsPattern("object \\d+ \\(a content stream of page 1\\) was replaced");
        assertThat(check.reasons().get(0).vietnamese()).containsPattern("đối tượng \\d+ \\(luồng nội dung của trang 1\\) đã bị thay thế");
    }

    @Test
    void switching_optional_content_on_after_signing_is_a_modification() throws Exception {
        Path letter = TestPdfs.letter(directory.resolve("letter.pdf"));
        try (PDDocument document = Loader.loadPDF(letter.toFile())) {
            COSDictionary group = new COSDictionary();
            group.setItem(COSName.TYPE, COSName.OCG);
            group.setString(COSName.NAME, "Thoi han moi");
            COSArray groups = new COSArray(List.of(group));
            COSDictionary defaults = new COSDictionary();
            defaults.setItem(COSName.OFF, new COSArray(List.of(group)));
            COSDictionary properties = new COSDictionary();
            properties.setItem(COSName.OCGS, groups);
            properties.setItem(COSName.D, defaults);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.OCPROPERTIES, properties);
            document.save(letter.toFile());
        }
        Path signed = TestPdfSigner.with(pki.signer()).sign(letter, directory.resolve("signed.pdf"));
        try (PDDocument document = Loader.loadPDF(signed.toFile())) {
            COSDictionary properties = (COSDictionary) document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.OCPROPERTIES);
            COSDictionary defaults = (COSDictionary) properties.getDictionaryObject(COSName.D);
            defaults.setItem(COSName.OFF, new COSArray());
            saveIncrementally(document, signed, Set.of(document.getDocumentCatalog().getCOSObject(), properties));
        }

        SignatureCheck check = onlyCheck(signed, PdfIntegrityPolicy.DEFAULTS);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.MODIFIED_AFTER_SIGNING);
        assertThat(check.reasons().get(0).english()).contains("optional content");
    }

    @Test
    void validation_data_added_for_the_long_term_is_not_a_modification() throws Exception {
        Path signed = signedLetter();
        try (PDDocument document = Loader.loadPDF(signed.toFile())) {
            COSDictionary dss = new COSDictionary();
            COSStream certificate = document.getDocument().createCOSStream();
            try (OutputStream out = certificate.createOutputStream()) {
                out.write(pki.root().certificate().getEncoded());
            }
            dss.setItem(COSName.getPDFName("Certs"), new COSArray(List.of(certificate)));
            document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("DSS"), dss);
            saveIncrementally(document, signed, Set.of(document.getDocumentCatalog().getCOSObject(), dss, certificate));
        }

        assertThat(onlyCheck(signed, PdfIntegrityPolicy.DEFAULTS).reasons()).isEmpty();
    }

    @Test
    void an_unsigned_signature_field_added_after_signing_is_a_modification_since_its_widget_can_draw_anything()
            throws Exception {
        Path signed = signedLetter();
        try (PDDocument document = Loader.loadPDF(signed.toFile())) {
            org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm form = document.getDocumentCatalog().getAcroForm();
            org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField field =
                    new org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField(form);
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(56, 770, 300, 20));
            widget.setPage(document.getPage(0));
            document.getPage(0).getAnnotations().add(widget);
            form.getFields().add(field);
            saveIncrementally(document, signed, Set.of(document.getPage(0).getCOSObject(), form.getCOSObject(),
                    field.getCOSObject(), document.getDocumentCatalog().getCOSObject()));
        }

        SignatureCheck check = onlyCheck(signed, PdfIntegrityPolicy.DEFAULTS);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.MODIFIED_AFTER_SIGNING);
        assertThat(check.reasons().get(0).english()).contains("(Sig)").contains("was added");
    }

    private static void saveIncrementally(PDDocument document, Path file, Set<? extends org.apache.pdfbox.cos.COSBase> changed)
            throws Exception {
        Path copy = Files.createTempFile(file.getParent(), "incremental", ".pdf");
        try (OutputStream out = Files.newOutputStream(copy)) {
            @SuppressWarnings("unchecked")
            Set<org.apache.pdfbox.cos.COSDictionary> dictionaries = (Set<org.apache.pdfbox.cos.COSDictionary>) (Set<?>) changed;
            document.saveIncremental(out, dictionaries);
        }
        Files.move(copy, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
