package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import vn.lienthong.testing.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lienthong.fixtures.LargeEnvelope;
import vn.lienthong.fixtures.LargeEnvelopeInfo;

/**
 * A 300 MB envelope (one 220 MB attachment) is signed, and verified, by JVMs limited to 128 MB of heap: proof that
 * neither the signer nor the verifier holds the document, an attachment or its base64 in memory. xmlsec1, which
 * reads the whole document into libxml2's DOM, agrees with the streaming digest at that size.
 */
class LargeEnvelopeSignatureTest {

    private static final String SMALL_HEAP = "128m";
    private static final String PASSWORD = "large-envelope";

    private static Path directory;
    private static LargeEnvelopeInfo large;
    private static Path signed;
    private static ChildJvm signing;

    @BeforeAll
    static void signALargeEnvelopeWithASmallHeap() throws Exception {
        directory = Files.createTempDirectory("lienthong-large-signature-");
        large = LargeEnvelope.write(directory.resolve("large.edxml"), 220L * 1024 * 1024, 20261125L);
        assertThat(large.envelopeBytes()).isGreaterThan(300L * 1000 * 1000);
        signed = directory.resolve("large-signed.edxml");
        signing = ChildJvm.run(SMALL_HEAP, Map.of(), EnvelopeSignatureTool.class,
                "sign-pkcs12", pkcs12().toString(), PASSWORD, large.envelope().toString(), signed.toString());
    }

    @AfterAll
    static void deleteLargeFiles() throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    @Test
    void a_300_mb_envelope_is_signed_with_a_128_mb_heap() throws IOException {
        assertThat(signing.exitCode()).as(signing.output()).isZero();
        assertThat(Files.size(signed)).isGreaterThan(large.envelopeBytes());
    }

    @Test
    void a_300_mb_signed_envelope_verifies_with_a_128_mb_heap() throws Exception {
        ChildJvm verifying = ChildJvm.run(SMALL_HEAP, Map.of(), EnvelopeSignatureTool.class, "verify", signed.toString());

        assertThat(verifying.exitCode()).as(verifying.output()).isZero();
        assertThat(verifying.output().strip()).isEqualTo("VALID");
    }

    @Test
    void xmlsec1_verifies_the_300_mb_envelope_we_signed() throws Exception {
        Path root = Files.writeString(directory.resolve("root.pem"), Pem.certificate(TestCredentials.ROOT.certificate()));

        XmlSec1.Result result = XmlSec1.run("--verify", "--trusted-pem", root.toString(), signed.toString());

        assertThat(result.ok()).as(result.output()).isTrue();
    }

    @Test
    void one_changed_character_in_the_attachment_of_a_300_mb_envelope_is_a_digest_mismatch() throws Exception {
        long middle = Files.size(signed) / 2;
        try (RandomAccessFile file = new RandomAccessFile(signed.toFile(), "rw")) {
            file.seek(middle);
            int original = file.read();
            file.seek(middle);
            file.write(original == 'A' ? 'B' : 'A');
            try {
                ChildJvm verifying =
                        ChildJvm.run(SMALL_HEAP, Map.of(), EnvelopeSignatureTool.class, "verify", signed.toString());

                assertThat(verifying.output().strip()).isEqualTo("INVALID DIGEST_MISMATCH");
            } finally {
                file.seek(middle);
                file.write(original);
            }
        }
    }

    private static Path pkcs12() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("signer", TestCredentials.RSA_SIGNER.privateKey(), PASSWORD.toCharArray(),
                TestCredentials.RSA_SIGNER.chain().toArray(X509Certificate[]::new));
        Path file = directory.resolve("signer.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }
}
