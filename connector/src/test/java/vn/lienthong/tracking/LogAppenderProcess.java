package vn.lienthong.tracking;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a separate JVM by {@link KillSafetyTest}: records forever, printing "acknowledged N" only after
 * the N-th mark and log entry have been committed, until the test kills it with SIGKILL.
 */
public final class LogAppenderProcess {

    private LogAppenderProcess() {
    }

    public static void main(String[] args) {
        TrackingDatabase database = TrackingDatabase.openH2(Path.of(args[0]));
        ProcessedMarks marks = new ProcessedMarks(database, Clock.systemUTC());
        TransmissionLog log = new TransmissionLog(database, Clock.systemUTC());
        for (long n = 1; ; n++) {
            marks.mark(KillSafetyTest.key(n), "delivered-to-dms", null);
            log.append(KillSafetyTest.key(n).value(), "deliver", "ok", 1, null, "entry " + n);
            System.out.println("acknowledged " + n);
            System.out.flush();
        }
    }
}
