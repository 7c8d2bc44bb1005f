package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.Verdict;

/** Signatures travel both ways between us and xmlsec1, the reference tool of the XML-DSig world. */
class XmlSec1InteropTest {

    @TempDir
    Path directory;

    @ParameterizedTest(name = "{0}")
    @MethodSource("vn.lienthong.signature.xml.EnvelopeTexts#names")
    void xmlsec1_verifies_an_envelope_we_signed(String name) throws Exception {
        Path signed = write("signed.xml", SignedTexts.ours(EnvelopeTexts.all().get(name), directory));

        XmlSec1.Result result = XmlSec1.run("--verify", "--trusted-pem", rootPem().toString(), signed.toString());

        assertThat(result.ok()).as(result.output()).isTrue();
    }

    @Test
    void xmlsec1_verifies_an_envelope_we_signed_with_an_ec_key() throws Exception {
        Path signed = write("signed.xml", SignedTexts.ours(EnvelopeTexts.prefixed(), directory, TestCredentials.EC_SIGNER));

        XmlSec1.Result result = XmlSec1.run("--verify", "--trusted-pem", rootPem().toString(), signed.toString());

        assertThat(result.ok()).as(result.output()).isTrue();
    }

    @Test
    void xmlsec1_refuses_an_envelope_we_signed_once_it_is_changed() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);
        Path changed = write("changed.xml", signed.replace("triển khai", "hủy bỏ"));

        XmlSec1.Result result = XmlSec1.run("--verify", "--trusted-pem", rootPem().toString(), changed.toString());

        assertThat(result.ok()).as(result.output()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {XmlDsig.C14N, XmlDsig.EXCLUSIVE_C14N, XmlDsig.C14N_WITH_COMMENTS})
    void an_envelope_xmlsec1_signed_is_valid_for_us(String canonicalization) throws Exception {
        Path template = write("template.xml", EnvelopeTexts.medium().replace("</edXMLHeader>", template(canonicalization)
                + "</edXMLHeader>"));
        Path key = write("key.pem", Pem.privateKey(TestCredentials.RSA_SIGNER.privateKey()));
        Path certificate = write("certificate.pem", Pem.certificate(TestCredentials.RSA_SIGNER.certificate()));
        Path signed = directory.resolve("signed-by-xmlsec1.xml");

        XmlSec1.Result result = XmlSec1.run("--sign", "--privkey-pem", key + "," + certificate,
                "--output", signed.toString(), template.toString());
        assertThat(result.ok()).as(result.output()).isTrue();

        SignatureCheck check = VerifierHarness.in(directory).check(Files.readString(signed, StandardCharsets.UTF_8));
        assertThat(check.reasons()).isEmpty();
        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
    }

    /** A ds:Signature template as xmlsec1 expects it: empty values, an empty X509Data for the certificate. */
    private static String template(String canonicalization) {
        return "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">\n"
                + "<ds:SignedInfo>\n"
                + "<ds:CanonicalizationMethod Algorithm=\"" + canonicalization + "\"/>\n"
                + "<ds:SignatureMethod Algorithm=\"" + XmlDsig.RSA_SHA256 + "\"/>\n"
                + "<ds:Reference URI=\"\">\n"
                + "<ds:Transforms><ds:Transform Algorithm=\"" + XmlDsig.ENVELOPED + "\"/>"
                + "<ds:Transform Algorithm=\"" + canonicalization + "\"/></ds:Transforms>\n"
                + "<ds:DigestMethod Algorithm=\"" + XmlDsig.SHA256 + "\"/>\n"
                + "<ds:DigestValue></ds:DigestValue>\n"
                + "</ds:Reference>\n"
                + "</ds:SignedInfo>\n"
                + "<ds:SignatureValue/>\n"
                + "<ds:KeyInfo><ds:X509Data/></ds:KeyInfo>\n"
                + "</ds:Signature>";
    }

    private Path rootPem() throws Exception {
        return write("root.pem", Pem.certificate(TestCredentials.ROOT.certificate()));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    }
}
