package vn.lienthong.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One process of the load test (the simulator or a connector): its own JVM, its output in a file, stopped at the end. */
final class LoadChild implements AutoCloseable {

    /** This checkout's launcher; the harness runs from the bench module's folder (bench/run-load.sh). */
    static final Path LAUNCHER = Path.of("..", "bin", "lienthong").toAbsolutePath().normalize();

    private static final Pattern HEAP_BEFORE_GC = Pattern.compile("Pause.* (\\d+)M->\\d+M\\(\\d+M\\)");

    private final String name;
    private final Process process;
    private final Path output;
    private final Path gcLog;

    private LoadChild(String name, Process process, Path output, Path gcLog) {
        this.name = name;
        this.process = process;
        this.output = output;
        this.gcLog = gcLog;
    }

    /**
     * {@code java JVM_OPTIONS -jar JAR ARGS}, or with {@code jvmOptions} empty {@code bin/lienthong ARGS} (the launcher
     * of this checkout, with its JVM settings, running JAR), with {@code environment} added, output to {@code output}.
     */
    static LoadChild start(String name, Path jar, List<String> jvmOptions, List<String> args,
                           Map<String, String> environment, Path output) throws IOException {
        // The GC log gives the peak heap: the heap is fullest just before a collection.
        Path gcLog = output.resolveSibling(name + "-gc.log");
        List<String> command = new ArrayList<>();
        Map<String, String> added = new HashMap<>(environment);
        if (jvmOptions.isEmpty()) {
            command.addAll(List.of("sh", LAUNCHER.toString()));
            added.put("LIENTHONG_JAR", jar.toString());
            added.put("JAVA_OPTS", "-Xlog:gc:file=" + gcLog);
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.add("-Xlog:gc:file=" + gcLog);
            command.add("-jar");
            command.add(jar.toString());
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().remove("LIENTHONG_JVM_OPTIONS");
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(added);
        return new LoadChild(name, builder.start(), output, gcLog);
    }

    /**
     * The options the JVM really runs with: its command line (the launcher execs java, so the process is the JVM)
     * from the first argument up to {@code -jar}.
     */
    List<String> jvmOptions() throws IOException {
        List<String> arguments = List.of(new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()),
                "cmdline")), StandardCharsets.UTF_8).split("\0"));
        int jarAt = arguments.indexOf("-jar");
        return arguments.subList(1, jarAt < 0 ? arguments.size() : jarAt);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code url} answers 200, or fails when the process ends or {@code limit} passes. */
    void awaitReady(URI url, Duration limit) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with exit code " + process.exitValue() + "; see " + output);
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready at " + url + " within " + limit + "; see " + output);
    }

    ProcessCpu cpu() throws IOException {
        return ProcessCpu.of(process.pid());
    }

    long peakRssKib() {
        return ProcessCpu.peakRssKib(process.pid());
    }

    /** The size of a connector's tracking database file (data/db/tracking.mv.db beside its output); -1 if none. */
    long trackingFileBytes() {
        try {
            return Files.size(output.resolveSibling("data").resolve("db").resolve("tracking.mv.db"));
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * The most heap in use before any collection so far, in MiB, from the GC log's "Pause ... 123M->45M(256M)"
     * lines; -1 before the first collection. The heap between collections is not sampled, so this is at most
     * one young generation below the true peak.
     */
    long peakHeapMib() {
        long peak = -1;
        try {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher before = HEAP_BEFORE_GC.matcher(line);
                if (before.find()) {
                    peak = Math.max(peak, Long.parseLong(before.group(1)));
                }
            }
        } catch (IOException unreadable) {
            // no log yet
        }
        return peak;
    }

    /** SIGTERM (the connector's shutdown hook closes it cleanly), then SIGKILL after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
