package vn.lienthong.audit.stamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token from the loopback TSA checked with an independent tool: {@code openssl ts -verify}. */
class OpensslTimestampTest {

    private static final byte[] HEAD = "lienthong-log-head v1\nsize 99\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path directory;

    private static Path data;
    private static Path token;
    private static Path tsaPem;

    @BeforeAll
    static void stamp() throws Exception {
        try (LoopbackTsa tsa = LoopbackTsa.start(0)) {
            data = Files.write(directory.resolve("head.txt"), HEAD);
            token = Files.write(directory.resolve("head.tst"), new TsaClient(tsa.url(), Duration.ofSeconds(5)).timestamp(HEAD));
            tsaPem = Files.writeString(directory.resolve("tsa.pem"), tsa.authority().certificatePem());
        }
    }

    @Test
    void openssl_verifies_the_token_over_the_data_with_the_tsa_certificate_as_trust_anchor() throws Exception {
        Openssl result = Openssl.run("ts", "-verify", "-data", data.toString(), "-in", token.toString(), "-token_in",
                "-CAfile", tsaPem.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Verification: OK");
    }

    @Test
    void openssl_refuses_the_token_over_other_data() throws Exception {
        Path other = Files.writeString(directory.resolve("other.txt"), "lienthong-log-head v1\nsize 100\n");

        Openssl result = Openssl.run("ts", "-verify", "-data", other.toString(), "-in", token.toString(), "-token_in",
                "-CAfile", tsaPem.toString());

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("message imprint mismatch");
    }
}
