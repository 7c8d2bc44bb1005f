package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signature.Reason;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;
import vn.lienthong.signature.pki.RevocationSettings;
import vn.lienthong.signature.pki.SharedTestPki;

/**
 * poppler's pdfsig, an independent implementation, must agree with us on whether the signed bytes are intact.
 * Certificates are left out of its check (-nocert): it does not know our test root.
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
