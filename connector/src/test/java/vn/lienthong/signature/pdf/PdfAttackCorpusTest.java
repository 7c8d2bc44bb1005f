package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.fixtures.pki.AttackCorpus;
import vn.lienthong.fixtures.pki.AttackCorpus.AttackCase;
import vn.lienthong.signature.DocumentSignatures;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.pki.SharedTestPki;

/** Every PDF of the shared attack corpus gets the verdict and the main reason the corpus expects. */
class PdfAttackCorpusTest {

    @TempDir
    Path directory;

    @TestFactory
    Stream<DynamicTest> every_pdf_of_the_attack_corpus_gets_the_expected_verdict_and_reason() {
        PdfSignatureVerifier verifier = new PdfSignatureVerifier(SharedTestPki.strictValidator(), Clock.systemUTC());
        List<AttackCase> cases = AttackCorpus.write(SharedTestPki.pki(), directory);
        return cases.stream()
                .filter(attack -> attack.file().getFileName().toString().endsWith(".pdf"))
                .map(attack -> DynamicTest.dynamicTest(attack.description(), () -> {
                    List<SignatureCheck> checks = verifier.verify(attack.file(), attack.file().getFileName().toString());
                    DocumentSignatures signatures = new DocumentSignatures(checks);

                    assertThat(signatures.verdict().name()).as(checks.toString()).isEqualTo(attack.expectedVerdict());
                    if (!attack.expectedReason().isEmpty()) {
                        assertThat(checks).flatExtracting(SignatureCheck::reasons).extracting(Reason::problem)
                                .extracting(Enum::name).contains(attack.expectedReason());
                    }
                }));
    }
}
