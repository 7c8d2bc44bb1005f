package vn.lienthong.tracking;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites the sparse chunks of the embedded database's file, as H2's own background writer would and does not here.
 *
 * <p>Each commit of H2's store appends a chunk holding every page the commit changed. Later commits make most of
 * those pages obsolete, but a chunk keeps its place in the file while any page of it is still live, and a page that
 * is never changed again (a full leaf of the log, of an index) stays live for ever. H2's background writer thread
 * finds such chunks and moves their few live pages on, so that the chunks can be dropped and their space reused. That
 * thread only runs with a write delay, and the tracking database has none (WRITE_DELAY=0: every commit is in the
 * file before it returns). Without this, the file grew by some 180 kB per outbound document and never shrank while
 * the connector ran (7.7 GB after 36,000 documents in {@code TrackingBenchmarks}), and H2's chunk directory grew
 * with it.
 *
 * <p>Every {@link #PERIOD}, when the chunks are less than {@link #TARGET_FILL_RATE} percent live, it moves the live
 * pages of the sparsest chunks older than H2's retention time (45 s, so that a chunk is only overwritten once the
 * operating system has long written its successors), at most {@link #REWRITE_BYTES} of them, and commits them. The
 * data does not change, only where its pages lie. It holds the store's lock only while it rewrites.
 *
 * <p>No SQL command compacts an open H2 database, so the store is reached through H2's own session classes
 * ({@link #store}); an H2 upgrade that moves them breaks the build or {@code StoreHousekeepingTest}, not silently.
 */
final class StoreHousekeeping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreHousekeeping.class);

    static final Duration PERIOD = Duration.ofSeconds(1);
    /** H2's background writer compacts below 90 (its AUTO_COMPACT_FILL_RATE); lower, for fewer rewrites under load. */
    static final int TARGET_FILL_RATE = 80;
    /** Live bytes moved per round at most, so that commits waiting for the store's lock wait briefly. */
    static final int REWRITE_BYTES = 1 << 20;
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final DataSource dataSource;
    private final ScheduledExecutorService rounds;
    private boolean failing;

    private StoreHousekeeping(DataSource dataSource) {
        this.dataSource = dataSource;
        this.rounds = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tracking-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the rounds on the embedded H2 database behind {@code dataSource}. */
    static StoreHousekeeping start(DataSource dataSource) {
        StoreHousekeeping housekeeping = new StoreHousekeeping(dataSource);
        housekeeping.rounds.scheduleWithFixedDelay(housekeeping::round, PERIOD.toMillis(), PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return housekeeping;
    }

    /** The H2 store behind {@code connection}, a connection to an embedded H2 database. */
    static MVStore store(Connection connection) throws SQLException {
        SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
        return session.getDatabase().getStore().getMvStore();
    }

    /** One round; the connection held keeps the database open meanwhile. Never throws: the next round tries again. */
    private void round() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = store(connection);
            if (store.compact(TARGET_FILL_RATE, REWRITE_BYTES)) {
                store.commit();
            }
            if (failing) {
                failing = false;
                LOG.info("The tracking database's housekeeping works again");
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("The tracking database's housekeeping failed; it tries again every {} s: {}",
                        PERIOD.toSeconds(), e.toString());
            }
        }
    }

    /** Stops the rounds, waiting (bounded) for one that runs; before the database closes. */
    @Override
    public void close() {
        rounds.shutdown();
        try {
            if (!rounds.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("The tracking database's housekeeping did not stop within {} s", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
