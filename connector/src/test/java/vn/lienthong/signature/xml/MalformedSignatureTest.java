package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;

/** Whatever is wrong with the XML or the signature, the answer is a check with a plain reason, never an exception. */
class MalformedSignatureTest {

    @TempDir
    Path directory;

    @Test
    void an_envelope_that_is_not_well_formed_gives_a_malformed_signature_with_line_and_column() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);

        SignatureCheck check = VerifierHarness.in(directory).check(signed.replace("</edXMLBody>", "</edXMLBodyy>"));

        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.SIGNATURE_MALFORMED);
        assertThat(check.reasons().get(0).english())
                .contains("cannot be parsed as XML (line 13, column").contains("</edXMLBodyy>");
    }

    @Test
    void an_envelope_with_a_doctype_is_refused() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);

        SignatureCheck check = VerifierHarness.in(directory).check(signed.replace("<edXML ",
                "<!DOCTYPE edXML [<!ENTITY big \"lol\">]>\n<edXML "));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.SIGNATURE_MALFORMED);
        assertThat(check.reasons().get(0).english()).contains("DOCTYPE");
    }

    @Test
    void a_signature_without_signed_info_is_malformed() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);
        String withoutSignedInfo = signed.substring(0, signed.indexOf("<SignedInfo>"))
                + signed.substring(signed.indexOf("</SignedInfo>") + "</SignedInfo>".length());

        SignatureCheck check = VerifierHarness.in(directory).check(withoutSignedInfo);

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.SIGNATURE_MALFORMED);
    }

    @Test
    void a_digest_value_that_is_not_base64_is_malformed() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);

        SignatureCheck check = VerifierHarness.in(directory).check(signed.replace("<DigestValue>", "<DigestValue>#%"));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.SIGNATURE_MALFORMED);
    }

    @Test
    void a_certificate_that_does_not_decode_is_malformed() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);

        SignatureCheck check = VerifierHarness.in(directory)
                .check(signed.replace("<X509Certificate>", "<X509Certificate>QUJD"));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.SIGNATURE_MALFORMED);
    }

    @Test
    void an_oversized_signature_is_refused_before_it_fills_the_heap() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);
        String padding = "<Object>" + "A".repeat(SubtreeCopy.MAX_CHARACTERS + 1) + "</Object>";

        SignatureCheck check = VerifierHarness.in(directory).check(signed.replace("</KeyInfo>", "</KeyInfo>" + padding));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.SIGNATURE_MALFORMED);
        assertThat(check.reasons().get(0).english()).contains("more than");
    }

    @Test
    void a_file_that_does_not_exist_is_an_io_error_not_a_verdict() {
        EnvelopeSignatureVerifier verifier =
                new EnvelopeSignatureVerifier(new RecordingTrust(), null, false, Clock.systemUTC());

        assertThatThrownBy(() -> verifier.verify(directory.resolve("missing.xml"))).isInstanceOf(NoSuchFileException.class);
    }
}
