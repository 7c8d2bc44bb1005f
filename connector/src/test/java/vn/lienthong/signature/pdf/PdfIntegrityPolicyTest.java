package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import vn.lienthong.signature.Verdict;

class PdfIntegrityPolicyTest {

    private static Properties properties(String allows, String trailing) {
        Properties properties = new Properties();
        properties.setProperty(PdfIntegrityPolicy.APPROVAL_ALLOWS, allows);
        properties.setProperty(PdfIntegrityPolicy.TRAILING_BYTES, trailing);
        return properties;
    }

    @Test
    void by_default_approval_signatures_allow_neither_form_fill_nor_annotations_and_trailing_bytes_are_indeterminate() {
        assertThat(PdfIntegrityPolicy.from(new Properties())).isEqualTo(PdfIntegrityPolicy.DEFAULTS);
        assertThat(PdfIntegrityPolicy.DEFAULTS.trailingBytes()).isEqualTo(Verdict.INDETERMINATE);
    }

    @Test
    void configuration_names_what_approval_signatures_allow_and_the_verdict_of_trailing_bytes() {
        PdfIntegrityPolicy policy = PdfIntegrityPolicy.from(properties(" form-fill , annotations", "invalid"));
        assertThat(policy).isEqualTo(new PdfIntegrityPolicy(true, true, Verdict.INVALID));
    }

    @Test
    void an_unknown_allowance_or_verdict_is_a_configuration_error() {
        assertThatThrownBy(() -> PdfIntegrityPolicy.from(properties("everything", "indeterminate")))
                .hasMessageContaining("takes form-fill and annotations");
        assertThatThrownBy(() -> PdfIntegrityPolicy.from(properties("", "maybe")))
                .hasMessageContaining("must be valid, indeterminate or invalid");
    }
}
