package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.fixtures.pki.AttackCorpus;
import vn.lienthong.fixtures.pki.AttackCorpus.AttackCase;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.pki.RevocationSettings;
import vn.lienthong.signature.pki.SharedTestPki;

/**
 * poppler's pdfsig, an independent implementation, must agree with us on whether the signed bytes are intact, and
 * with the attack corpus's labels wherever what it reports settles them (PdfAttackCorpusTest holds us to the same
 * labels). Certificates are left out of its check (-nocert): it does not know our test root.
 */
class PdfsigAgreementTest {

    @TempDir
    Path directory;

    private final PdfSignatureVerifier verifier =
            new PdfSignatureVerifier(SharedTestPki.validator(RevocationSettings.off()), Clock.systemUTC());

    private Path signedLetter() throws Exception {
        return TestPdfSigner.with(SharedTestPki.pki().signer())
                .sign(TestPdfs.letter(directory.resolve("letter.pdf")), directory.resolve("signed.pdf"));
    }

    @Test
    void pdfsig_and_we_both_find_an_untouched_signature_intact() throws Exception {
        Path signed = signedLetter();

        SignatureCheck ours = verifier.verify(signed, "letter.pdf").get(0);

        assertThat(ours.reasons()).isEmpty();
        assertThat(pdfsig(signed)).contains("Signature Validation: Signature is Valid.");
    }

    @Test
    void pdfsig_and_we_both_find_a_flipped_byte_breaks_the_digest() throws Exception {
        Path signed = signedLetter();
        PdfEdits.flipByte(signed, PdfEdits.indexOf(signed, "Cong van so 123") + 11);

        SignatureCheck ours = verifier.verify(signed, "letter.pdf").get(0);

        assertThat(ours.reasons()).extracting(Reason::problem).containsExactly(SignatureProblem.DIGEST_MISMATCH);
        assertThat(pdfsig(signed)).contains("Signature Validation: Digest Mismatch.");
    }

    /*
     * Issue 10's later-revision cases of the attack corpus, held to their labels. pdfsig does not judge what a later
     * revision changes; per signature it says whether the signed bytes are intact ("Signature is Valid.") and whether
     * the signature covers the whole file ("Total document signed"). It can speak where that settles the label:
     * - every manipulated case (INVALID or INDETERMINATE): every signature intact, none covering the whole file;
     * - every honest case whose last revision is a signature or time stamp: the last one covers the whole file, and
     *   every signature pdfsig can check is intact. pdfsig 22.12 cannot check an ETSI.RFC3161 document time stamp
     *   ("Signature Type: unknown", "Signature has not yet been verified."); it still tells whether it covers the file.
     * It cannot speak on pdf-shadow-honest-dss.pdf: the /DSS revision after the only signature gets "Not total
     * document signed", exactly as an attack does; only that the signed bytes are intact is checked there.
     */
    private static final String DSS_ONLY = "pdf-shadow-honest-dss.pdf";

    @TestFactory
    Stream<DynamicTest> pdfsig_agrees_with_the_label_of_every_later_revision_case_of_the_corpus() {
        List<AttackCase> cases = AttackCorpus.write(SharedTestPki.pki(), directory.resolve("corpus")).stream()
                .filter(attack -> isLaterRevisionCase(attack.file().getFileName().toString())).toList();
        assertThat(cases).hasSize(13);
        return cases.stream().map(attack -> DynamicTest.dynamicTest(attack.file().getFileName().toString(), () -> {
            List<PdfsigSignature> signatures = PdfsigSignature.parse(pdfsig(attack.file()));

            assertThat(signatures).isNotEmpty();
            assertThat(signatures).filteredOn(PdfsigSignature::checked).allMatch(PdfsigSignature::intact);
            if (attack.file().getFileName().toString().equals(DSS_ONLY)) {
                return;
            }
            if (attack.expectedVerdict().equals("VALID")) {
                assertThat(signatures.get(signatures.size() - 1).wholeFile()).isTrue();
            } else {
                assertThat(signatures).noneMatch(PdfsigSignature::wholeFile);
            }
        }));
    }

    private static boolean isLaterRevisionCase(String file) {
        return file.startsWith("pdf-shadow-") || file.equals("pdf-bytes-after-eof.pdf") || file.equals("pdf-revision-without-xref.pdf");
    }

    /** One "Signature #n" block of pdfsig's output. */
    private record PdfsigSignature(boolean checked, boolean intact, boolean wholeFile) {

        static List<PdfsigSignature> parse(String output) {
            List<PdfsigSignature> signatures = new ArrayList<>();
            String[] blocks = output.split("(?m)^Signature #\\d+:$");
            for (int i = 1; i < blocks.length; i++) {
                // Contains, not equals: pdfsig's complaints on stderr come through the same stream, anywhere.
                String block = blocks[i];
                signatures.add(new PdfsigSignature(!block.contains("Signature Validation: Signature has not yet been verified."),
                        block.contains("Signature Validation: Signature is Valid."), block.contains("- Total document signed")));
            }
            return signatures;
        }
    }

    private static String pdfsig(Path pdf) throws IOException, InterruptedException {
        assumeTrue(pdfsigInstalled(), "pdfsig (poppler-utils) is not installed: the cross-check with poppler is skipped; CI installs it");
        Process process = new ProcessBuilder("pdfsig", "-nocert", pdf.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return output;
    }

    private static boolean pdfsigInstalled() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, "pdfsig"))) {
                return true;
            }
        }
        return false;
    }
}
