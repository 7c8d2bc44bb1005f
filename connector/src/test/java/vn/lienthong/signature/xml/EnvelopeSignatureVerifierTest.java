package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;

class EnvelopeSignatureVerifierTest {

    @TempDir
    Path directory;

    /** The canonical pass reads the rest of a signed envelope anyway, so the first pass need not. */
    @Test
    void the_first_pass_stops_after_a_signed_header_and_reads_an_unsigned_envelope_through() throws Exception {
        Path signed = java.nio.file.Files.writeString(directory.resolve("signed.xml"),
                SignedTexts.ours(EnvelopeTexts.plain(), directory));
        Path unsigned = java.nio.file.Files.writeString(directory.resolve("unsigned.xml"), EnvelopeTexts.plain());

        assertThat(EnvelopeScanner.scanThroughHeader(signed).complete()).isFalse();
        assertThat(EnvelopeScanner.scanThroughHeader(signed).signatures()).hasSize(1);
        assertThat(EnvelopeScanner.scanThroughHeader(unsigned).complete()).isTrue();
        assertThat(EnvelopeScanner.scan(signed).complete()).isTrue();
    }

    @Test
    void an_envelope_without_a_signature_has_no_check() throws Exception {
        assertThat(VerifierHarness.in(directory).verify(EnvelopeTexts.plain())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vn.lienthong.signature.xml.EnvelopeTexts#names")
    void an_envelope_we_signed_is_valid(String name) throws Exception {
        SignatureCheck check = VerifierHarness.in(directory).check(SignedTexts.ours(EnvelopeTexts.all().get(name), directory));

        assertThat(check.reasons()).isEmpty();
        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void the_check_names_the_envelope_the_signer_and_the_signature_method() throws Exception {
        SignatureCheck check = VerifierHarness.in(directory).check(SignedTexts.ours(EnvelopeTexts.plain(), directory));

        assertThat(check.kind()).isEqualTo(SignatureCheck.Kind.ENVELOPE_XMLDSIG);
        assertThat(check.where()).isEqualTo("envelope");
        assertThat(check.algorithm()).isEqualTo(XmlDsig.RSA_SHA256);
        assertThat(check.signer().subject())
                .isEqualTo(TestCredentials.RSA_SIGNER.certificate().getSubjectX500Principal().getName());
        assertThat(check.timestamped()).isFalse();
        assertThat(check.signingTime()).as("XML-DSig here signs no signing time").isNull();
    }

    @Test
    void the_certificate_is_judged_as_of_the_clock_with_the_other_certificates_as_intermediates() throws Exception {
        VerifierHarness harness = VerifierHarness.in(directory);

        harness.check(SignedTexts.ours(EnvelopeTexts.plain(), directory));

        assertThat(harness.trust.signer).isEqualTo(TestCredentials.RSA_SIGNER.certificate());
        assertThat(harness.trust.others).containsExactlyInAnyOrderElementsOf(TestCredentials.RSA_SIGNER.chain().subList(1, 3));
        assertThat(harness.trust.at).isEqualTo(VerifierHarness.NOW);
    }

    @Test
    void the_signer_is_the_certificate_whose_key_verifies_wherever_it_is_in_keyinfo() throws Exception {
        DomSigner signer = new DomSigner(TestCredentials.RSA_SIGNER.privateKey(),
                DomSigner.reversed(TestCredentials.RSA_SIGNER.chain()));
        VerifierHarness harness = VerifierHarness.in(directory);

        SignatureCheck check = harness.check(signer.sign(EnvelopeTexts.plain()));

        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(harness.trust.signer).isEqualTo(TestCredentials.RSA_SIGNER.certificate());
    }

    @Test
    void the_reasons_of_the_trust_judgement_make_the_verdict() throws Exception {
        RecordingTrust untrusted = new RecordingTrust(SignatureProblem.CHAIN_UNTRUSTED.reason("no path to a trust anchor"));
        VerifierHarness harness = new VerifierHarness(directory, untrusted, null, false);

        SignatureCheck check = harness.check(SignedTexts.ours(EnvelopeTexts.plain(), directory));

        assertThat(check.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.CHAIN_UNTRUSTED);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            XmlDsig.C14N, XmlDsig.C14N_WITH_COMMENTS, XmlDsig.EXCLUSIVE_C14N, XmlDsig.EXCLUSIVE_C14N_WITH_COMMENTS})
    void a_signature_with_any_c14n_1_0_transform_is_valid(String canonicalization) throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.transforms = List.of(XmlDsig.ENVELOPED, canonicalization);
        signer.signedInfoCanonicalization = canonicalization;

        SignatureCheck check = VerifierHarness.in(directory).check(signer.sign(EnvelopeTexts.commentsAndInstructions()));

        assertThat(check.reasons()).isEmpty();
    }

    @Test
    void a_signature_with_only_the_enveloped_transform_is_valid() throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.transforms = List.of(XmlDsig.ENVELOPED);

        assertThat(VerifierHarness.in(directory).check(signer.sign(EnvelopeTexts.prefixed())).reasons()).isEmpty();
    }

    @Test
    void an_exclusive_c14n_signature_with_inclusive_namespaces_is_valid() throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.transforms = List.of(XmlDsig.ENVELOPED, XmlDsig.EXCLUSIVE_C14N);
        signer.inclusiveNamespaces = "unused #default";

        assertThat(VerifierHarness.in(directory).check(signer.sign(EnvelopeTexts.namespaceTricks())).reasons()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA384, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512,
            XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256_MGF1, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA512_MGF1})
    void an_rsa_signature_with_sha_2_is_valid(String signatureMethod) throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.signatureMethod = signatureMethod;
        signer.digestMethod = "http://www.w3.org/2001/04/xmlenc#sha512";

        SignatureCheck check = VerifierHarness.in(directory).check(signer.sign(EnvelopeTexts.plain()));

        assertThat(check.reasons()).isEmpty();
        assertThat(check.algorithm()).isEqualTo(signatureMethod);
    }

    @Test
    void an_ecdsa_signature_is_valid() throws Exception {
        DomSigner signer = DomSigner.with(TestCredentials.EC_SIGNER);
        signer.signatureMethod = XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA384;

        assertThat(VerifierHarness.in(directory).check(signer.sign(EnvelopeTexts.plain())).reasons()).isEmpty();
    }
}
