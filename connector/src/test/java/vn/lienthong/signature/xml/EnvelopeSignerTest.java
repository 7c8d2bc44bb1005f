package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class EnvelopeSignerTest {

    private static final String SIGNATURE_START = "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">";

    @TempDir
    Path directory;

    @Test
    void the_signed_envelope_is_the_original_text_with_the_signature_inserted_before_the_header_end_tag() throws Exception {
        String original = EnvelopeTexts.crlfAndEscapes();
        String signed = sign(original);

        int start = signed.indexOf(SIGNATURE_START);
        int end = signed.indexOf("</Signature>") + "</Signature>".length();
        assertThat(signed.substring(0, start) + signed.substring(end)).isEqualTo(original);
        assertThat(signed.substring(end)).startsWith("</edXMLHeader>");
    }

    @Test
    void the_signature_is_the_last_child_of_the_header() throws Exception {
        Document signed = DomSigner.parse(sign(EnvelopeTexts.plain()));

        Node last = DomSigner.header(signed).getLastChild();
        assertThat(last.getNamespaceURI()).isEqualTo(XmlDsig.NAMESPACE);
        assertThat(last.getLocalName()).isEqualTo("Signature");
    }

    @Test
    void the_signature_has_the_form_seen_in_the_field() throws Exception {
        String signed = sign(EnvelopeTexts.plain());

        assertThat(signed)
                .contains("<CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/>")
                .contains("<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>")
                .contains("<Reference URI=\"\"><Transforms>"
                        + "<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>"
                        + "<Transform Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315\"/></Transforms>"
                        + "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>")
                .contains("<KeyInfo><X509Data><X509Certificate>");
    }

    @Test
    void keyinfo_carries_the_whole_chain_signer_first() throws Exception {
        Document signed = DomSigner.parse(sign(EnvelopeTexts.plain()));

        assertThat(signed.getElementsByTagNameNS(XmlDsig.NAMESPACE, "X509Certificate").getLength())
                .isEqualTo(TestCredentials.RSA_SIGNER.chain().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vn.lienthong.signature.xml.EnvelopeTexts#names")
    void santuarios_dom_verifier_accepts_what_we_sign(String name) throws Exception {
        Document signed = DomSigner.parse(sign(EnvelopeTexts.all().get(name)));
        Element signature = (Element) signed.getElementsByTagNameNS(XmlDsig.NAMESPACE, "Signature").item(0);

        XMLSignature parsed = new XMLSignature(signature, "", true);
        assertThat(parsed.checkSignatureValue(TestCredentials.RSA_SIGNER.certificate())).isTrue();
    }

    @Test
    void an_ec_key_signs_with_ecdsa_sha256_that_santuario_accepts() throws Exception {
        Path signedFile = directory.resolve("signed.xml");
        new EnvelopeSigner(TestCredentials.EC_SIGNER.signingKey()).sign(write(EnvelopeTexts.prefixed()), signedFile);
        Document signed = DomSigner.parse(Files.readString(signedFile));
        Element signature = (Element) signed.getElementsByTagNameNS(XmlDsig.NAMESPACE, "Signature").item(0);

        XMLSignature parsed = new XMLSignature(signature, "", true);
        assertThat(parsed.getSignedInfo().getSignatureMethodURI()).isEqualTo(XmlDsig.ECDSA_SHA256);
        assertThat(parsed.checkSignatureValue(TestCredentials.EC_SIGNER.certificate())).isTrue();
    }

    @Test
    void the_envelope_may_be_signed_in_place() throws Exception {
        Path envelope = write(EnvelopeTexts.plain());

        new EnvelopeSigner(TestCredentials.RSA_SIGNER.signingKey()).sign(envelope, envelope);

        assertThat(Files.readString(envelope)).contains(SIGNATURE_START);
        assertThat(directory).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void an_envelope_already_signed_is_refused() throws Exception {
        Path envelope = write(sign(EnvelopeTexts.plain()));

        assertThatThrownBy(() -> new EnvelopeSigner(TestCredentials.RSA_SIGNER.signingKey())
                .sign(envelope, directory.resolve("twice.xml")))
                .isInstanceOf(EnvelopeNotSignableException.class)
                .hasMessageContaining("already carries a ds:Signature");
        assertThat(directory.resolve("twice.xml")).doesNotExist();
    }

    @Test
    void an_envelope_without_a_header_is_refused() throws Exception {
        Path envelope = write("<edXML xmlns=\"" + EnvelopeTexts.NS + "\"><edXMLEnvelope/></edXML>");

        assertThatThrownBy(() -> new EnvelopeSigner(TestCredentials.RSA_SIGNER.signingKey())
                .sign(envelope, directory.resolve("signed.xml")))
                .isInstanceOf(EnvelopeNotSignableException.class)
                .hasMessageContaining("no edXML/edXMLEnvelope/edXMLHeader");
    }

    @Test
    void text_that_is_not_xml_is_refused_with_the_line_and_column() throws Exception {
        Path envelope = write("<edXML xmlns=\"" + EnvelopeTexts.NS + "\">\n<edXMLEnvelope></edXML>");

        assertThatThrownBy(() -> new EnvelopeSigner(TestCredentials.RSA_SIGNER.signingKey())
                .sign(envelope, directory.resolve("signed.xml")))
                .isInstanceOf(EnvelopeNotSignableException.class)
                .hasMessageContaining("line 2");
        assertThat(directory).isDirectoryNotContaining("glob:**.tmp");
    }

    private String sign(String xml) throws Exception {
        Path signed = directory.resolve("signed-" + System.nanoTime() + ".xml");
        new EnvelopeSigner(TestCredentials.RSA_SIGNER.signingKey()).sign(write(xml), signed);
        return Files.readString(signed, StandardCharsets.UTF_8);
    }

    private Path write(String xml) throws Exception {
        return Files.writeString(directory.resolve("envelope-" + System.nanoTime() + ".xml"), xml, StandardCharsets.UTF_8);
    }
}
