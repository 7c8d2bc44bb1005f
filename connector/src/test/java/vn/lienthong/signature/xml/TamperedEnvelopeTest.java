package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;

class TamperedEnvelopeTest {

    @TempDir
    Path directory;

    @Test
    void a_changed_subject_in_the_header_is_a_digest_mismatch() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);

        SignatureCheck check = VerifierHarness.in(directory).check(
                signed.replace("triển khai liên thông", "hủy bỏ liên thông"));

        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.DIGEST_MISMATCH);
    }

    @Test
    void a_changed_attachment_is_a_digest_mismatch() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.prefixed(), directory);

        SignatureCheck check = VerifierHarness.in(directory).check(signed.replace("REVG\nR0g=", "REVG\nR0k="));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.DIGEST_MISMATCH);
    }

    @Test
    void an_attachment_added_after_signing_is_a_digest_mismatch() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);

        SignatureCheck check = VerifierHarness.in(directory).check(signed.replace("</AttachmentEncoded>",
                "<Attachment><ContentId>x</ContentId><ContentTransferEncoded>QUJD</ContentTransferEncoded></Attachment>"
                        + "</AttachmentEncoded>"));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.DIGEST_MISMATCH);
    }

    @Test
    void a_changed_signature_value_does_not_verify() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);
        int value = signed.indexOf("<SignatureValue>") + "<SignatureValue>".length();
        char flipped = signed.charAt(value) == 'A' ? 'B' : 'A';

        SignatureCheck check = VerifierHarness.in(directory).check(
                signed.substring(0, value) + flipped + signed.substring(value + 1));

        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.SIGNATURE_VALUE_INVALID);
    }

    @Test
    void a_digest_value_changed_to_match_a_changed_document_breaks_the_signature_value() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);
        String forged = SignedTexts.ours(EnvelopeTexts.plain().replace("triển khai", "hủy bỏ"), directory);

        SignatureCheck check = VerifierHarness.in(directory).check(
                forged.replace(between(forged, "<SignatureValue>", "</SignatureValue>"),
                        between(signed, "<SignatureValue>", "</SignatureValue>")));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.SIGNATURE_VALUE_INVALID);
    }

    @Test
    void a_signature_whose_keyinfo_carries_someone_elses_certificate_does_not_verify() throws Exception {
        DomSigner signer = new DomSigner(TestCredentials.RSA_SIGNER.privateKey(), TestCredentials.STRANGER.chain());
        RecordingTrust trust = new RecordingTrust();

        SignatureCheck check = new VerifierHarness(directory, trust, null, false).check(signer.sign(EnvelopeTexts.plain()));

        assertThat(VerifierHarness.problems(check)).containsExactly(SignatureProblem.SIGNATURE_VALUE_INVALID);
        assertThat(check.signer()).isNull();
        assertThat(trust.calls).as("no certificate to judge").isZero();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
