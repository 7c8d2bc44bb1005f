package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;
import vn.lienthong.signature.pki.RevocationSettings;
import vn.lienthong.signature.pki.SharedTestPki;

class PdfAlgorithmTest {

    @TempDir
    Path directory;

    private final TestPki pki = SharedTestPki.pki();
    private final PdfSignatureVerifier verifier =
            new PdfSignatureVerifier(SharedTestPki.validator(RevocationSettings.off()), Clock.systemUTC());

    private SignatureCheck signedWith(String algorithm) throws Exception {
        Path signed = TestPdfSigner.with(pki.signer()).algorithm(algorithm)
                .sign(TestPdfs.letter(directory.resolve("letter.pdf")), directory.resolve("signed.pdf"));
        return verifier.verify(signed, "letter.pdf").get(0);
    }

    @Test
    void sha512_with_rsa_is_accepted() throws Exception {
        SignatureCheck check = signedWith("SHA512withRSA");

        assertThat(check.reasons()).isEmpty();
        assertThat(check.algorithm()).isEqualTo("SHA512withRSA");
    }

    @Test
    void rsa_pss_is_accepted() throws Exception {
        SignatureCheck check = signedWith("SHA256withRSAandMGF1");

        assertThat(check.reasons()).isEmpty();
        assertThat(check.algorithm()).isEqualTo("SHA256withRSAandMGF1");
    }

    @Test
    void sha1_is_accepted_with_a_legacy_note_that_keeps_the_signature_valid() throws Exception {
        SignatureCheck check = signedWith("SHA1withRSA");

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.ALGORITHM_LEGACY);
        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void md5_is_refused() throws Exception {
        SignatureCheck check = signedWith("MD5withRSA");

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.ALGORITHM_NOT_ALLOWED);
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
    }
}
