package vn.lienthong.audit.stamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signature.xml.SoftHsmToken;
import vn.lienthong.testing.ChildJvm;

/**
 * A log head signed with a key on a PKCS#11 token (SoftHSM2), through SunPKCS11, in a child JVM because SoftHSM2
 * reads SOFTHSM2_CONF from the environment when the provider loads it.
 */
class HeadSignaturePkcs11Test {

    private static final byte[] HEAD = "lienthong-log-head v1\nsize 7\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path directory;

    private static SoftHsmToken token;
    private static ChildJvm signing;
    private static Path signature;

    @BeforeAll
    static void signOnTheToken() throws Exception {
        token = SoftHsmToken.create(directory);
        Path head = Files.write(directory.resolve("head.txt"), HEAD);
        signature = directory.resolve("head.sig");
        signing = ChildJvm.run("256m", token.environment(), HeadSignatureTool.class,
                token.configuration.toString(), SoftHsmToken.PIN, SoftHsmToken.ALIAS, head.toString(), signature.toString());
    }

    @Test
    void the_head_is_signed_on_the_token_with_sha256_with_rsa() {
        assertThat(signing.exitCode()).as(signing.output()).isZero();
        assertThat(signing.output()).contains("algorithm=SHA256withRSA", "provider=SunPKCS11-SoftHSM");
    }

    @Test
    void the_head_signed_on_the_token_verifies_with_the_tokens_certificate() throws Exception {
        byte[] signed = Files.readAllBytes(signature);

        assertThatNoException().isThrownBy(() -> HeadSignature.verify("SHA256withRSA", signed, tokenCertificate(), HEAD));
    }

    @Test
    void the_signature_made_on_the_token_does_not_cover_another_head() throws Exception {
        byte[] signed = Files.readAllBytes(signature);
        byte[] otherHead = "lienthong-log-head v1\nsize 8\n".getBytes(StandardCharsets.UTF_8);

        StampException refused = catchThrowableOfType(() ->
                HeadSignature.verify("SHA256withRSA", signed, tokenCertificate(), otherHead), StampException.class);

        assertThat(refused.code()).isEqualTo("ANCHOR_SIGNATURE_INVALID");
    }

    private static X509Certificate tokenCertificate() throws Exception {
        try (InputStream in = Files.newInputStream(token.certificatePem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
