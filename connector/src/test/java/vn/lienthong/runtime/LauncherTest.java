package vn.lienthong.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/lienthong, the launcher that starts every command with the JVM settings for small machines: what it passes to
 * java (seen through a stand-in java on the PATH that writes its arguments down), and that a real JVM given those
 * settings runs with them, as the connector's start-up line reports.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("..", "bin", "lienthong").toAbsolutePath().normalize();

    @TempDir
    Path root;

    @Test
    void should_start_java_with_the_settings_for_small_machines_then_java_opts_then_the_command() throws Exception {
        Path jar = Files.writeString(root.resolve("lienthong.jar"), "not read by the stand-in java");

        List<String> plain = launch(Map.of("LIENTHONG_JAR", jar.toString()), "demo", "--documents", "2");
        assertThat(plain).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-jar",
                jar.toString(), "demo", "--documents", "2");

        List<String> withJavaOpts = launch(Map.of("LIENTHONG_JAR", jar.toString(), "JAVA_OPTS", "-Xmx512m -Dx=y"), "run");
        assertThat(withJavaOpts).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-Xmx512m",
                "-Dx=y", "-jar", jar.toString(), "run");

        List<String> replaced = launch(Map.of("LIENTHONG_JAR", jar.toString(), "LIENTHONG_JVM_OPTIONS", ""), "run");
        assertThat(replaced).containsExactly("-jar", jar.toString(), "run");
    }

    @Test
    void should_say_in_both_languages_that_the_jar_is_missing_and_exit_2() throws Exception {
        Process process = start(Map.of("LIENTHONG_JAR", root.resolve("missing.jar").toString()), "demo");
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(said).contains("Không thấy", "not found", "mvn -B -q package -DskipTests");
        assertThat(Files.exists(root.resolve("arguments"))).as("java was not started").isFalse();
    }

    @Test
    void should_run_a_real_jvm_with_those_settings_in_force() throws Exception {
        Path jar = Files.writeString(root.resolve("lienthong.jar"), "");
        List<String> options = launch(Map.of("LIENTHONG_JAR", jar.toString()), "run");
        options = options.subList(0, options.indexOf("-jar"));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Describe.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(said).startsWith("heap max 256 MiB,").contains("GC Copy+MarkSweepCompact", "JIT C1 only (TieredStopAtLevel=1)");
    }

    /** Prints what the connector logs at start about its JVM. */
    public static final class Describe {
        public static void main(String[] args) {
            System.out.println(JvmFacts.describe());
        }
    }

    /** Runs the launcher with a stand-in java first on the PATH; returns the arguments java was given. */
    private List<String> launch(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        Process process = start(environment, args);
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(said).isZero();
        return Files.readAllLines(root.resolve("arguments"), StandardCharsets.UTF_8);
    }

    private Process start(Map<String, String> environment, String... args) throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + root.resolve("arguments") + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.deleteIfExists(root.resolve("arguments"));
        List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("LIENTHONG_JVM_OPTIONS");
        builder.environment().putAll(environment);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        return builder.start();
    }
}
