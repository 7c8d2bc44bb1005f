package vn.lienthong.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A JVM started with the test classpath, a heap limit and extra environment; output and error are merged. */
public record ChildJvm(int exitCode, String output) {

    public static ChildJvm run(String maxHeap, Map<String, String> environment, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        return run(maxHeap, environment, mainClass.getName(), args);
    }

    /** {@code mainClass} by name, for one the test cannot refer to (another module's, or the CLI's). */
    public static ChildJvm run(String maxHeap, Map<String, String> environment, String mainClass, String... args)
            throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
                "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish in 10 minutes");
        }
        return new ChildJvm(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
