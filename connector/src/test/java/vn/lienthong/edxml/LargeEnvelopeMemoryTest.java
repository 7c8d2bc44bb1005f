package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import vn.lienthong.testing.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lienthong.fixtures.LargeEnvelope;
import vn.lienthong.fixtures.LargeEnvelopeInfo;

/**
 * A 300 MB envelope carrying one 220 MB attachment is read, and validated, by a JVM limited to 96 MB of heap:
 * proof that no step holds the attachment or its base64 in memory.
 */
class LargeEnvelopeMemoryTest {

    private static final String SMALL_HEAP = "96m";
    private static Path directory;
    private static LargeEnvelopeInfo large;

    @BeforeAll
    static void writeLargeEnvelope() throws IOException {
        directory = Files.createTempDirectory("lienthong-large-");
        large = LargeEnvelope.write(directory.resolve("large.edxml"), 220L * 1024 * 1024, 20261125L);
        assertThat(large.envelopeBytes()).isGreaterThan(300L * 1000 * 1000);
    }

    @AfterAll
    static void deleteLargeEnvelope() throws IOException {
        Files.deleteIfExists(large.envelope());
        Files.deleteIfExists(directory);
    }

    @Test
    void the_reader_decodes_the_whole_attachment_with_a_96_mb_heap() throws Exception {
        ChildJvm child = ChildJvm.run(SMALL_HEAP, Map.of(), ReadAndHash.class, large.envelope().toString());
        assertThat(child.exitCode()).as(child.output()).isZero();
        assertThat(child.output().strip())
                .isEqualTo(large.attachmentName() + " " + large.attachmentBytes() + " " + large.attachmentSha256Hex());
    }

    @Test
    void validate_checks_the_large_envelope_with_a_96_mb_heap() throws Exception {
        ChildJvm child = ChildJvm.run(SMALL_HEAP, Map.of(), "vn.lienthong.cli.Main", "validate", "--json",
                large.envelope().toString());
        assertThat(child.exitCode()).as(child.output()).isZero();
        assertThat(child.output()).contains("\"valid\":true").contains("\"findings\":[]");
    }
}
