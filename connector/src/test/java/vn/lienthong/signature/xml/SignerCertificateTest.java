package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;

/** Where the signer's certificate comes from when KeyInfo does not carry it. */
class SignerCertificateTest {

    @TempDir
    Path directory;

    @Test
    void a_signer_named_by_subject_is_found_in_the_signer_certificate_directory() throws Exception {
        Path certificates = certificateDirectory();
        RecordingTrust trust = new RecordingTrust();

        SignatureCheck check = new VerifierHarness(directory, trust, certificates, false)
                .check(signed(DomSigner.KeyInfoForm.SUBJECT_NAME, EnvelopeTexts.plain()));

        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(trust.signer).isEqualTo(TestCredentials.RSA_SIGNER.certificate());
        assertThat(trust.others).contains(TestCredentials.INTERMEDIATE.certificate());
    }

    @Test
    void a_signer_named_by_issuer_and_serial_is_found_in_the_signer_certificate_directory() throws Exception {
        SignatureCheck check = new VerifierHarness(directory, new RecordingTrust(), certificateDirectory(), false)
                .check(signed(DomSigner.KeyInfoForm.ISSUER_SERIAL, EnvelopeTexts.plain()));

        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(check.signer().serialNumber())
                .isEqualTo(TestCredentials.RSA_SIGNER.certificate().getSerialNumber().toString(16));
    }

    @Test
    void a_signer_named_but_not_in_the_directory_is_a_missing_certificate() throws Exception {
        Path empty = Files.createDirectory(directory.resolve("empty"));

        SignatureCheck check = new VerifierHarness(directory, new RecordingTrust(), empty, false)
                .check(signed(DomSigner.KeyInfoForm.SUBJECT_NAME, EnvelopeTexts.plain()));

        assertThat(check.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.CERTIFICATE_MISSING);
        assertThat(check.reasons().get(0).english()).contains("Văn phòng Chính phủ");
    }

    @Test
    void a_signer_named_without_a_directory_is_a_missing_certificate() throws Exception {
        SignatureCheck check =
                VerifierHarness.in(directory).check(signed(DomSigner.KeyInfoForm.SUBJECT_NAME, EnvelopeTexts.plain()));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.CERTIFICATE_MISSING);
    }

    @Test
    void a_signature_without_keyinfo_is_a_missing_certificate() throws Exception {
        SignatureCheck check = VerifierHarness.in(directory).check(signed(DomSigner.KeyInfoForm.NONE, EnvelopeTexts.plain()));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.CERTIFICATE_MISSING);
        assertThat(check.signer()).isNull();
    }

    @Test
    void a_missing_certificate_does_not_hide_a_changed_document() throws Exception {
        String signed = signed(DomSigner.KeyInfoForm.NONE, EnvelopeTexts.plain());

        SignatureCheck check = VerifierHarness.in(directory).check(signed.replace("triển khai", "hủy bỏ"));

        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(VerifierHarness.problems(check))
                .containsExactly(SignatureProblem.CERTIFICATE_MISSING, SignatureProblem.DIGEST_MISMATCH);
    }

    /** The signer's certificate as PEM, the intermediate as DER, and a file that is no certificate at all. */
    private Path certificateDirectory() throws Exception {
        Path certificates = Files.createDirectory(directory.resolve("signers"));
        Files.writeString(certificates.resolve("signer.pem"), Pem.certificate(TestCredentials.RSA_SIGNER.certificate()),
                StandardCharsets.US_ASCII);
        Files.write(certificates.resolve("issuing-ca.cer"), TestCredentials.INTERMEDIATE.certificate().getEncoded());
        Files.writeString(certificates.resolve("README.txt"), "Chứng thư của các cơ quan gửi văn bản.");
        return certificates;
    }

    private static String signed(DomSigner.KeyInfoForm form, String xml) throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.keyInfo = form;
        return signer.sign(xml);
    }
}
