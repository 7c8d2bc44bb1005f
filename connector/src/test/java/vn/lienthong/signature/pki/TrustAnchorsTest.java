package vn.lienthong.signature.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.fixtures.pki.TestPki;

class TrustAnchorsTest {

    private final TestPki pki = SharedTestPki.pki();

    @Test
    void the_fixture_trust_store_holds_the_root_once_though_it_is_there_as_pem_and_der() {
        TrustAnchors anchors = TrustAnchors.load(pki.trustStoreDirectory());

        assertThat(anchors.size()).isEqualTo(1);
        assertThat(anchors.anchors().iterator().next().getTrustedCert()).isEqualTo(pki.root().certificate());
    }

    @Test
    void pem_files_with_several_certificates_and_der_files_are_all_read(@TempDir Path directory) throws Exception {
        String bundle = pem(pki.root().certificate().getEncoded()) + pem(pki.untrustedRoot().certificate().getEncoded());
        Files.writeString(directory.resolve("bundle.crt"), bundle, StandardCharsets.US_ASCII);
        Files.write(directory.resolve("intermediate.der"), pki.intermediate().certificate().getEncoded());

        assertThat(TrustAnchors.load(directory).size()).isEqualTo(3);
    }

    @Test
    void a_file_that_is_not_a_certificate_is_skipped_and_the_others_still_load(@TempDir Path directory) throws Exception {
        Files.write(directory.resolve("root.cer"), pki.root().certificate().getEncoded());
        Files.writeString(directory.resolve("notes.pem"), "not a certificate");
        Files.writeString(directory.resolve("readme.txt"), "ignored: not a certificate file name");

        assertThat(TrustAnchors.load(directory).size()).isEqualTo(1);
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
