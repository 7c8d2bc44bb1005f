package vn.lienthong.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.lienthong.config.ConnectorProperties;

class SignaturePolicyTest {

    private static SignatureCheck check(Verdict verdict, SignatureProblem... problems) {
        List<Reason> reasons = java.util.Arrays.stream(problems).map(problem -> problem.reason("x", "y")).toList();
        return new SignatureCheck(SignatureCheck.Kind.PDF, "vb.pdf — Signature1", verdict, reasons, null, null, false, "SHA256withRSA");
    }

    @Test
    void the_documented_defaults_accept_valid_quarantine_indeterminate_and_refuse_invalid() throws IOException {
        SignaturePolicy policy = SignaturePolicy.fromProperties(ConnectorProperties.load(null));
        assertThat(policy.decide(new DocumentSignatures(List.of(check(Verdict.VALID))))).isEqualTo(SignaturePolicy.Action.ACCEPT);
        assertThat(policy.decide(new DocumentSignatures(List.of(check(Verdict.VALID), check(Verdict.INDETERMINATE)))))
                .isEqualTo(SignaturePolicy.Action.QUARANTINE);
        assertThat(policy.decide(new DocumentSignatures(List.of(check(Verdict.INDETERMINATE), check(Verdict.INVALID)))))
                .isEqualTo(SignaturePolicy.Action.REFUSE);
        assertThat(policy.decide(new DocumentSignatures(List.of()))).isEqualTo(SignaturePolicy.Action.ACCEPT_WITH_WARNING);
    }

    @Test
    void a_document_is_as_good_as_its_worst_signature() {
        assertThat(new DocumentSignatures(List.of(check(Verdict.VALID), check(Verdict.INVALID), check(Verdict.INDETERMINATE)))
                .verdict()).isEqualTo(Verdict.INVALID);
        assertThat(new DocumentSignatures(List.of()).verdict()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    void a_reason_s_verdict_comes_from_its_problem_and_a_legacy_note_does_not_lower_it() {
        assertThat(SignatureCheck.verdictOf(List.of(SignatureProblem.ALGORITHM_LEGACY.reason("rsa-sha1")))).isEqualTo(Verdict.VALID);
        assertThat(SignatureCheck.verdictOf(List.of(SignatureProblem.ALGORITHM_LEGACY.reason("rsa-sha1"),
                SignatureProblem.REVOCATION_UNKNOWN.reason("down")))).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    void an_unknown_action_is_a_configuration_error() throws IOException {
        Properties properties = ConnectorProperties.load(null);
        properties.setProperty("lienthong.signature.policy.invalid", "ignore");
        assertThatThrownBy(() -> SignaturePolicy.fromProperties(properties))
                .hasMessageContaining("lienthong.signature.policy.invalid must be accept, accept-with-warning, quarantine or refuse");
    }

    @Test
    void every_problem_renders_in_both_languages() {
        for (SignatureProblem problem : SignatureProblem.values()) {
            Reason reason = problem.reason("a", "b");
            assertThat(reason.vietnamese()).isNotBlank().doesNotContain("%s").isNotEqualTo(reason.english());
            assertThat(reason.english()).isNotBlank().doesNotContain("%s");
        }
    }
}
