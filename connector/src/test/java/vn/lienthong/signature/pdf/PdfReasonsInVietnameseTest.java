package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.VietnameseSentences;
import vn.lienthong.signature.pki.RevocationSettings;
import vn.lienthong.signature.pki.SharedTestPki;

/**
 * Each way a PDF signature can be wrong is told in Vietnamese in the reason's Vietnamese sentence: the ByteRange
 * problems, the CMS and time stamp details are phrases in both languages, and a library's English message goes only
 * into the English sentence.
 */
class PdfReasonsInVietnameseTest {

    @TempDir
    Path directory;

    private final TestPki pki = SharedTestPki.pki();
    private final PdfSignatureVerifier verifier =
            new PdfSignatureVerifier(SharedTestPki.validator(RevocationSettings.off()), Clock.systemUTC());

    private Path signedLetter() throws Exception {
        return TestPdfSigner.with(pki.signer()).sign(TestPdfs.letter(directory.resolve("letter.pdf")), directory.resolve("signed.pdf"));
    }

    private List<Reason> reasons(Path pdf) throws Exception {
        return verifier.verify(pdf, "letter.pdf").stream().flatMap(check -> check.reasons().stream()).toList();
    }

    private static void assertVietnamese(List<Reason> reasons, SignatureProblem expected) {
        assertThat(reasons).extracting(Reason::problem).contains(expected);
        VietnameseSentences.assertVietnamese(reasons);
    }

    /** A TSA issued by {@code issuer}, in service since long before now. */
    private TestCms.Tsa tsaUnder(TestPki.Credential issuer) throws Exception {
        Instant generated = pki.generatedAt();
        return new TestCms.Tsa(TestCertificates.tsa(issuer, generated.minus(Duration.ofDays(900)),
                generated.plus(Duration.ofDays(365))), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** Overwrites the first occurrence of {@code text} with {@code replacement} of the same length. */
    private static void overwrite(Path pdf, String text, String replacement) throws Exception {
        assertThat(replacement).hasSameSizeAs(text);
        long position = PdfEdits.indexOf(pdf, text);
        assertThat(position).as(text).isNotNegative();
        try (RandomAccessFile file = new RandomAccessFile(pdf.toFile(), "rw")) {
            file.seek(position);
            file.write(replacement.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** Zeroes the hex digits of /Contents: the ByteRange still fits the string, which is no CMS any more. */
    private static void zeroContents(Path pdf) throws Exception {
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        int start = text.indexOf("/Contents <") + "/Contents <".length();
        String digits = text.substring(start, text.indexOf('>', start));
        overwrite(pdf, "/Contents <" + digits, "/Contents <" + "0".repeat(digits.length()));
    }

    @Test
    void every_byte_range_problem_is_told_in_vietnamese() throws Exception {
        Path signed = signedLetter();
        long[] real;
        byte[] contents;
        try (PDDocument document = Loader.loadPDF(signed.toFile())) {
            PDSignature signature = document.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            real = new long[] {range[0], range[1], range[2], range[3]};
            contents = signature.getContents();
        }
        try (SignedFile file = new SignedFile(signed)) {
            List<ByteRangeCheck.Outcome> outcomes = List.of(
                    ByteRangeCheck.check(Optional.empty(), contents, file),
                    ByteRangeCheck.check(Optional.of(new long[] {5, real[1], real[2], real[3]}), contents, file),
                    ByteRangeCheck.check(Optional.of(new long[] {0, real[1], real[2], real[3] + 1000}), contents, file),
                    ByteRangeCheck.check(Optional.of(real), new byte[] {1, 2, 3}, file),
                    ByteRangeCheck.check(Optional.of(new long[] {0, real[1], real[2], real[3] - 10}), contents, file));

            assertThat(outcomes).noneMatch(ByteRangeCheck.Outcome::valid);
            assertThat(outcomes).extracting(outcome -> outcome.problem().english()).doesNotHaveDuplicates();
            outcomes.forEach(outcome -> VietnameseSentences.assertVietnamese(
                    SignatureProblem.BYTE_RANGE_INVALID.reason(outcome.problem())));
        }
    }

    @Test
    void a_changed_signed_byte_is_told_in_vietnamese() throws Exception {
        Path signed = signedLetter();
        PdfEdits.flipByte(signed, PdfEdits.indexOf(signed, "Cong van so 123") + 11);

        assertVietnamese(reasons(signed), SignatureProblem.DIGEST_MISMATCH);
    }

    @Test
    void a_changed_signature_value_is_told_in_vietnamese() throws Exception {
        Path signed = signedLetter();
        PdfEdits.changeSignatureValue(signed);

        assertVietnamese(reasons(signed), SignatureProblem.SIGNATURE_VALUE_INVALID);
    }

    @Test
    void contents_that_are_no_cms_are_told_in_vietnamese_and_the_library_s_message_only_in_english() throws Exception {
        Path signed = signedLetter();
        zeroContents(signed);

        List<Reason> reasons = reasons(signed);

        assertVietnamese(reasons, SignatureProblem.CMS_INVALID);
        assertThat(reasons.get(0).vietnamese()).endsWith("/Contents không phải là chữ ký CMS");
        assertThat(reasons.get(0).english()).startsWith("The CMS signature is not valid: /Contents is not a CMS signature (");
    }

    @Test
    void an_unsupported_signature_format_is_told_in_vietnamese() throws Exception {
        Path signed = signedLetter();
        overwrite(signed, "/adbe.pkcs7.detached", "/adbe.x509.rsa_sha1 ");

        List<Reason> reasons = reasons(signed);

        assertVietnamese(reasons, SignatureProblem.CMS_INVALID);
        assertThat(reasons.get(0).vietnamese()).contains("định dạng chữ ký /adbe.x509.rsa_sha1 không được hỗ trợ");
    }

    @Test
    void a_time_stamp_over_another_signature_is_told_in_vietnamese() throws Exception {
        TestCms.Tsa tsa = tsaUnder(pki.intermediate());
        Path signed = TestPdfSigner.with(pki.signer()).timestampedBy(tsa).sign(TestPdfs.letter(directory.resolve("a.pdf")),
                directory.resolve("signed.pdf"));
        Path other = TestPdfSigner.with(pki.signer()).timestampedBy(tsa).sign(TestPdfs.letter(directory.resolve("b.pdf")),
                directory.resolve("other.pdf"));
        PdfEdits.swapTimestamp(signed, other);

        assertVietnamese(reasons(signed), SignatureProblem.TIMESTAMP_INVALID);
    }

    @Test
    void a_time_stamp_authority_nobody_trusts_is_told_in_vietnamese_with_its_own_reasons() throws Exception {
        Path signed = TestPdfSigner.with(pki.signer()).timestampedBy(tsaUnder(pki.untrustedRoot()))
                .sign(TestPdfs.letter(directory.resolve("letter.pdf")), directory.resolve("signed.pdf"));

        List<Reason> reasons = reasons(signed);

        assertVietnamese(reasons, SignatureProblem.TIMESTAMP_INVALID);
        assertThat(reasons.get(0).vietnamese())
                .contains("chứng thư của đơn vị cấp dấu thời gian không đáng tin cậy: Không dựng được chuỗi chứng thư");
    }

    @Test
    void a_document_time_stamp_over_changed_bytes_is_told_in_vietnamese() throws Exception {
        Path stamped = TestPdfSigner.documentTimestamp(tsaUnder(pki.intermediate()))
                .sign(TestPdfs.letter(directory.resolve("letter.pdf")), directory.resolve("stamped.pdf"));
        PdfEdits.flipByte(stamped, PdfEdits.indexOf(stamped, "Cong van so 123") + 11);

        assertVietnamese(reasons(stamped), SignatureProblem.DIGEST_MISMATCH);
    }

    @Test
    void a_document_time_stamp_that_is_no_token_is_told_in_vietnamese() throws Exception {
        Path stamped = TestPdfSigner.documentTimestamp(tsaUnder(pki.intermediate()))
                .sign(TestPdfs.letter(directory.resolve("letter.pdf")), directory.resolve("stamped.pdf"));
        zeroContents(stamped);

        assertVietnamese(reasons(stamped), SignatureProblem.CMS_INVALID);
    }

    @Test
    void a_digest_we_do_not_know_is_named_by_its_oid_rather_than_in_english_words() throws Exception {
        Path signed = TestPdfSigner.with(pki.signer()).algorithm("SHA224withRSA")
                .sign(TestPdfs.letter(directory.resolve("letter.pdf")), directory.resolve("signed.pdf"));

        List<SignatureCheck> checks = verifier.verify(signed, "letter.pdf");

        assertVietnamese(checks.get(0).reasons(), SignatureProblem.ALGORITHM_NOT_ALLOWED);
        assertThat(checks.get(0).algorithm()).isEqualTo("2.16.840.1.101.3.4.2.4with1.2.840.113549.1.1.14");
    }
}
