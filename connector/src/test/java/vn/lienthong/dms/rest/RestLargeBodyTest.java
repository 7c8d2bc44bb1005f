package vn.lienthong.dms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
    void an_envelope_and_a_file_larger_than_the_heap_are_streamed_to_their_answer(@TempDir Path root) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SMALL_HEAP, "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-cp", classpath,
                LargeBodyProbe.class.getName(), root.toString(), Long.toString(BODY_BYTES)))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 5 minutes");
        }

        assertThat(child.exitValue()).as(output).isZero();
        // Refused, as they should be ('a' is not XML; metadata without a recipient), but only after being read whole.
        assertThat(output).contains("envelope 400 XML_NOT_WELL_FORMED").contains("multipart 400 TO_MISSING");
    }
}
