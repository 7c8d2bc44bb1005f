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
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signature.xml.SigningKey;
import vn.lienthong.signature.xml.TestCredentials;

/** A log head signed with the agency's key from a PKCS#12 file, and checked with the signer's certificate. */
class HeadSignatureTest {

    private static final char[] PASSWORD = "head-2026".toCharArray();
    private static final byte[] HEAD = "lienthong-log-head v1\nsize 42\nroot 9f86d081884c7d65\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{1}")
    @MethodSource("agencyKeys")
    void a_head_signed_with_a_key_from_a_pkcs12_file_verifies_with_its_certificate(
            TestCredentials.Credential credential, String algorithm) throws Exception {
        SigningKey key = fromPkcs12(credential);

        HeadSignature signed = HeadSignature.sign(key, HEAD);

        assertThat(signed.algorithm()).isEqualTo(algorithm);
        assertThat(signed.certificates()).containsExactlyElementsOf(credential.chain());
        assertThatNoException().isThrownBy(() ->
                HeadSignature.verify(signed.algorithm(), signed.signature(), signed.signer(), HEAD));
    }

    static Stream<Arguments> agencyKeys() {
        return Stream.of(Arguments.of(TestCredentials.RSA_SIGNER, "SHA256withRSA"),
                Arguments.of(TestCredentials.EC_SIGNER, "SHA256withECDSA"));
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

    @Test
    void openssl_verifies_a_head_signature_with_the_signers_public_key() throws Exception {
        HeadSignature signed = HeadSignature.sign(TestCredentials.EC_SIGNER.signingKey(), HEAD);
        Path head = Files.write(directory.resolve("head.txt"), HEAD);
        Path signature = Files.write(directory.resolve("head.sig"), signed.signature());
        Path publicKey = Files.writeString(directory.resolve("signer.pub.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(signed.signer().getPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");

        Openssl result = Openssl.run("dgst", "-sha256", "-verify", publicKey.toString(), "-signature",
                signature.toString(), head.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Verified OK");
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
