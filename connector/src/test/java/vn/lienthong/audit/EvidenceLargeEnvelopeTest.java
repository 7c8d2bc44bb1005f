package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.testing.ChildJvm;

/**
 * A bundle of a 200 MB envelope is made offline and verified, each by a JVM limited to 64 MB of heap: the envelope is
 * copied into the ZIP and hashed as a stream, never held whole.
 */
class EvidenceLargeEnvelopeTest {

    private static final String SMALL_HEAP = "64m";

    @TempDir
    Path directory;

    @Test
    void a_200_mb_envelope_is_bundled_and_verified_with_a_64_mb_heap() throws Exception {
        Path data = directory.resolve("data");
        String key;
        String sha256;
        try (EvidenceFixture fixture = EvidenceFixture.withLargeEnvelope(data, 200L * 1024 * 1024).passThrough()) {
            fixture.log.anchor();
            key = fixture.key;
            sha256 = fixture.sha256;
        }
        Path zip = directory.resolve("large.zip");

        ChildJvm made = ChildJvm.run(SMALL_HEAP, Map.of(), "vn.lienthong.cli.Main", "audit", "evidence", "--data",
                data.toString(), key, "-o", zip.toString());
        assertThat(made.exitCode()).as(made.output()).isZero();
        assertThat(Files.size(zip)).isGreaterThan(200L * 1024 * 1024); // random bytes do not compress

        ChildJvm verified = ChildJvm.run(SMALL_HEAP, Map.of(), "vn.lienthong.cli.Main", "audit", "verify", zip.toString());
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("ĐẠT / VERIFIED").contains(sha256);
    }
}
