package vn.lienthong.signature.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.pki.CertificateValidator;
import vn.lienthong.signature.pki.RevocationSettings;
import vn.lienthong.signature.pki.SharedTestPki;
import vn.lienthong.signature.pki.TrustAnchors;

/**
 * A 50 MB signed PDF verified in a JVM whose whole heap is smaller than the file: if any step held the PDF (or a
 * signed range) in memory, the child would die of OutOfMemoryError instead of printing the verdict.
 */
class LargePdfTest {

    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final String CHILD_HEAP = "-Xmx40m";

    @TempDir
    Path directory;

    @Test
    void a_50_mb_signed_pdf_verifies_in_a_heap_smaller_than_the_file() throws Exception {
        Path unsigned = TestPdfs.large(directory.resolve("scan.pdf"), FIFTY_MB);
        Path signed = TestPdfSigner.with(SharedTestPki.pki().signer()).sign(unsigned, directory.resolve("scan-signed.pdf"));
        Files.delete(unsigned);
        assertThat(Files.size(signed)).isGreaterThan(FIFTY_MB);

        Process child = new ProcessBuilder(javaExecutable(), CHILD_HEAP, "-cp", testClassPath(),
                VerifyInSmallHeap.class.getName(), signed.toString(), SharedTestPki.pki().trustStoreDirectory().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(output).contains("VERDICT VALID reasons=[]").doesNotContain("OutOfMemoryError");
        assertThat(child.exitValue()).isZero();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire puts the real class path here (java.class.path may be its manifest-only booter jar, which also works). */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** The child JVM: verifies one PDF with revocation off and prints the verdict. */
    public static final class VerifyInSmallHeap {
        public static void main(String[] arguments) throws Exception {
            CertificateValidator validator = new CertificateValidator(TrustAnchors.load(Path.of(arguments[1])),
                    RevocationSettings.off(), java.net.http.HttpClient.newHttpClient(), Clock.systemUTC());
            List<SignatureCheck> checks = new PdfSignatureVerifier(validator, Clock.systemUTC()).verify(Path.of(arguments[0]), "scan.pdf");
            for (SignatureCheck check : checks) {
                System.out.println("VERDICT " + check.verdict() + " reasons=" + check.reasons());
            }
            System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        }
    }
}
