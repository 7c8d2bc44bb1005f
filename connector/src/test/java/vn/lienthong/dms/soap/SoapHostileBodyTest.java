package vn.lienthong.dms.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.testing.ChildJvm;

/**
 * Issue 11, item 3, on the SOAP interface: CXF parses a request before the ApiKey in its header is known, and its
 * parser buffers a whole element name, so a caller without a key ran the connector out of memory with one long name
 * (a 40 MB name did it to a 512 MB test JVM, answered by Jetty's HTML page naming the OutOfMemoryError). Two such
 * requests at once, each a 150 MB name, now leave a 96 MB connector standing, each answered by a short fault.
 */
class SoapHostileBodyTest {

    private static final String SMALL_HEAP = "96m";
    private static final long NAME_BYTES = 150L * 1000 * 1000;
    private static final Pattern ANSWER = Pattern.compile("answer (\\d+) (\\S+) (\\d+) chars");

    @Test
    void two_concurrent_requests_of_one_huge_element_name_leave_the_heap_flat_and_get_short_faults(@TempDir Path root)
            throws Exception {
        ChildJvm child = ChildJvm.run(SMALL_HEAP, Map.of(), HostileSoapProbe.class, root.toString(), Long.toString(NAME_BYTES));
        String output = child.output();

        assertThat(child.exitCode()).as(output).isZero();
        Matcher answers = ANSWER.matcher(output);
        int seen = 0;
        while (answers.find()) {
            seen++;
            assertThat(answers.group(2)).as(output).isEqualTo("LIMIT_NAME_LENGTH");
            assertThat(Integer.parseInt(answers.group(3))).as(output).isLessThan(3_000);
        }
        assertThat(seen).as(output).isEqualTo(2);
    }
}
