package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
        Path secret = Files.writeString(directory.resolve("axis.secret"), "axis-secret\n", StandardCharsets.UTF_8);
        Path config = Files.writeString(directory.resolve("connector.properties"), """
                lienthong.data.directory=%s
                lienthong.axis.endpoint=http://127.0.0.1:9
                lienthong.axis.system-id=vpcp.test
                lienthong.axis.secret-file=%s
                %s
                """.formatted(directory.resolve("data"), secret, tlsSettings).replace("\\", "\\\\"), StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        int exitCode = Main.run(new String[] {"run", "--config", config.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(exitCode).isEqualTo(ExitCodes.UNREADABLE_OR_USAGE);
        assertThat(Files.exists(directory.resolve("data"))).as("nothing started").isFalse();
        return err.toString();
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
