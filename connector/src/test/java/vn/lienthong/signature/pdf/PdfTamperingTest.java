package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;
import vn.lienthong.signature.pki.RevocationSettings;
import vn.lienthong.signature.pki.SharedTestPki;

class PdfTamperingTest {

    @TempDir
    Path directory;

    private final TestPki pki = SharedTestPki.pki();
    private final PdfSignatureVerifier verifier =
            new PdfSignatureVerifier(SharedTestPki.validator(RevocationSettings.off()), Clock.systemUTC());

    private Path signedLetter() throws Exception {
        return TestPdfSigner.with(pki.signer()).sign(TestPdfs.letter(directory.resolve("letter.pdf")), directory.resolve("signed.pdf"));
    }

    private SignatureCheck onlyCheck(Path pdf) throws Exception {
        List<SignatureCheck> checks = verifier.verify(pdf, "letter.pdf");
        assertThat(checks).hasSize(1);
        return checks.get(0);
    }

    @Test
    void a_note_added_in_an_incremental_update_after_signing_is_a_modification() throws Exception {
        Path signed = signedLetter();
        long signedLength = java.nio.file.Files.size(signed);
        PdfEdits.addNoteIncrementally(signed);

        SignatureCheck check = onlyCheck(signed);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.MODIFIED_AFTER_SIGNING);
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.reasons().get(0).english())
                .contains((java.nio.file.Files.size(signed) - signedLength) + " bytes")
                .contains("an annotation (Text), object").contains("was added on page 1");
    }

    @Test
    void new_page_text_in_an_incremental_update_after_signing_is_a_modification() throws Exception {
        Path signed = signedLetter();
        PdfEdits.replacePageTextIncrementally(signed, "Cong van so 999");

        SignatureCheck check = onlyCheck(signed);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.MODIFIED_AFTER_SIGNING);
        assertThat(check.reasons().get(0).english()).contains("page 1 (object").contains("changed its /Contents");
    }

    @Test
    void a_later_signature_in_an_incremental_update_is_not_a_modification() throws Exception {
        Path twice = TestPdfSigner.with(pki.seal()).sign(signedLetter(), directory.resolve("twice.pdf"));

        List<SignatureCheck> checks = verifier.verify(twice, "letter.pdf");

        assertThat(checks).hasSize(2).allSatisfy(check -> assertThat(check.reasons()).isEmpty());
    }

    @Test
    void a_note_added_after_the_second_signature_modifies_both() throws Exception {
        Path twice = TestPdfSigner.with(pki.seal()).sign(signedLetter(), directory.resolve("twice.pdf"));
        PdfEdits.addNoteIncrementally(twice);

        List<SignatureCheck> checks = verifier.verify(twice, "letter.pdf");

        assertThat(checks).hasSize(2).allSatisfy(check -> assertThat(check.reasons()).extracting(Reason::problem)
                .containsExactly(SignatureProblem.MODIFIED_AFTER_SIGNING));
        assertThat(checks).allSatisfy(check -> assertThat(check.reasons().get(0).english())
                .contains("an annotation (Text), object").contains("was added on page 1"));
    }

    @Test
    void a_byte_range_that_leaves_the_end_of_the_file_unsigned_is_invalid() throws Exception {
        Path signed = signedLetter();
        PdfEdits.shortenSignedRange(signed, 10);

        SignatureCheck check = onlyCheck(signed);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.BYTE_RANGE_INVALID);
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void a_flipped_byte_inside_a_signed_range_is_a_digest_mismatch() throws Exception {
        Path signed = signedLetter();
        PdfEdits.flipByte(signed, PdfEdits.indexOf(signed, "Cong van so 123") + 11);

        SignatureCheck check = onlyCheck(signed);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.DIGEST_MISMATCH);
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void a_flipped_byte_inside_the_signature_value_breaks_the_signature() throws Exception {
        Path signed = signedLetter();
        PdfEdits.changeSignatureValue(signed);

        SignatureCheck check = onlyCheck(signed);

        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.SIGNATURE_VALUE_INVALID);
    }
}
