package vn.lienthong.dms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.testing.ChildJvm;

/**
 * Issue 11, item 3: a schema error once echoed the input, so two concurrent 300 MiB bodies made of one element name
 * ran the connector out of memory. Two connectors in a JVM limited to 96 MB now take two such bodies at once, each
 * a 150 MB element name, and answer each with a short LIMIT_NAME_LENGTH: heap use does not follow the body.
 */
class RestHostileBodyTest {

    private static final String SMALL_HEAP = "96m";
    private static final long NAME_BYTES = 150L * 1000 * 1000;
    private static final Pattern ANSWER = Pattern.compile("answer (\\d+) (\\S+) (\\d+) chars");

    @Test
    void two_concurrent_bodies_of_one_huge_element_name_leave_the_heap_flat_and_get_short_answers(@TempDir Path root)
            throws Exception {
        ChildJvm child = ChildJvm.run(SMALL_HEAP, Map.of(), HostileBodyProbe.class, root.toString(), Long.toString(NAME_BYTES));
        String output = child.output();

        assertThat(child.exitCode()).as(output).isZero();
        Matcher answers = ANSWER.matcher(output);
        int seen = 0;
        while (answers.find()) {
            seen++;
            assertThat(answers.group(1)).as(output).isEqualTo("400");
            assertThat(answers.group(2)).as(output).isEqualTo("LIMIT_NAME_LENGTH");
            assertThat(Integer.parseInt(answers.group(3))).as(output).isLessThan(2_000);
        }
        assertThat(seen).as(output).isEqualTo(2);
    }
}
