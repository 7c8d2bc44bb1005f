package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import vn.lienthong.testing.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.Verdict;

/**
 * Signing with a key on a PKCS#11 token (SoftHSM2 standing in for a USB token or an HSM). The signing runs in a
 * child JVM because SunPKCS11 loads the token library in-process and SoftHSM2 reads SOFTHSM2_CONF from the
 * environment at that moment.
 */
class Pkcs11SigningTest {

    @TempDir
    static Path directory;

    private static SoftHsmToken token;
    private static Path signed;
    private static ChildJvm signing;

    @BeforeAll
    static void signOnTheToken() throws Exception {
        token = SoftHsmToken.create(directory);
        Path envelope = Files.writeString(directory.resolve("envelope.xml"), EnvelopeTexts.prefixed(), StandardCharsets.UTF_8);
        signed = directory.resolve("signed-on-token.xml");
        signing = ChildJvm.run("256m", token.environment(), EnvelopeSignatureTool.class, "sign-pkcs11",
                token.configuration.toString(), SoftHsmToken.PIN, SoftHsmToken.ALIAS, envelope.toString(), signed.toString());
    }

    @Test
    void an_envelope_is_signed_with_the_key_on_the_token() {
        assertThat(signing.exitCode()).as(signing.output()).isZero();
        assertThat(signed).exists();
    }

    @Test
    void the_envelope_signed_on_the_token_is_valid_and_names_the_tokens_certificate() throws Exception {
        VerifierHarness harness = VerifierHarness.in(directory);

        SignatureCheck check = harness.check(Files.readString(signed, StandardCharsets.UTF_8));

        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(harness.trust.signer).isEqualTo(tokenCertificate());
    }

    @Test
    void xmlsec1_verifies_the_envelope_signed_on_the_token() throws Exception {
        XmlSec1.Result result = XmlSec1.run("--verify", "--trusted-pem", token.certificatePem.toString(), signed.toString());

        assertThat(result.ok()).as(result.output()).isTrue();
    }

    private static X509Certificate tokenCertificate() throws Exception {
        try (InputStream in = Files.newInputStream(token.certificatePem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
