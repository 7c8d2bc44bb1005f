package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static final String SMALL_HEAP = "-Xmx96m";
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
        ChildJvm child = ChildJvm.run(ReadAndHash.class.getName(), large.envelope().toString());
        assertThat(child.exitCode).as(child.output).isZero();
        assertThat(child.output.strip())
                .isEqualTo(large.attachmentName() + " " + large.attachmentBytes() + " " + large.attachmentSha256Hex());
    }

    @Test
    void validate_checks_the_large_envelope_with_a_96_mb_heap() throws Exception {
        ChildJvm child = ChildJvm.run("vn.lienthong.cli.Main", "validate", "--json", large.envelope().toString());
        assertThat(child.exitCode).as(child.output).isZero();
        assertThat(child.output).contains("\"valid\":true").contains("\"findings\":[]");
    }

    /** A JVM started with the test classpath and the small heap; output and error are merged. */
    private record ChildJvm(int exitCode, String output) {

        static ChildJvm run(String mainClass, String... args) throws IOException, InterruptedException {
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    SMALL_HEAP, "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-cp", classpath, mainClass));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the child JVM did not finish in 5 minutes");
            }
            return new ChildJvm(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }
    }
}
