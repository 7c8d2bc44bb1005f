package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.crypto.spec.SecretKeySpec;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;

class AlgorithmPolicyTest {

    @TempDir
    Path directory;

    @Test
    void rsa_sha1_is_refused_when_sha1_is_not_allowed() throws Exception {
        SignatureCheck check = VerifierHarness.in(directory).check(sha1Signed());

        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(VerifierHarness.problems(check))
                .containsExactly(SignatureProblem.ALGORITHM_NOT_ALLOWED, SignatureProblem.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void rsa_sha1_is_valid_with_a_legacy_note_when_sha1_is_allowed() throws Exception {
        SignatureCheck check = new VerifierHarness(directory, new RecordingTrust(), null, true).check(sha1Signed());

        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(VerifierHarness.problems(check))
                .containsExactly(SignatureProblem.ALGORITHM_LEGACY, SignatureProblem.ALGORITHM_LEGACY);
        assertThat(check.reasons().get(0).english()).contains(XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1);
    }

    @Test
    void hmac_is_not_allowed() throws Exception {
        DomSigner signer = new DomSigner(new SecretKeySpec(new byte[32], "HmacSHA256"), TestCredentials.RSA_SIGNER.chain());
        signer.signatureMethod = XMLSignature.ALGO_ID_MAC_HMAC_SHA256;

        assertOnlyNotAllowed(signer, XMLSignature.ALGO_ID_MAC_HMAC_SHA256);
    }

    @Test
    void an_md5_digest_is_not_allowed_even_with_sha1_allowed() throws Exception {
        // Santuario refuses to sign with MD5, so the algorithm is swapped in afterwards.
        String signed = DomSigner.with(TestCredentials.RSA_SIGNER).sign(EnvelopeTexts.plain())
                .replace(MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256,
                        MessageDigestAlgorithm.ALGO_ID_DIGEST_NOT_RECOMMENDED_MD5);

        SignatureCheck check = new VerifierHarness(directory, new RecordingTrust(), null, true).check(signed);

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void dsa_sha1_is_not_allowed() throws Exception {
        DomSigner signer = new DomSigner(TestCredentials.generate("DSA", 1024).getPrivate(),
                TestCredentials.RSA_SIGNER.chain());
        signer.signatureMethod = XMLSignature.ALGO_ID_SIGNATURE_DSA;

        assertOnlyNotAllowed(signer, XMLSignature.ALGO_ID_SIGNATURE_DSA);
    }

    @Test
    void ecdsa_sha1_is_not_allowed_even_with_sha1_allowed() throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.EC_SIGNER);
        signer.signatureMethod = XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA1;

        SignatureCheck check = new VerifierHarness(directory, new RecordingTrust(), null, true)
                .check(signer.sign(EnvelopeTexts.plain()));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void a_sha224_digest_is_not_allowed() throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.digestMethod = MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA224;

        assertOnlyNotAllowed(signer, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA224);
    }

    private void assertOnlyNotAllowed(DomSigner signer, String algorithm) throws Exception {
        SignatureCheck check = VerifierHarness.in(directory).check(signer.sign(EnvelopeTexts.plain()));

        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.ALGORITHM_NOT_ALLOWED);
        assertThat(check.reasons().get(0).english()).contains(algorithm);
    }

    private static String sha1Signed() throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.signatureMethod = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1;
        signer.digestMethod = MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA1;
        return signer.sign(EnvelopeTexts.plain());
    }
}
