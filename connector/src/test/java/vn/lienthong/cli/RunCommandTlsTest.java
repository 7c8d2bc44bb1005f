package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.TlsPki;

/** {@code run} with unusable DMS TLS settings stops before starting anything, with one line naming the key. */
class RunCommandTlsTest {

    @TempDir
    Path directory;

    private String runWith(String tlsSettings) throws Exception {
        return UnusableConfiguration.refusalOf(directory, tlsSettings);
    }

    @Test
    void a_missing_key_store_is_an_unusable_configuration_naming_the_key() throws Exception {
        String error = runWith("lienthong.dms.tls.keystore=" + directory.resolve("missing.p12"));

        assertThat(error).startsWith("Cấu hình không dùng được / Unusable configuration: lienthong.dms.tls.keystore: ")
                .contains("missing.p12").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_wrong_key_store_password_is_an_unusable_configuration_naming_the_key() throws Exception {
        TlsPki pki = TlsPki.generate(directory.resolve("pki"));
        Path wrong = Files.writeString(directory.resolve("wrong.txt"), "sai-mat-khau\n", StandardCharsets.UTF_8);

        String error = runWith("lienthong.dms.tls.keystore=" + pki.serverKeyStore()
                + "\nlienthong.dms.tls.keystore-password-file=" + wrong);

        assertThat(error).startsWith("Cấu hình không dùng được / Unusable configuration: lienthong.dms.tls.keystore: ")
                .contains("wrong password").doesNotContain("sai-mat-khau").doesNotContain("Exception").doesNotContain("\tat ");
    }
}
