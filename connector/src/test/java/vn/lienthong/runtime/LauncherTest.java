package vn.lienthong.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.ObjectName;
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

        List<String> plain = launch(LAUNCHER, Map.of("LIENTHONG_JAR", jar.toString()), "demo", "--documents", "2");
        List<String> expected = new ArrayList<>(settings(LAUNCHER));
        expected.addAll(List.of("-jar", jar.toString(), "demo", "--documents", "2"));
        assertThat(plain).containsExactlyElementsOf(expected);

        List<String> withJavaOpts = launch(LAUNCHER, Map.of("LIENTHONG_JAR", jar.toString(), "JAVA_OPTS", "-Xmx512m -Dx=y"), "run");
        expected = new ArrayList<>(settings(LAUNCHER));
        expected.addAll(List.of("-Xmx512m", "-Dx=y", "-jar", jar.toString(), "run"));
        assertThat(withJavaOpts).containsExactlyElementsOf(expected);

        List<String> replaced = launch(LAUNCHER, Map.of("LIENTHONG_JAR", jar.toString(), "LIENTHONG_JVM_OPTIONS", ""), "run");
        assertThat(replaced).containsExactly("-jar", jar.toString(), "run");
    }

    @Test
    void should_fall_back_to_c1_alone_without_the_compiler_directives() throws Exception {
        Path copy = Files.createDirectories(root.resolve("unpacked").resolve("bin")).resolve("lienthong");
        Files.copy(LAUNCHER, copy);
        Path jar = Files.writeString(root.resolve("lienthong.jar"), "not read by the stand-in java");

        List<String> options = launch(copy, Map.of("LIENTHONG_JAR", jar.toString()), "run");

        assertThat(options).containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-jar",
                jar.toString(), "run");
    }

    @Test
    void should_say_in_both_languages_that_the_jar_is_missing_and_exit_2() throws Exception {
        Process process = start(LAUNCHER, Map.of("LIENTHONG_JAR", root.resolve("missing.jar").toString()), "demo");
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(said).contains("Không thấy", "not found", "mvn -B -q package -DskipTests");
        assertThat(Files.exists(root.resolve("arguments"))).as("java was not started").isFalse();
    }

    @Test
    void should_run_a_real_jvm_with_those_settings_in_force() throws Exception {
        String said = runWithLauncherSettings(Describe.class);

        assertThat(said).contains("heap max 256 MiB,", "GC Copy+MarkSweepCompact",
                "JIT C1, and C2 only where " + LAUNCHER.getParent().resolve("../config/jit-directives.json") + " lets it");
        assertThat(said).as("the JVM's own lines go to stderr, not into a command's output")
                .doesNotContain("compiler directives added");
    }

    @Test
    void should_let_c2_compile_hashing_and_keep_every_other_method_with_c1() throws Exception {
        String said = runWithLauncherSettings(CompiledWhere.class);

        assertThat(levels(said, "SHA2.implCompress0 in use at levels")).as(said).contains("4");
        assertThat(levels(said, "spin in use at levels")).as(said).contains("1").doesNotContain("4");
    }

    /** Runs {@code main} in a real JVM started with the options the launcher gives java; returns what it printed. */
    private String runWithLauncherSettings(Class<?> main) throws Exception {
        Path jar = Files.writeString(root.resolve("lienthong.jar"), "");
        List<String> options = launch(LAUNCHER, Map.of("LIENTHONG_JAR", jar.toString()), "run");
        options = options.subList(0, options.indexOf("-jar"));

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                main.getName()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(said).isZero();
        return said;
    }

    /** The levels listed after {@code start} on the line that begins with it. */
    private static List<String> levels(String said, String start) {
        return said.lines().filter(line -> line.startsWith(start)).findFirst()
                .map(line -> List.of(line.substring(start.length()).strip().split(" +")))
                .orElseThrow(() -> new AssertionError(said));
    }

    /** The options the launcher gives java when nothing replaces them. */
    private static List<String> settings(Path launcher) {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+DisplayVMOutputToStderr",
                "-XX:CompilerDirectivesFile=" + launcher.getParent() + "/../config/jit-directives.json",
                "-XX:CompileThresholdScaling=0.1", "-XX:+UseSerialGC", "-Xmx256m");
    }

    /** Prints what the connector logs at start about its JVM. */
    public static final class Describe {
        public static void main(String[] args) {
            System.out.println(JvmFacts.describe());
        }
    }

    /**
     * Hashes and spins until the JIT has compiled both SHA-256's block function and a method of its own with its final
     * compiler, or for at most 4,000 rounds, then prints the levels each is in use at (1: C1, 4: C2), from the JVM's
     * own code list.
     */
    public static final class CompiledWhere {
        private static long sink;

        public static void main(String[] args) throws Exception {
            byte[] block = new byte[64 * 1024];
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Set<String> sha = Set.of();
            Set<String> spin = Set.of();
            for (int round = 0; round < 4_000 && !(sha.contains("4") && spin.contains("1")); round++) {
                digest.update(block);
                sink += digest.digest()[0] + spin(round);
                if (round % 100 == 99) {
                    String codeList = codeList();
                    sha = levelsInUse(codeList, "sun.security.provider.SHA2.implCompress0(");
                    spin = levelsInUse(codeList, CompiledWhere.class.getName() + ".spin(");
                }
            }
            System.out.println("SHA2.implCompress0 in use at levels " + String.join(" ", sha));
            System.out.println("spin in use at levels " + String.join(" ", spin));
            System.out.println("sink " + sink);
        }

        /** No loop, so no on-stack replacement: compiled only for being called. */
        private static long spin(int round) {
            return (long) round * 31 ^ (round >>> 3);
        }

        /** Compiled code in use ("ID LEVEL STATE METHOD ...", state 0 = in use) of the method, by level. */
        private static Set<String> levelsInUse(String codeList, String method) {
            return codeList.lines().map(line -> line.split(" "))
                    .filter(fields -> fields.length > 3 && fields[2].equals("0") && fields[3].startsWith(method))
                    .map(fields -> fields[1]).collect(Collectors.toCollection(TreeSet::new));
        }

        private static String codeList() throws Exception {
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerCodelist",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        }
    }

    /** Runs the launcher with a stand-in java first on the PATH; returns the arguments java was given. */
    private List<String> launch(Path launcher, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Process process = start(launcher, environment, args);
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(said).isZero();
        return Files.readAllLines(root.resolve("arguments"), StandardCharsets.UTF_8);
    }

    private Process start(Path launcher, Map<String, String> environment, String... args) throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + root.resolve("arguments") + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.deleteIfExists(root.resolve("arguments"));
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("LIENTHONG_JVM_OPTIONS");
        builder.environment().putAll(environment);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        return builder.start();
    }
}
