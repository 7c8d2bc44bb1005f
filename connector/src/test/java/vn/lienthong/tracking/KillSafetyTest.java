package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.tracking.TrackingFixtures.CLOCK;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The architecture's bar: a kill -9 anywhere loses nothing that was acknowledged. */
class KillSafetyTest {

    private static final long ACKNOWLEDGED_BEFORE_KILL = 300;

    @TempDir
    Path dataDirectory;

    static DocumentKey key(long n) {
        return DocumentKey.of("000.00.00.G22", "kill-test-" + n, "ab".repeat(32));
    }

    @Test
    void nothing_acknowledged_is_lost_when_the_process_is_killed_mid_write() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LogAppenderProcess.class.getName(),
                dataDirectory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long acknowledged = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged < ACKNOWLEDGED_BEFORE_KILL && (line = out.readLine()) != null) {
                acknowledged = Long.parseLong(line.substring("acknowledged ".length()));
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).isEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        try (TrackingDatabase database = TrackingDatabase.openH2(dataDirectory)) {
            TransmissionLog log = new TransmissionLog(database, CLOCK);
            assertThat(log.all(1, Integer.MAX_VALUE).size()).isGreaterThanOrEqualTo((int) acknowledged);
            ChainVerdict verdict = log.verify();
            assertThat(verdict.intact()).as(verdict.reason()).isTrue();
            ProcessedMarks marks = new ProcessedMarks(database, CLOCK);
            for (long n = 1; n <= acknowledged; n++) {
                assertThat(marks.detail(key(n), "delivered-to-dms")).as("mark " + n).isPresent();
            }
        }
    }
}
