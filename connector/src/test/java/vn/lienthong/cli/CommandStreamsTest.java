package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.fixtures.Fixtures;

/**
 * A command's stdout is its own output only: log lines go to stderr, so that the JSON Lines of verify --json and
 * validate --json can be read line by line by another program. Run as a user runs it, in its own JVM.
 */
class CommandStreamsTest {

    @TempDir
    Path directory;

    @Test
    void verify_json_prints_only_json_on_stdout_while_its_log_lines_go_to_stderr() throws Exception {
        Path emptyTrustStore = Files.createDirectories(directory.resolve("trust"));
        Path sample = Fixtures.samples().resolve("edoc-type0-new.edxml");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "vn.lienthong.cli.Main", "verify", "--json", "--trust-store", emptyTrustStore.toString(),
                sample.toString())
                .redirectOutput(directory.resolve("stdout").toFile())
                .redirectError(directory.resolve("stderr").toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        List<String> stdout = Files.readAllLines(directory.resolve("stdout"), StandardCharsets.UTF_8);
        String stderr = Files.readString(directory.resolve("stderr"), StandardCharsets.UTF_8);
        assertThat(stderr).as("the trust store's warning is logged").contains("No trust anchor in");
        assertThat(stdout).hasSize(1);
        List<String> files = new ArrayList<>();
        for (String line : stdout) {
            files.add(new ObjectMapper().readTree(line).get("file").asText());
        }
        assertThat(files).containsExactly(sample.toString());
    }
}
