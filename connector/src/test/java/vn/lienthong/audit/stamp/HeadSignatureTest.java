package vn.lienthong.audit.stamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signature.xml.SigningKey;
import vn.lienthong.signature.xml.TestCredentials;

/** A log head signed with the agency's key from a PKCS#12 file, and checked with the signer's certificate. */
class HeadSignatureTest {

    private static final char[] PASSWORD = "head-2026".toCharArray();
    private static final byte[] HEAD = "lienthong-log-head v1\nsize 42\nroot 9f86d081884c7d65\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @Test
    void a_head_signed_with_an_rsa_key_from_a_pkcs12_file_verifies_with_its_certificate() throws Exception {
        SigningKey key = fromPkcs12(TestCredentials.RSA_SIGNER);

        HeadSignature signed = HeadSignature.sign(key, HEAD);

        assertThat(signed.algorithm()).isEqualTo("SHA256withRSA");
        assertThat(signed.certificates()).containsExactlyElementsOf(TestCredentials.RSA_SIGNER.chain());
        assertThatNoException().isThrownBy(() ->
                HeadSignature.verify(signed.algorithm(), signed.signature(), signed.certificates().get(0), HEAD));
    }

    @Test
    void a_head_signed_with_an_ec_key_from_a_pkcs12_file_verifies_with_its_certificate() throws Exception {
        SigningKey key = fromPkcs12(TestCredentials.EC_SIGNER);

        HeadSignature signed = HeadSignature.sign(key, HEAD);

        assertThat(signed.algorithm()).isEqualTo("SHA256withECDSA");
        assertThat(signed.signer()).isEqualTo(TestCredentials.EC_SIGNER.certificate());
        assertThatNoException().isThrownBy(() ->
                HeadSignature.verify(signed.algorithm(), signed.signature(), signed.signer(), HEAD));
    }

    @Test
    void a_signature_over_another_head_is_refused_in_both_languages() {
        HeadSignature signed = HeadSignature.sign(TestCredentials.RSA_SIGNER.signingKey(), HEAD);
        byte[] otherHead = "lienthong-log-head v1\nsize 43\n".getBytes(StandardCharsets.UTF_8);

        StampException refused = catchThrowableOfType(() ->
                HeadSignature.verify(signed.algorithm(), signed.signature(), signed.signer(), otherHead), StampException.class);

        assertThat(refused.code()).isEqualTo("ANCHOR_SIGNATURE_INVALID");
        assertThat(refused.vietnamese()).startsWith("Chữ ký của mốc neo không hợp lệ");
        assertThat(refused.english()).startsWith("The anchor's signature is invalid");
        assertThat(refused.getMessage()).isEqualTo(refused.vietnamese() + " / " + refused.english());
    }

    @Test
    void a_signature_checked_with_another_signers_certificate_is_refused() {
        HeadSignature signed = HeadSignature.sign(TestCredentials.RSA_SIGNER.signingKey(), HEAD);

        StampException refused = catchThrowableOfType(() -> HeadSignature.verify(signed.algorithm(), signed.signature(),
                TestCredentials.STRANGER.certificate(), HEAD), StampException.class);

        assertThat(refused.code()).isEqualTo("ANCHOR_SIGNATURE_INVALID");
    }

    @Test
    void a_forged_signature_of_garbage_bytes_is_refused_not_thrown_as_a_crash() {
        StampException refused = catchThrowableOfType(() -> HeadSignature.verify("SHA256withECDSA", new byte[] {1, 2, 3},
                TestCredentials.EC_SIGNER.certificate(), HEAD), StampException.class);

        assertThat(refused.code()).isEqualTo("ANCHOR_SIGNATURE_INVALID");
    }

    @Test
    void an_algorithm_other_than_sha256_with_rsa_or_ecdsa_is_refused() {
        HeadSignature signed = HeadSignature.sign(TestCredentials.RSA_SIGNER.signingKey(), HEAD);

        StampException refused = catchThrowableOfType(() -> HeadSignature.verify("SHA1withRSA", signed.signature(),
                signed.signer(), HEAD), StampException.class);

        assertThat(refused.code()).isEqualTo("ANCHOR_ALGORITHM_UNSUPPORTED");
    }

    private SigningKey fromPkcs12(TestCredentials.Credential credential) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("agency", credential.privateKey(), PASSWORD, credential.chain().toArray(Certificate[]::new));
        Path file = directory.resolve("agency.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return SigningKey.fromPkcs12(file, PASSWORD, null);
    }
}
