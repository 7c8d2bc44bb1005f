package vn.lienthong.dms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies larger than the heap pass through the REST interface: two connectors in a JVM limited to 96 MB take a
 * 160 MB edXML body and a multipart body with a 160 MB file, both to their answer. Holding either in memory at any
 * step would end that JVM with OutOfMemoryError.
 */
class RestLargeBodyTest {

    private static final String SMALL_HEAP = "-Xmx96m";
    private static final long BODY_BYTES = 160L * 1000 * 1000;

    @Test
    void an_envelope_and_a_file_larger_than_the_heap_are_streamed_to_their_answer(@TempDir Path root,
                                                                                  @TempDir Path logs) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // The child's output goes to a file, not a pipe this thread drains: reading a pipe to its end blocks until
        // the child exits, so the timeout below could never fire on a child that hangs.
        Path outputFile = logs.resolve("large-body-probe.log");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SMALL_HEAP, "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-cp", classpath,
                LargeBodyProbe.class.getName(), root.toString(), Long.toString(BODY_BYTES)))
                .redirectErrorStream(true).redirectOutput(outputFile.toFile()).start();
        boolean finished = child.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        String output = Files.readString(outputFile, StandardCharsets.UTF_8);

        assertThat(finished).as("the child JVM finished within 5 minutes; its output so far:%n%s", output).isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        // Refused, as they should be ('a' is not XML; metadata without a recipient), but only after being read whole.
        assertThat(output).contains("envelope 400 XML_NOT_WELL_FORMED").contains("multipart 400 TO_MISSING");
    }
}
