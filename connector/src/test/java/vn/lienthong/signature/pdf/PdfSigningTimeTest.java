package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.Verdict;
import vn.lienthong.signature.pki.RevocationSettings;
import vn.lienthong.signature.pki.SharedTestPki;

class PdfSigningTimeTest {

    @TempDir
    Path directory;

    private final TestPki pki = SharedTestPki.pki();
    private final PdfSignatureVerifier verifier =
            new PdfSignatureVerifier(SharedTestPki.validator(RevocationSettings.off()), Clock.systemUTC());

    /** A TSA that was in service while the expired certificate was still valid. */
    private TestCms.Tsa tsaAt(Instant genTime) throws Exception {
        Instant generated = pki.generatedAt();
        return new TestCms.Tsa(TestCertificates.tsa(pki.intermediate(), generated.minus(Duration.ofDays(900)),
                generated.plus(Duration.ofDays(365))), genTime);
    }

    private Path letter() throws Exception {
        return TestPdfs.letter(directory.resolve("letter.pdf"));
    }

    @Test
    void a_time_stamped_signature_takes_its_signing_time_from_the_time_stamp() throws Exception {
        Instant genTime = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        Path signed = TestPdfSigner.with(pki.signer()).at(Instant.now()).timestampedBy(tsaAt(genTime))
                .sign(letter(), directory.resolve("signed.pdf"));

        SignatureCheck check = verifier.verify(signed, "letter.pdf").get(0);

        assertThat(check.reasons()).isEmpty();
        assertThat(check.timestamped()).isTrue();
        assertThat(check.signingTime()).isEqualTo(genTime);
    }

    @Test
    void a_certificate_expired_today_is_valid_when_a_time_stamp_proves_it_signed_while_valid() throws Exception {
        Instant whileValid = pki.expired().certificate().getNotAfter().toInstant().minus(Duration.ofDays(60))
                .truncatedTo(ChronoUnit.SECONDS);
        Path signed = TestPdfSigner.with(pki.expired()).at(whileValid).timestampedBy(tsaAt(whileValid))
                .sign(letter(), directory.resolve("signed.pdf"));

        SignatureCheck check = verifier.verify(signed, "letter.pdf").get(0);

        assertThat(check.reasons()).isEmpty();
        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(check.timestamped()).isTrue();
        assertThat(check.signingTime()).isEqualTo(whileValid);
    }

    @Test
    void a_certificate_that_had_expired_when_it_signed_is_invalid() throws Exception {
        Path signed = TestPdfSigner.with(pki.expired()).at(Instant.now()).sign(letter(), directory.resolve("signed.pdf"));

        SignatureCheck check = verifier.verify(signed, "letter.pdf").get(0);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.CERTIFICATE_EXPIRED);
        assertThat(check.timestamped()).isFalse();
    }

    @Test
    void a_document_time_stamp_added_after_the_signature_is_judged_as_the_authoritys_signature() throws Exception {
        Instant genTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path signed = TestPdfSigner.with(pki.signer()).sign(letter(), directory.resolve("signed.pdf"));
        Path archived = TestPdfSigner.documentTimestamp(tsaAt(genTime)).sign(signed, directory.resolve("archived.pdf"));

        java.util.List<SignatureCheck> checks = verifier.verify(archived, "letter.pdf");

        assertThat(checks).hasSize(2).allSatisfy(check -> assertThat(check.reasons()).isEmpty());
        SignatureCheck stamp = checks.get(1);
        assertThat(stamp.timestamped()).isTrue();
        assertThat(stamp.signingTime()).isEqualTo(genTime);
        assertThat(stamp.signer().subject()).contains("Dich vu dau thoi gian cu");
    }

    @Test
    void a_time_stamp_over_another_signature_is_not_believed() throws Exception {
        Instant genTime = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        TestCms.Tsa tsa = tsaAt(genTime);
        Path signed = TestPdfSigner.with(pki.signer()).timestampedBy(tsa).sign(letter(), directory.resolve("signed.pdf"));
        Path other = TestPdfSigner.with(pki.signer()).timestampedBy(tsa).sign(letter(), directory.resolve("other.pdf"));
        PdfEdits.swapTimestamp(signed, other);

        SignatureCheck check = verifier.verify(signed, "letter.pdf").get(0);

        assertThat(check.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.TIMESTAMP_INVALID);
        assertThat(check.reasons().get(0).english()).contains("another signature value");
        assertThat(check.timestamped()).isFalse();
    }
}
