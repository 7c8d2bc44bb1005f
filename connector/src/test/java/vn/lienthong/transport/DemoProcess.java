package vn.lienthong.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code demo} in a JVM of its own, as a person starts it, with its DMS interfaces on ports free now; everything it
 * prints is kept for the test to read.
 */
final class DemoProcess implements AutoCloseable {

    private final Process process;
    private final Thread reader;
    private final StringBuffer printed = new StringBuffer();

    private DemoProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::copy, "demo-output");
        reader.setDaemon(true);
        reader.start();
    }

    static DemoProcess start(Path data, int httpPort, int soapPort, int apiPort) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-cp", classpath,
                "vn.lienthong.cli.Main", "demo", "--documents", "1", "--port", Integer.toString(httpPort),
                "--data", data.toString()).redirectErrorStream(true);
        builder.environment().put("LIENTHONG_SOAP_PORT", Integer.toString(soapPort));
        builder.environment().put("LIENTHONG_API_PORT", Integer.toString(apiPort));
        return new DemoProcess(builder.start());
    }

    /** What it printed so far. */
    String printed() {
        return printed.toString();
    }

    Process process() {
        return process;
    }

    /** Whether it printed its guide and still runs (false also when it stopped). */
    boolean readyForPeople() {
        return !process.isAlive() || printed.toString().contains("Ctrl-C để dừng");
    }

    /** What Ctrl-C or kill does (SIGTERM), its output read to the end; true when it stopped within a minute. */
    boolean stop() throws InterruptedException {
        process.toHandle().destroy();
        boolean stopped = process.waitFor(60, TimeUnit.SECONDS);
        reader.join(Duration.ofSeconds(10).toMillis());
        return stopped;
    }

    private void copy() {
        byte[] buffer = new byte[8192];
        try (InputStream output = process.getInputStream()) {
            for (int read; (read = output.read(buffer)) >= 0; ) {
                printed.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (IOException ended) {
            // The demo stopped.
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
