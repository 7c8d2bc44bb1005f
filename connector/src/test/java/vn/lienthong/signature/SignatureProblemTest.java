package vn.lienthong.signature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.lienthong.findings.Bilingual;

class SignatureProblemTest {

    @Test
    void a_bilingual_argument_goes_into_each_sentence_in_that_sentence_s_language() {
        Reason reason = SignatureProblem.SIGNATURE_MALFORMED.reason(
                new Bilingual("không phân tích được gói tin thành XML", "the envelope cannot be parsed as XML"));

        assertThat(reason.vietnamese()).isEqualTo("Chữ ký không đúng cấu trúc: không phân tích được gói tin thành XML");
        assertThat(reason.english()).isEqualTo("The signature is malformed: the envelope cannot be parsed as XML");
    }

    @Test
    void a_language_neutral_argument_is_the_same_in_both_sentences() {
        String uri = "http://www.w3.org/2000/09/xmldsig#hmac-sha1";

        Reason reason = SignatureProblem.ALGORITHM_NOT_ALLOWED.reason(uri);

        assertThat(reason.vietnamese()).isEqualTo("Thuật toán không được chấp nhận: " + uri);
        assertThat(reason.english()).isEqualTo("The algorithm is not accepted: " + uri);
    }

    @Test
    void neutral_and_bilingual_arguments_keep_their_places_in_both_sentences() {
        Reason reason = SignatureProblem.CERTIFICATE_REVOKED.reason("2026-01-02T03:04:05Z",
                new Bilingual("keyCompromise, đối với chứng thư của CA cấp phát 'CN=CA'", "keyCompromise of the issuing CA 'CN=CA'"));

        assertThat(reason.vietnamese()).isEqualTo(
                "Chứng thư đã bị thu hồi (2026-01-02T03:04:05Z, lý do: keyCompromise, đối với chứng thư của CA cấp phát 'CN=CA').");
        assertThat(reason.english()).isEqualTo(
                "The certificate was revoked (2026-01-02T03:04:05Z, reason: keyCompromise of the issuing CA 'CN=CA').");
    }

    @Test
    void every_vietnamese_template_is_vietnamese_around_its_arguments() {
        for (SignatureProblem problem : SignatureProblem.values()) {
            VietnameseSentences.assertVietnamese(problem.reason("x", "x"));
        }
    }

    @Test
    void the_check_for_english_words_leaves_identifiers_uris_and_quoted_names_alone_but_not_english_phrases() {
        assertThat(VietnameseSentences.englishWordsIn(
                "ds:Reference không có thuộc tính URI; 'CN=The Signed Root, O=Test' http://ca.example/not-a.crl SHA256withRSA"))
                .isEmpty();
        assertThat(VietnameseSentences.englishWordsIn("Chữ ký không đúng cấu trúc: the envelope cannot be parsed as XML"))
                .containsExactly("the", "envelope", "cannot", "be", "parsed");
    }
}
