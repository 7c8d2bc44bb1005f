package vn.lienthong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vn.lienthong.tracking.TrackingDatabase;

/**
 * JMH micro-benchmarks of the tracking database's share of one document on the embedded H2 file database with the
 * connector's own settings: an outbound one ({@link TrackedOutbound}: three hops and the reads between them) and an
 * inbound one delivered to a pulling DMS ({@link TrackedInbound}: six hops). One thread, so every hop is a commit of
 * its own (under load the log writer groups hops of several documents into one commit).
 * The database grows through the run, as a connector's does; the file is deleted at the end, but needs several
 * gigabytes of temporary space meanwhile (see {@link #reportFile}). Run with
 * {@code bench/run-jmh.sh TrackingBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrackingBenchmarks {

    private Path work;
    private TrackingDatabase database;
    private TrackedOutbound documents;
    private TrackedInbound inbound;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        work = Files.createTempDirectory("lienthong-jmh-tracking-");
        database = TrackingDatabase.openH2(work);
        documents = new TrackedOutbound(database, Clock.systemUTC());
        inbound = new TrackedInbound(database, Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        database.close();
        TransportThroughput.deleteTree(work);
    }

    /**
     * Prints how large the file has grown, and in how many chunks (H2 writes one per commit). H2 keeps every chunk of
     * the last 45 s (its retention time) whatever the housekeeping does, so at this benchmark's commit rate, far above
     * a connector's, the file grows by about a gigabyte every 10 to 20 s of the run.
     */
    @TearDown(Level.Iteration)
    public void reportFile() throws SQLException {
        System.out.printf("%ntracking file after %d documents: %s%n", documents.documents() + inbound.documents(),
                TrackedOutbound.describeFile(database));
    }

    /** One outbound document's tracking, from its verdict to sent-to-axis. */
    @Benchmark
    public boolean outboundDocument() {
        return documents.trackOne();
    }

    /** One inbound document's tracking, from fetched-from-axis to the DMS's acknowledgement. */
    @Benchmark
    public boolean inboundDocument() {
        return inbound.trackOne();
    }
}
