package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lienthong.fixtures.pki.AttackCorpus;
import vn.lienthong.fixtures.pki.SignedSamples;
import vn.lienthong.fixtures.pki.TestPki;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.Verdict;

/**
 * The shared test PKI's signed samples and attack corpus, as far as they concern the envelope's XML-DSig itself.
 * Certificate verdicts (untrusted, revoked, expired...) are the certificate validator's and PDF verdicts the PDF
 * verifier's: here every signer is trusted, and those cases are left to the tests that plug the others in.
 */
class FixtureCorpusTest {

    /** The reasons this verifier gives on its own ("" for a clean VALID). */
    private static final Set<String> XML_SIGNATURE_REASONS = Set.of("", "SIGNATURE_MISSING", "SIGNATURE_MISPLACED",
            "SIGNATURE_DUPLICATED", "REFERENCE_NOT_WHOLE_DOCUMENT", "TRANSFORM_NOT_ALLOWED", "DIGEST_MISMATCH",
            "SIGNATURE_VALUE_INVALID", "ALGORITHM_NOT_ALLOWED", "ALGORITHM_LEGACY", "SIGNATURE_MALFORMED",
            "CERTIFICATE_MISSING");

    @TempDir
    static Path directory;

    private static TestPki pki;

    static Stream<Arguments> envelopeCases() throws Exception {
        pki = TestPki.generate(directory.resolve("pki"), URI.create("http://127.0.0.1:9/revocation/"));
        List<AttackCorpus.AttackCase> cases = AttackCorpus.write(pki, Files.createDirectories(directory.resolve("corpus")));
        return cases.stream()
                .filter(attack -> attack.file().getFileName().toString().endsWith(".edxml"))
                .filter(attack -> XML_SIGNATURE_REASONS.contains(attack.expectedReason()))
                .map(attack -> Arguments.of(attack.file().getFileName().toString(), attack));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("envelopeCases")
    void every_envelope_of_the_attack_corpus_gets_the_expected_verdict_and_reason(String name, AttackCorpus.AttackCase attack)
            throws Exception {
        Optional<SignatureCheck> check = verifier(null).verify(attack.file());

        if (attack.expectedReason().equals("SIGNATURE_MISSING")) {
            assertThat(check).as(attack.description()).isEmpty();
            return;
        }
        assertThat(check).as(attack.description()).isPresent();
        assertThat(check.get().verdict()).as(attack.description() + " " + check.get().reasons())
                .isEqualTo(Verdict.valueOf(attack.expectedVerdict()));
        if (!attack.expectedReason().isEmpty()) {
            assertThat(check.get().reasons()).as(attack.description())
                    .anyMatch(reason -> reason.problem().name().equals(attack.expectedReason()));
        }
    }

    @Test
    void the_sample_signed_with_only_the_subject_name_is_valid_with_the_signer_certificate_directory() throws Exception {
        TestPki samplePki = TestPki.generate(directory.resolve("pki-samples"), URI.create("http://127.0.0.1:9/"));
        SignedSamples samples = SignedSamples.write(samplePki, Files.createDirectories(directory.resolve("samples")));

        Optional<SignatureCheck> check =
                verifier(samples.signerCertificateDirectory()).verify(samples.envelopeSubjectNameOnly());

        assertThat(check).get().extracting(SignatureCheck::verdict).isEqualTo(Verdict.VALID);
    }

    /** Trusts every signer; SHA-1 accepted as legacy, the connector's default. */
    private static EnvelopeSignatureVerifier verifier(Path signerCertificates) {
        return new EnvelopeSignatureVerifier((signer, others, at) -> List.of(), signerCertificates, true, Clock.systemUTC());
    }
}
