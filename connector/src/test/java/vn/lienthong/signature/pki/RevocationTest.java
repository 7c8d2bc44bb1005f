package vn.lienthong.signature.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.lienthong.fixtures.pki.RevocationServer;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.fixtures.pki.TestPki.Credential;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.pki.CertificateValidator.CertificateAssessment;
import vn.lienthong.signature.pki.RevocationSettings.Failure;
import vn.lienthong.signature.pki.RevocationSettings.Mode;

class RevocationTest {

    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final TestPki pki = SharedTestPki.pki();
    private final RevocationServer server = SharedTestPki.revocationServer();

    @AfterEach
    void serverIsBackUp() {
        server.setAvailable(true);
    }

    private static RevocationSettings online(Failure failure, boolean preferOcsp) {
        return new RevocationSettings(Mode.ONLINE, failure, List.of(), TTL, TIMEOUT, preferOcsp);
    }

    private CertificateAssessment assess(CertificateValidator validator, Credential credential) {
        return validator.assess(credential.certificate(), credential.chain(), pki.generatedAt());
    }

    @Test
    void a_revoked_certificate_is_caught_by_the_crl_fetched_from_its_distribution_point() {
        int ocspBefore = server.ocspRequests();
        int crlBefore = server.crlRequests();

        CertificateAssessment assessment = assess(SharedTestPki.validator(online(Failure.HARD, false)), pki.revoked());

        assertThat(assessment.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.CERTIFICATE_REVOKED);
        assertThat(assessment.reasons().get(0).english())
                .contains(UtcDates.format(pki.revocationTime()))
                .contains("keyCompromise");
        assertThat(server.crlRequests()).isGreaterThan(crlBefore);
        assertThat(server.ocspRequests()).isEqualTo(ocspBefore);
    }

    @Test
    void a_revoked_certificate_is_caught_by_the_ocsp_responder() {
        int ocspBefore = server.ocspRequests();
        int crlBefore = server.crlRequests();

        CertificateAssessment assessment = assess(SharedTestPki.validator(online(Failure.HARD, true)), pki.revoked());

        assertThat(assessment.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.CERTIFICATE_REVOKED);
        assertThat(server.ocspRequests()).isGreaterThan(ocspBefore);
        assertThat(server.crlRequests()).isEqualTo(crlBefore);
    }

    @Test
    void a_revoked_certificate_is_caught_by_an_offline_crl_file() {
        int requestsBefore = server.crlRequests() + server.ocspRequests();
        RevocationSettings offline = RevocationSettings.offline(Failure.HARD,
                List.of(pki.crlFile(pki.root()), pki.crlFile(pki.intermediate())));

        CertificateAssessment assessment = assess(SharedTestPki.validator(offline), pki.revoked());

        assertThat(assessment.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.CERTIFICATE_REVOKED);
        assertThat(server.crlRequests() + server.ocspRequests()).isEqualTo(requestsBefore);
    }

    @Test
    void a_good_certificate_passes_the_offline_crl_files() {
        RevocationSettings offline = RevocationSettings.offline(Failure.HARD,
                List.of(pki.crlFile(pki.root()), pki.crlFile(pki.intermediate())));

        assertThat(assess(SharedTestPki.validator(offline), pki.signer()).reasons()).isEmpty();
    }

    @Test
    void offline_without_the_issuers_crl_file_the_status_is_unknown_under_hard_failure() {
        RevocationSettings offline = RevocationSettings.offline(Failure.HARD, List.of(pki.crlFile(pki.root())));

        assertThat(assess(SharedTestPki.validator(offline), pki.signer()).reasons()).extracting(Reason::problem)
                .containsExactly(SignatureProblem.REVOCATION_UNKNOWN);
    }

    @Test
    void a_signature_made_before_the_revocation_stands() {
        Credential revoked = pki.revoked();
        Instant beforeRevocation = pki.revocationTime().minus(Duration.ofHours(1));

        CertificateAssessment assessment = SharedTestPki.validator(online(Failure.HARD, true))
                .assess(revoked.certificate(), revoked.chain(), beforeRevocation);

        assertThat(assessment.reasons()).isEmpty();
    }

    @Test
    void a_good_certificate_is_valid_when_ocsp_and_crl_say_so() {
        assertThat(assess(SharedTestPki.strictValidator(), pki.signer()).reasons()).isEmpty();
    }

    @Test
    void an_unreachable_revocation_server_is_tolerated_under_soft_failure() {
        server.setAvailable(false);

        CertificateAssessment assessment = assess(SharedTestPki.validator(online(Failure.SOFT, true)), pki.signer());

        assertThat(assessment.reasons()).isEmpty();
    }

    @Test
    void an_unreachable_revocation_server_makes_the_status_unknown_under_hard_failure() {
        server.setAvailable(false);

        CertificateAssessment assessment = assess(SharedTestPki.validator(online(Failure.HARD, true)), pki.signer());

        assertThat(assessment.reasons()).extracting(Reason::problem).contains(SignatureProblem.REVOCATION_UNKNOWN);
        assertThat(assessment.reasons().get(0).english()).contains("503");
    }

    @Test
    void a_second_check_of_the_same_certificate_asks_the_ocsp_responder_nothing_new() {
        CertificateValidator validator = SharedTestPki.validator(online(Failure.HARD, true));
        assess(validator, pki.signer());
        int ocspAfterFirst = server.ocspRequests();
        int crlAfterFirst = server.crlRequests();

        CertificateAssessment second = assess(validator, pki.signer());

        assertThat(second.reasons()).isEmpty();
        assertThat(server.ocspRequests()).isEqualTo(ocspAfterFirst);
        assertThat(server.crlRequests()).isEqualTo(crlAfterFirst);
    }

    @Test
    void a_second_check_reuses_the_crl_fetched_by_the_first() {
        CertificateValidator validator = SharedTestPki.validator(online(Failure.HARD, false));
        assess(validator, pki.signer());
        int crlAfterFirst = server.crlRequests();

        assess(validator, pki.seal());

        assertThat(server.crlRequests()).isEqualTo(crlAfterFirst);
    }

    @Test
    void with_revocation_off_nothing_is_asked_and_a_revoked_certificate_passes() {
        int requestsBefore = server.crlRequests() + server.ocspRequests();

        CertificateAssessment assessment = assess(SharedTestPki.validator(RevocationSettings.off()), pki.revoked());

        assertThat(assessment.reasons()).isEmpty();
        assertThat(server.crlRequests() + server.ocspRequests()).isEqualTo(requestsBefore);
    }
}
