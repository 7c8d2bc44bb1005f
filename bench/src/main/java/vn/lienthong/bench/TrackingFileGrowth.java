package vn.lienthong.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import vn.lienthong.tracking.TrackingDatabase;

/**
 * How the tracking database's file grows while a connector runs: {@link TrackedOutbound} documents at a steady rate
 * against one embedded H2 database, with the file's size, its chunks, their live share and the process's CPU printed
 * every 30 s.
 * Bounded: at most {@link #MAX_SECONDS} s and {@link #MAX_RATE} documents/s; the database is deleted at the end.
 * Usage: {@code TrackingFileGrowth [DOCUMENTS_PER_SECOND] [SECONDS]} (defaults 20 and 300); run with
 * bench/run-tracking-file-growth.sh.
 */
public final class TrackingFileGrowth {

    private static final int MAX_SECONDS = 3600;
    private static final int MAX_RATE = 1000;
    private static final int REPORT_EVERY_SECONDS = 30;

    private TrackingFileGrowth() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        if (rate < 1 || rate > MAX_RATE || seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException("documents/s must be 1.." + MAX_RATE + " and seconds 1.." + MAX_SECONDS);
        }
        Path work = Files.createTempDirectory("lienthong-tracking-growth-");
        try (TrackingDatabase database = TrackingDatabase.openH2(work)) {
            TrackedOutbound documents = new TrackedOutbound(database, Clock.systemUTC());
            long start = System.nanoTime();
            for (int second = 1; second <= seconds; second++) {
                while (documents.documents() < (long) second * rate) {
                    documents.trackOne();
                }
                long ahead = start + TimeUnit.SECONDS.toNanos(second) - System.nanoTime();
                if (ahead > 0) {
                    TimeUnit.NANOSECONDS.sleep(ahead);
                }
                if (second % REPORT_EVERY_SECONDS == 0 || second == seconds) {
                    System.out.printf("%4d s: %d documents, behind by %d ms; tracking file %s; CPU %d ms%n", second,
                            documents.documents(), Math.max(0, -TimeUnit.NANOSECONDS.toMillis(ahead)),
                            TrackedOutbound.describeFile(database), processCpuMillis());
                }
            }
        } finally {
            TransportThroughput.deleteTree(work);
        }
    }

    private static long processCpuMillis() {
        return TimeUnit.NANOSECONDS.toMillis(ManagementFactory.getPlatformMXBean(
                com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime());
    }
}
