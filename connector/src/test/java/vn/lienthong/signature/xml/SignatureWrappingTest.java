package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;

/** Everything that would let a signature cover something other than the whole envelope we process is refused. */
class SignatureWrappingTest {

    @TempDir
    Path directory;

    @Test
    void a_signature_in_the_body_is_misplaced() throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.parent = DomSigner::body;

        SignatureCheck check = VerifierHarness.in(directory).check(signer.sign(EnvelopeTexts.plain()));

        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.SIGNATURE_MISPLACED);
        assertThat(check.reasons().get(0).english()).contains("/edXML/edXMLEnvelope/edXMLBody/Signature");
    }

    @Test
    void a_signature_followed_by_another_header_element_is_misplaced() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);

        SignatureCheck check = VerifierHarness.in(directory).check(
                signed.replace("</Signature></edXMLHeader>", "</Signature><TraceHeaderList/></edXMLHeader>"));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.SIGNATURE_MISPLACED);
        assertThat(check.reasons().get(0).english()).contains("followed by another element");
    }

    @Test
    void a_signature_in_a_header_that_is_not_the_envelopes_is_misplaced() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);

        SignatureCheck check = VerifierHarness.in(directory).check(signed
                .replace("<edXMLEnvelope>", "<edXMLEnvelope><Wrapper>")
                .replace("</edXMLEnvelope>", "</Wrapper></edXMLEnvelope>"));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.SIGNATURE_MISPLACED);
    }

    @Test
    void two_signatures_are_refused_as_duplicated() throws Exception {
        String twice = DomSigner.signedTwice(TestCredentials.RSA_SIGNER, EnvelopeTexts.plain(), DomSigner::body);

        SignatureCheck check = VerifierHarness.in(directory).check(twice);

        assertThat(VerifierHarness.problems(check))
                .containsExactly(SignatureProblem.SIGNATURE_DUPLICATED, SignatureProblem.SIGNATURE_MISPLACED);
    }

    @Test
    void a_signature_inside_the_signature_counts_as_a_second_one() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);
        String inner = signed.substring(signed.indexOf("<Signature "), signed.indexOf("</Signature>") + 12);

        SignatureCheck check = VerifierHarness.in(directory).check(
                signed.replace("</KeyInfo></Signature>", "</KeyInfo><Object>" + inner + "</Object></Signature>"));

        assertThat(VerifierHarness.problems(check))
                .containsExactly(SignatureProblem.SIGNATURE_DUPLICATED, SignatureProblem.SIGNATURE_MISPLACED);
    }

    /**
     * The first pass stops at the end of the header once it has found a signature there; a copy of that signature
     * after the header (one that verifies on its own) is still found, and judged as a full first pass judged it.
     */
    @Test
    void a_second_signature_after_a_good_one_in_its_place_is_found() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);
        String copy = signed.substring(signed.indexOf("<Signature "), signed.indexOf("</Signature>") + 12);
        assertThat(VerifierHarness.in(directory).check(signed).verdict()).as("as signed").isEqualTo(Verdict.VALID);

        String twice = signed.replace("</edXMLBody>", copy + "</edXMLBody>");
        assertThat(twice).as("a copy in the body").isNotEqualTo(signed);

        SignatureCheck check = VerifierHarness.in(directory).check(twice);

        assertThat(VerifierHarness.problems(check))
                .containsExactly(SignatureProblem.SIGNATURE_DUPLICATED, SignatureProblem.SIGNATURE_MISPLACED);
        assertThat(check.reasons().get(1).english()).contains("/edXML/edXMLEnvelope/edXMLBody/Signature");
    }

    @Test
    void a_reference_to_an_element_by_id_is_not_the_whole_document() throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.referenceUri = "#header";
        signer.parent = document -> {
            DomSigner.markWithId(DomSigner.firstChild(DomSigner.header(document)), "header");
            return DomSigner.header(document);
        };

        SignatureCheck check = VerifierHarness.in(directory).check(signer.sign(EnvelopeTexts.plain()));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.REFERENCE_NOT_WHOLE_DOCUMENT);
        assertThat(check.reasons().get(0).english()).contains("URI=\"#header\"");
    }

    @Test
    void a_second_reference_is_not_the_whole_document() throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.secondReference = true;

        SignatureCheck check = VerifierHarness.in(directory).check(signer.sign(EnvelopeTexts.plain()));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.REFERENCE_NOT_WHOLE_DOCUMENT);
    }

    @Test
    void an_xpath_transform_is_not_allowed() throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.transforms = List.of(XmlDsig.ENVELOPED, Transforms.TRANSFORM_XPATH, XmlDsig.C14N);

        SignatureCheck check = VerifierHarness.in(directory).check(signer.sign(EnvelopeTexts.plain()));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.TRANSFORM_NOT_ALLOWED);
        assertThat(check.reasons().get(0).english()).contains(Transforms.TRANSFORM_XPATH);
    }

    @Test
    void a_reference_without_the_enveloped_transform_is_not_the_whole_document() throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.transforms = List.of(XmlDsig.C14N);

        SignatureCheck check = VerifierHarness.in(directory).check(signer.sign(EnvelopeTexts.plain()));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.REFERENCE_NOT_WHOLE_DOCUMENT);
    }

    @Test
    void two_canonicalizations_after_the_enveloped_transform_are_not_allowed() throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.transforms = List.of(XmlDsig.ENVELOPED, XmlDsig.C14N, XmlDsig.EXCLUSIVE_C14N);

        SignatureCheck check = VerifierHarness.in(directory).check(signer.sign(EnvelopeTexts.plain()));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.TRANSFORM_NOT_ALLOWED);
    }

    @Test
    void an_object_carrying_a_copy_of_the_header_changes_nothing_of_what_is_verified() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);
        Document document = DomSigner.parse(signed);
        Element header = DomSigner.header(document);
        Element copy = (Element) DomSigner.firstChild(header).cloneNode(true);
        Element signature = (Element) header.getElementsByTagNameNS(XmlDsig.NAMESPACE, "Signature").item(0);
        signature.appendChild(document.createElementNS(XmlDsig.NAMESPACE, "Object")).appendChild(copy);
        copy.getElementsByTagNameNS(EnvelopeTexts.NS, "Subject").item(0).setTextContent("Bản sao đã sửa");
        header.getElementsByTagNameNS(EnvelopeTexts.NS, "Subject").item(0).setTextContent("Nội dung giả mạo");

        SignatureCheck check = VerifierHarness.in(directory).check(DomSigner.serialize(document));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.DIGEST_MISMATCH);
    }
}
