package vn.lienthong.signature.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.fixtures.pki.TestPki.Credential;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;
import vn.lienthong.signature.pki.CertificateValidator.CertificateAssessment;

class CertificatePathTest {

    private final TestPki pki = SharedTestPki.pki();
    private final CertificateValidator validator = SharedTestPki.validator(RevocationSettings.off());

    private CertificateAssessment assessNow(Credential credential) {
        return validator.assess(credential.certificate(), credential.chain(), pki.generatedAt());
    }

    @Test
    void a_signer_under_the_trusted_root_has_a_path_from_its_certificate_to_the_anchor() {
        CertificateAssessment assessment = assessNow(pki.signer());

        assertThat(assessment.reasons()).isEmpty();
        assertThat(assessment.verdict()).isEqualTo(Verdict.VALID);
        assertThat(assessment.path()).containsExactly(
                pki.signer().certificate(), pki.intermediate().certificate(), pki.root().certificate());
    }

    @Test
    void an_ecdsa_signer_is_trusted_like_an_rsa_one() {
        assertThat(assessNow(pki.ecdsaSigner()).reasons()).isEmpty();
    }

    @Test
    void a_signer_under_a_root_nobody_configured_is_untrusted() {
        CertificateAssessment assessment = assessNow(pki.untrustedSigner());

        assertThat(assessment.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.CHAIN_UNTRUSTED);
        assertThat(assessment.verdict()).isEqualTo(Verdict.INDETERMINATE);
        assertThat(assessment.path()).isEmpty();
    }

    @Test
    void a_signer_whose_intermediate_is_not_carried_is_untrusted() {
        Credential signer = pki.signer();

        CertificateAssessment assessment = validator.assess(signer.certificate(), java.util.List.of(), pki.generatedAt());

        assertThat(assessment.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.CHAIN_UNTRUSTED);
    }

    @Test
    void a_self_signed_signer_is_reported_as_self_signed() {
        CertificateAssessment assessment = assessNow(pki.selfSigned());

        assertThat(assessment.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.CERTIFICATE_SELF_SIGNED);
    }

    @Test
    void a_certificate_expired_at_signing_time_is_invalid_and_the_reason_gives_both_dates() {
        Credential expired = pki.expired();

        CertificateAssessment assessment = assessNow(expired);

        assertThat(assessment.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.CERTIFICATE_EXPIRED);
        assertThat(assessment.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(assessment.reasons().get(0).english())
                .contains(UtcDates.format(expired.certificate().getNotAfter().toInstant()))
                .contains(UtcDates.format(pki.generatedAt()))
                .matches(".*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC.*");
    }

    @Test
    void a_certificate_that_has_expired_since_is_trusted_for_a_signature_made_while_it_was_valid() {
        Credential expired = pki.expired();
        Instant whileValid = expired.certificate().getNotAfter().toInstant().minus(Duration.ofDays(30));

        CertificateAssessment assessment = validator.assess(expired.certificate(), expired.chain(), whileValid);

        assertThat(assessment.reasons()).isEmpty();
        assertThat(assessment.path()).hasSize(3);
    }

    @Test
    void a_certificate_not_yet_valid_at_signing_time_is_invalid() {
        assertThat(assessNow(pki.notYetValid()).reasons()).extracting(Reason::problem)
                .containsExactly(SignatureProblem.CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void a_certificate_whose_key_usage_does_not_allow_signing_is_refused() {
        CertificateAssessment assessment = assessNow(pki.wrongKeyUsage());

        assertThat(assessment.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.KEY_USAGE_NOT_ALLOWED);
        assertThat(assessment.verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void without_any_trust_anchor_nothing_is_trusted_and_the_reason_says_no_anchor_is_installed() {
        CertificateValidator noAnchors = new CertificateValidator(TrustAnchors.of(java.util.List.of()),
                RevocationSettings.off(), SharedTestPki.http(), java.time.Clock.systemUTC());

        assertThat(noAnchors.assess(pki.signer().certificate(), pki.signer().chain(), pki.generatedAt()).reasons())
                .extracting(Reason::problem).containsExactly(SignatureProblem.NO_TRUST_ANCHOR);
    }
}
