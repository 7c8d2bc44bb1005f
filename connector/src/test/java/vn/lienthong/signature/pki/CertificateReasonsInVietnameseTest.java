package vn.lienthong.signature.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.lienthong.findings.Bilingual;
import vn.lienthong.fixtures.pki.RevocationServer;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.fixtures.pki.TestPki.Credential;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.VietnameseSentences;
import vn.lienthong.signature.pki.RevocationSettings.Failure;
import vn.lienthong.signature.pki.RevocationSettings.Mode;

/** Every reason about a certificate is told in Vietnamese in its Vietnamese sentence, whatever detail it carries. */
class CertificateReasonsInVietnameseTest {

    private final TestPki pki = SharedTestPki.pki();
    private final RevocationServer server = SharedTestPki.revocationServer();

    @AfterEach
    void serverIsBackUp() {
        server.setAvailable(true);
    }

    private List<Reason> reasons(CertificateValidator validator, Credential credential) {
        return validator.assess(credential.certificate(), credential.chain(), pki.generatedAt()).reasons();
    }

    private List<Reason> withoutRevocation(Credential credential) {
        return reasons(SharedTestPki.validator(RevocationSettings.off()), credential);
    }

    private RevocationSettings offline(Credential... issuers) {
        return RevocationSettings.offline(Failure.HARD, java.util.Arrays.stream(issuers).map(pki::crlFile).toList());
    }

    @Test
    void a_self_signed_certificate_is_said_to_sign_itself_in_vietnamese() {
        List<Reason> reasons = withoutRevocation(pki.selfSigned());

        VietnameseSentences.assertVietnamese(reasons);
        assertThat(reasons.get(0).vietnamese()).contains("tự ký chứng thư của chính mình");
        assertThat(reasons.get(0).english()).contains("signed its own certificate");
    }

    @Test
    void a_certificate_under_an_unknown_root_is_said_to_have_no_trusted_root_in_vietnamese() {
        List<Reason> reasons = withoutRevocation(pki.untrustedSigner());

        VietnameseSentences.assertVietnamese(reasons);
        assertThat(reasons.get(0).vietnamese()).contains("không có CA gốc tin cậy nào bảo đảm cho");
    }

    @Test
    void a_key_usage_that_does_not_allow_signing_is_told_in_vietnamese() {
        List<Reason> reasons = withoutRevocation(pki.wrongKeyUsage());

        VietnameseSentences.assertVietnamese(reasons);
        assertThat(reasons.get(0).vietnamese()).contains("không cho phép cả digitalSignature lẫn nonRepudiation");
    }

    @Test
    void expiry_dates_and_a_missing_trust_anchor_are_told_in_vietnamese() {
        VietnameseSentences.assertVietnamese(withoutRevocation(pki.expired()));
        VietnameseSentences.assertVietnamese(withoutRevocation(pki.notYetValid()));
        CertificateValidator noAnchors = new CertificateValidator(TrustAnchors.of(List.of()),
                RevocationSettings.off(), SharedTestPki.http(), java.time.Clock.systemUTC());
        VietnameseSentences.assertVietnamese(reasons(noAnchors, pki.signer()));
    }

    @Test
    void a_revoked_certificate_is_told_in_vietnamese_with_its_crl_reason() {
        List<Reason> reasons = reasons(SharedTestPki.validator(offline(pki.root(), pki.intermediate())), pki.revoked());

        VietnameseSentences.assertVietnamese(reasons);
        assertThat(reasons.get(0).vietnamese()).contains("lý do: keyCompromise");
    }

    @Test
    void without_the_signer_s_crl_file_the_unknown_status_is_told_in_vietnamese() {
        List<Reason> reasons = reasons(SharedTestPki.validator(offline(pki.root())), pki.signer());

        VietnameseSentences.assertVietnamese(reasons);
        assertThat(reasons.get(0).vietnamese()).contains("không có tệp CRL đã cấu hình nào do");
        assertThat(reasons.get(0).english()).contains("no configured CRL file is signed by");
    }

    @Test
    void an_unknown_status_of_the_issuing_ca_says_in_vietnamese_whose_certificate_it_is() {
        List<Reason> reasons = reasons(SharedTestPki.validator(offline(pki.intermediate())), pki.signer());

        VietnameseSentences.assertVietnamese(reasons);
        assertThat(reasons.get(0).vietnamese()).contains(", đối với chứng thư của CA cấp phát '"
                + pki.intermediate().certificate().getSubjectX500Principal().getName() + "'");
        assertThat(reasons.get(0).english()).contains(" of the issuing CA '");
    }

    @Test
    void an_unreachable_ocsp_responder_and_crl_are_told_in_vietnamese_and_the_http_error_only_in_english() {
        server.setAvailable(false);

        List<Reason> reasons = reasons(SharedTestPki.validator(
                new RevocationSettings(Mode.ONLINE, Failure.HARD, List.of(), Duration.ofMinutes(10), Duration.ofSeconds(3), true)),
                pki.signer());

        VietnameseSentences.assertVietnamese(reasons);
        assertThat(reasons.get(0).vietnamese()).contains("không dùng được máy chủ OCSP").contains("không dùng được CRL tại")
                .doesNotContain("HTTP 503"); // not a bare "503": the responder's random port may hold those digits
        assertThat(reasons.get(0).english()).contains("could not be used").contains("HTTP 503");
    }

    @Test
    void a_crl_out_of_date_or_dated_in_the_future_is_told_in_vietnamese() throws Exception {
        X509CRL crl;
        try (InputStream in = Files.newInputStream(pki.crlFile(pki.intermediate()))) {
            crl = CrlReading.parse(in).get(0);
        }
        Bilingual source = new Bilingual("CRL tại http://ca.example/intermediate.crl", "the CRL at http://ca.example/intermediate.crl");
        Instant longAfter = crl.getThisUpdate().toInstant().plus(Duration.ofDays(3650));
        Instant longBefore = crl.getThisUpdate().toInstant().minus(Duration.ofDays(1));

        for (Instant now : List.of(longAfter, longBefore)) {
            RevocationStatus status = CrlReading.statusIn(crl, pki.signer().certificate(), now, source);

            assertThat(status.known()).isFalse();
            VietnameseSentences.assertVietnamese(SignatureProblem.REVOCATION_UNKNOWN.reason(status.detail()));
        }
    }
}
