package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.fixtures.pki.SignedSamples;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;
import vn.lienthong.signature.pki.SharedTestPki;

class PdfSignatureVerifierTest {

    @TempDir
    static Path samplesDirectory;
    static SignedSamples samples;

    private final TestPki pki = SharedTestPki.pki();
    private final PdfSignatureVerifier verifier = new PdfSignatureVerifier(SharedTestPki.strictValidator(), Clock.systemUTC());

    @BeforeAll
    static void writeSamples() {
        samples = SignedSamples.write(SharedTestPki.pki(), samplesDirectory);
    }

    @Test
    void a_pdf_signed_once_by_a_trusted_signer_is_valid() throws Exception {
        List<SignatureCheck> checks = verifier.verify(samples.pdfSignedBySigner(), "cong-van.pdf");

        assertThat(checks).hasSize(1);
        SignatureCheck check = checks.get(0);
        assertThat(check.reasons()).isEmpty();
        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(check.kind()).isEqualTo(SignatureCheck.Kind.PDF);
        assertThat(check.where()).startsWith("cong-van.pdf — ");
        assertThat(check.signer().serialNumber()).isEqualTo(pki.signer().certificate().getSerialNumber().toString(16));
        assertThat(check.algorithm()).isEqualTo("SHA256withRSA");
        assertThat(check.timestamped()).isFalse();
        assertThat(check.signingTime()).isNotNull();
    }

    @Test
    void a_file_that_does_not_parse_as_a_pdf_is_indeterminate_rather_than_an_error(@TempDir Path directory) throws Exception {
        Path broken = java.nio.file.Files.writeString(directory.resolve("broken.pdf"),
                "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

        List<SignatureCheck> checks = verifier.verify(broken, "broken.pdf");

        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.verdict()).isEqualTo(Verdict.INDETERMINATE);
            assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.PDF_UNREADABLE);
            assertThat(check.where()).isEqualTo("broken.pdf");
        });
    }

    @Test
    void the_signers_signature_and_the_agency_seal_added_later_are_both_valid() throws Exception {
        List<SignatureCheck> checks = verifier.verify(samples.pdfSignedBySignerAndSeal(), "cong-van.pdf");

        assertThat(checks).hasSize(2);
        assertThat(checks).allSatisfy(check -> assertThat(check.reasons()).isEmpty());
        assertThat(checks).extracting(check -> check.signer().serialNumber()).containsExactly(
                pki.signer().certificate().getSerialNumber().toString(16),
                pki.seal().certificate().getSerialNumber().toString(16));
    }

    @Test
    void the_sample_with_a_time_stamp_is_judged_at_the_time_stamp() throws Exception {
        SignatureCheck check = verifier.verify(samples.pdfWithTimestamp(), "cong-van.pdf").get(0);

        assertThat(check.reasons()).isEmpty();
        assertThat(check.timestamped()).isTrue();
    }

    @Test
    void an_ecdsa_signature_is_valid(@TempDir Path directory) throws Exception {
        Path signed = TestPdfSigner.with(pki.ecdsaSigner()).algorithm("SHA256withECDSA")
                .sign(TestPdfs.letter(directory.resolve("letter.pdf")), directory.resolve("signed.pdf"));

        SignatureCheck check = verifier.verify(signed, "letter.pdf").get(0);

        assertThat(check.reasons()).isEmpty();
        assertThat(check.algorithm()).isEqualTo("SHA256withECDSA");
    }

    @Test
    void a_signature_by_a_revoked_certificate_is_invalid() throws Exception {
        Path directory = samplesDirectory;
        Path signed = TestPdfSigner.with(pki.revoked())
                .sign(TestPdfs.letter(directory.resolve("letter-revoked.pdf")), directory.resolve("signed-revoked.pdf"));

        SignatureCheck check = verifier.verify(signed, "letter.pdf").get(0);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.CERTIFICATE_REVOKED);
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void a_signature_by_a_signer_under_an_unknown_root_is_indeterminate() throws Exception {
        Path directory = samplesDirectory;
        Path signed = TestPdfSigner.with(pki.untrustedSigner())
                .sign(TestPdfs.letter(directory.resolve("letter-untrusted.pdf")), directory.resolve("signed-untrusted.pdf"));

        SignatureCheck check = verifier.verify(signed, "letter.pdf").get(0);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.CHAIN_UNTRUSTED);
        assertThat(check.verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    void an_unsigned_pdf_has_no_signature_to_check(@TempDir Path directory) throws Exception {
        assertThat(verifier.verify(TestPdfs.letter(directory.resolve("letter.pdf")), "letter.pdf")).isEmpty();
    }
}
