package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.signature.SignatureProblem.CERTIFICATE_MISSING;
import static vn.lienthong.signature.SignatureProblem.DIGEST_MISMATCH;
import static vn.lienthong.signature.SignatureProblem.REFERENCE_NOT_WHOLE_DOCUMENT;
import static vn.lienthong.signature.SignatureProblem.SIGNATURE_MALFORMED;
import static vn.lienthong.signature.SignatureProblem.SIGNATURE_MISPLACED;
import static vn.lienthong.signature.SignatureProblem.TRANSFORM_NOT_ALLOWED;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.VietnameseSentences;

/**
 * Each way an envelope signature can be wrong is told in Vietnamese in the reason's Vietnamese sentence: the details
 * the verifier adds (what is missing, where, what the parser said) are phrases in both languages, not English.
 */
class EnvelopeReasonsInVietnameseTest {

    @TempDir
    Path directory;

    /** Edits of an envelope we signed, each breaking one rule; the text is that of {@code SignatureXml}. */
    static Stream<Arguments> brokenSignatures() {
        Edits edits = new Edits();
        edits.put("not well-formed", SIGNATURE_MALFORMED, signed -> signed.replace("</edXMLBody>", "</edXMLBodyy>"));
        edits.put("a DOCTYPE", SIGNATURE_MALFORMED, signed -> signed.replace("<edXML ", "<!DOCTYPE edXML [<!ENTITY big \"lol\">]>\n<edXML "));
        edits.put("too many characters in the signature", SIGNATURE_MALFORMED, signed -> signed.replace("</KeyInfo>",
                "</KeyInfo><Object>" + "A".repeat(SubtreeCopy.MAX_CHARACTERS + 1) + "</Object>"));
        edits.put("too many parts in the signature", SIGNATURE_MALFORMED, signed -> signed.replace("</KeyInfo>",
                "</KeyInfo><Object>" + "<a/>".repeat(SubtreeCopy.MAX_EVENTS) + "</Object>"));
        edits.put("no SignedInfo", SIGNATURE_MALFORMED, signed -> signed.substring(0, signed.indexOf("<SignedInfo>"))
                + signed.substring(signed.indexOf("</SignedInfo>") + "</SignedInfo>".length()));
        edits.put("no CanonicalizationMethod", SIGNATURE_MALFORMED, signed -> signed.replaceFirst("<CanonicalizationMethod [^>]*/>", ""));
        edits.put("two references", REFERENCE_NOT_WHOLE_DOCUMENT, signed -> signed.replaceFirst("(<Reference URI=\"\">.*?</Reference>)", "$1$1"));
        edits.put("a reference without URI", REFERENCE_NOT_WHOLE_DOCUMENT, signed -> signed.replace("<Reference URI=\"\">", "<Reference>"));
        edits.put("no DigestValue", SIGNATURE_MALFORMED, signed -> signed.replaceFirst("<DigestValue>[^<]*</DigestValue>", ""));
        edits.put("a DigestValue not in base64", SIGNATURE_MALFORMED, signed -> signed.replace("<DigestValue>", "<DigestValue>#%"));
        edits.put("no enveloped transform", REFERENCE_NOT_WHOLE_DOCUMENT, signed -> signed.replace("<Transform Algorithm=\"" + XmlDsig.ENVELOPED + "\"/>", ""));
        edits.put("two canonicalizations", TRANSFORM_NOT_ALLOWED, signed -> signed.replace("</Transforms>",
                "<Transform Algorithm=\"" + XmlDsig.C14N + "\"/></Transforms>"));
        edits.put("an element after the signature", SIGNATURE_MISPLACED, signed -> signed.replace("</Signature></edXMLHeader>",
                "</Signature><TraceHeaderList/></edXMLHeader>"));
        edits.put("a certificate that does not decode", SIGNATURE_MALFORMED, signed -> signed.replace("<X509Certificate>", "<X509Certificate>QUJD"));
        edits.put("SignatureValue before SignedInfo, which Santuario cannot read", SIGNATURE_MALFORMED, signed -> {
            String value = signed.substring(signed.indexOf("<SignatureValue>"), signed.indexOf("</SignatureValue>") + 17);
            return signed.replace(value, "").replace("<SignedInfo>", value + "<SignedInfo>");
        });
        edits.put("no KeyInfo", CERTIFICATE_MISSING, signed -> signed.replaceFirst("<KeyInfo>.*</KeyInfo>", ""));
        edits.put("a changed document", DIGEST_MISMATCH, signed -> signed.replace("triển khai", "hủy bỏ"));
        return edits.arguments.stream();
    }

    /** Each edit with the problem it must give, so that the sentence looked at is the one meant. */
    private static final class Edits {
        final List<Arguments> arguments = new ArrayList<>();

        void put(String broken, SignatureProblem expected, UnaryOperator<String> edit) {
            arguments.add(Arguments.of(broken, expected, edit));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSignatures")
    void every_reason_about_a_broken_envelope_signature_is_told_in_vietnamese(String broken, SignatureProblem expected,
            UnaryOperator<String> edit) throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);

        SignatureCheck check = VerifierHarness.in(directory).check(edit.apply(signed));

        assertThat(VerifierHarness.problems(check)).contains(expected);
        VietnameseSentences.assertVietnamese(check.reasons());
    }

    @Test
    void a_parse_error_gives_the_line_and_column_in_vietnamese_and_the_parser_s_words_only_in_english() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);

        SignatureCheck check = VerifierHarness.in(directory).check(signed.replace("</edXMLBody>", "</edXMLBodyy>"));

        Reason reason = check.reasons().get(0);
        assertThat(reason.problem()).isEqualTo(SignatureProblem.SIGNATURE_MALFORMED);
        assertThat(reason.vietnamese()).startsWith("Chữ ký không đúng cấu trúc: không phân tích được gói tin thành XML (dòng 13, cột")
                .doesNotContain("</edXMLBodyy>");
        assertThat(reason.english()).contains("the envelope cannot be parsed as XML (line 13, column").contains("</edXMLBodyy>");
    }

    @Test
    void a_signer_named_but_not_in_the_directory_is_told_in_vietnamese_with_the_name_it_was_sought_by() throws Exception {
        Path empty = Files.createDirectory(directory.resolve("empty"));
        DomSigner signer = DomSigner.with(TestCredentials.RSA_SIGNER);
        signer.keyInfo = DomSigner.KeyInfoForm.SUBJECT_NAME;

        SignatureCheck check = new VerifierHarness(directory, new RecordingTrust(), empty, false)
                .check(signer.sign(EnvelopeTexts.plain()));

        VietnameseSentences.assertVietnamese(check.reasons());
        assertThat(check.reasons().get(0).vietnamese()).contains("Văn phòng Chính phủ")
                .contains("không có trong thư mục chứng thư người ký");
    }

    @Test
    void transforms_in_the_wrong_order_are_joined_by_a_vietnamese_word() throws Exception {
        String signed = SignedTexts.ours(EnvelopeTexts.plain(), directory);

        SignatureCheck check = VerifierHarness.in(directory).check(signed.replace("</Transforms>",
                "<Transform Algorithm=\"" + XmlDsig.C14N + "\"/></Transforms>"));

        assertThat(check.reasons().get(0).vietnamese()).contains(XmlDsig.ENVELOPED + " rồi " + XmlDsig.C14N);
        assertThat(check.reasons().get(0).english()).contains(XmlDsig.ENVELOPED + " then " + XmlDsig.C14N);
    }
}
