package vn.lienthong.tracking;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes the transmission log of a database: group commit.
 *
 * <p>Callers hand it hops ({@link TransmissionLog#hop}; a plain append is a hop with one entry) and wait. It takes
 * everything waiting, locks the log_head row, runs the hops one after another in one transaction (each assigning its
 * entries the next sequence numbers and chain hashes, in order), inserts all entries in one JDBC batch, moves the
 * head once, commits once, and only then completes each caller. With WRITE_DELAY=0 that commit is in the file before
 * anyone is told, as before; but one commit, the expensive part, now serves every hop that waited meanwhile.
 *
 * <p>Failures:
 * <ul>
 *   <li>A hop that throws is rolled back to its savepoint, its entries are taken back (the next hop gets its
 *       sequence numbers), and that caller alone gets the exception.</li>
 *   <li>Anything that fails the batch (the head lock, the insert, the commit) rolls the whole transaction back and
 *       fails every caller in it: nothing of the batch is written, so nothing is half-written.</li>
 *   <li>The loop catches everything, so the writer never dies silently; if its thread ends anyway, it refuses
 *       further work and fails what was waiting, rather than leaving callers waiting for ever.</li>
 *   <li>{@link #close()} refuses new work, then finishes everything already handed in.</li>
 * </ul>
 * The head row stays locked for the batch, so several connectors sharing one PostgreSQL still form one chain.
 */
final class LogWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    /** Bounds one transaction's size; more waiting simply goes in the next batch. */
    private static final int MAX_BATCH = 512;
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final DataSource dataSource;
    private final BlockingQueue<Request<?>> waiting = new LinkedBlockingQueue<>();
    private final Object admission = new Object();
    private final Thread thread;
    private boolean refusing;

    LogWriter(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code work} in the next batch; returns its result once the batch is committed. */
    <T> T submit(Clock clock, Function<Hop, T> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("a hop must not wait for the log writer that runs it; append through the Hop");
        }
        Request<T> request = new Request<>(clock, work);
        synchronized (admission) {
            if (refusing) {
                throw new TrackingException("the transmission log is closed: it takes no more entries", null);
            }
            waiting.add(request);
        }
        return request.outcome();
    }

    /** How many hops wait for the next batch (not counting the one being written). */
    int waiting() {
        return waiting.size();
    }

    /** Refuses new work, finishes what was handed in, and waits (bounded) for the thread to end. */
    @Override
    public void close() {
        synchronized (admission) {
            if (refusing) {
                return;
            }
            refusing = true;
            waiting.add(Request.END);
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("The transmission log writer did not finish its last batch within {} s", CLOSE_WAIT_SECONDS);
        }
    }

    private void run() {
        try {
            boolean ending = false;
            while (!ending) {
                List<Request<?>> batch = new ArrayList<>();
                batch.add(takeUninterruptibly());
                waiting.drainTo(batch, MAX_BATCH - 1);
                ending = batch.remove(Request.END);
                try {
                    if (!batch.isEmpty()) {
                        write(batch);
                    }
                } catch (Throwable unexpected) { // the writer must outlive anything, or callers wait for ever
                    LOG.error("The transmission log writer failed a batch of {} unexpectedly", batch.size(), unexpected);
                    failAll(batch, unexpected);
                }
            }
        } finally {
            List<Request<?>> left = new ArrayList<>();
            synchronized (admission) {
                refusing = true;
                waiting.drainTo(left);
            }
            left.remove(Request.END);
            failAll(left, new IllegalStateException("the transmission log writer has stopped"));
        }
    }

    private Request<?> takeUninterruptibly() {
        while (true) {
            try {
                return waiting.take();
            } catch (InterruptedException e) {
                // Nobody but this class may stop the writer: it ends only at close(), after the last batch.
                LOG.warn("The transmission log writer ignores an interrupt; it stops at close()");
            }
        }
    }

    private void write(List<Request<?>> batch) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Chain chain = new Chain(lockHead(connection));
                for (Request<?> request : batch) {
                    request.runIn(connection, chain);
                }
                if (!chain.pending.isEmpty()) {
                    insert(connection, chain.pending);
                    moveHead(connection, chain.sequence, chain.hash);
                }
                connection.commit();
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                failAll(batch, e);
                return;
            } finally {
                try {
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException ignored) {
                    // the pool discards or resets the connection on close
                }
            }
        } catch (SQLException e) {
            failAll(batch, e); // no connection, or it would not close: nothing was committed before this point
            return;
        }
        for (Request<?> request : batch) {
            request.committed();
        }
    }

    private static void failAll(List<Request<?>> batch, Throwable cause) {
        TrackingException failure = new TrackingException("could not commit a batch of " + batch.size()
                + " transmission log hops; none of them was written", cause);
        for (Request<?> request : batch) {
            request.failed(failure);
        }
    }

    /**
     * Locks the head row until the transaction ends and reads it. The lock is taken by an UPDATE that changes nothing
     * rather than by SELECT ... FOR UPDATE: both lock the row in H2 and PostgreSQL, but H2 never keeps a FOR UPDATE
     * query in its session's cache of parsed statements, so that form was parsed again at every batch (1.2% of each
     * connector's samples under load).
     */
    static Head lockHead(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "UPDATE log_head SET last_sequence = last_sequence WHERE id = 1")) {
            if (lock.executeUpdate() != 1) {
                throw new SQLException("the log head row is missing; the schema was not applied");
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_sequence, last_hash FROM log_head WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("the log head row is missing; the schema was not applied");
            }
            return new Head(row.getLong("last_sequence"), row.getString("last_hash"));
        }
    }

    private static void insert(Connection connection, List<LogEvent> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO transmission_log ("
                + TransmissionLog.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (LogEvent e : events) {
                insert.setLong(1, e.sequence());
                Jdbc.setInstant(insert, 2, e.time());
                insert.setString(3, e.documentKey());
                insert.setString(4, e.step());
                insert.setString(5, e.outcome());
                insert.setInt(6, e.attempt());
                insert.setString(7, e.contentHash());
                insert.setString(8, e.detail());
                insert.setString(9, e.previousHash());
                insert.setString(10, e.entryHash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void moveHead(Connection connection, long sequence, String hash) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE log_head SET last_sequence = ?, last_hash = ? WHERE id = 1")) {
            update.setLong(1, sequence);
            update.setString(2, hash);
            update.executeUpdate();
        }
    }

    record Head(long sequence, String hash) {
    }

    /** The chain as this batch extends it: the entries not yet inserted, and the sequence and hash of the last. */
    static final class Chain {

        private static final int DETAIL_LENGTH = 2000;

        private final List<LogEvent> pending = new ArrayList<>();
        private long sequence;
        private String hash;

        Chain(Head head) {
            this.sequence = head.sequence();
            this.hash = head.hash();
        }

        /** The time is read in sequence order, so times follow sequence order on one clock. */
        LogEvent append(Clock clock, String documentKey, String step, String outcome, int attempt, String contentHash,
                String detail) {
            java.util.Objects.requireNonNull(step, "step");
            java.util.Objects.requireNonNull(outcome, "outcome");
            // A detail longer than the column is cut before hashing, so the stored entry is exactly what was hashed.
            String fittedDetail = Jdbc.fit(detail, DETAIL_LENGTH);
            Instant time = Jdbc.toMillis(clock.instant());
            long next = sequence + 1;
            String entryHash = LogEntryHash.of(next, time, documentKey, step, outcome, attempt, contentHash,
                    fittedDetail, hash);
            LogEvent event = new LogEvent(next, time, documentKey, step, outcome, attempt, contentHash, fittedDetail,
                    hash, entryHash);
            pending.add(event);
            sequence = next;
            hash = entryHash;
            return event;
        }

        private int size() {
            return pending.size();
        }

        /** Takes back what a failed hop appended: the chain is again as it was before that hop. */
        private void rewind(int size, long sequenceBefore, String hashBefore) {
            pending.subList(size, pending.size()).clear();
            sequence = sequenceBefore;
            hash = hashBefore;
        }
    }

    private static final class Request<T> {

        static final Request<Void> END = new Request<>(null, hop -> null);

        private final Clock clock;
        private final Function<Hop, T> work;
        private final CompletableFuture<T> outcome = new CompletableFuture<>();
        private T result;
        private RuntimeException failure;

        Request(Clock clock, Function<Hop, T> work) {
            this.clock = clock;
            this.work = work;
        }

        /**
         * Runs the work as one hop of the batch. Its own failure is rolled back to the hop's savepoint and kept for
         * its caller; a failure to roll back is the batch's.
         */
        void runIn(Connection connection, Chain chain) throws SQLException {
            long sequenceBefore = chain.sequence;
            String hashBefore = chain.hash;
            int pendingBefore = chain.size();
            Hop hop = new Hop(connection, chain, clock);
            try {
                result = work.apply(hop);
            } catch (RuntimeException e) {
                failure = e;
                Savepoint start = hop.start();
                if (start != null) {
                    connection.rollback(start);
                }
                chain.rewind(pendingBefore, sequenceBefore, hashBefore);
            } finally {
                hop.end();
            }
        }

        void committed() {
            if (failure != null) {
                outcome.completeExceptionally(failure);
            } else {
                outcome.complete(result);
            }
        }

        void failed(RuntimeException batchFailure) {
            outcome.completeExceptionally(batchFailure);
        }

        /** Waits for the batch, uninterruptibly: once handed in, the work may be committed whatever the caller does. */
        T outcome() {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return outcome.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        throw rethrown(e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The writer's exception, with this caller's stack added where its type allows. */
        private static RuntimeException rethrown(Throwable cause) {
            if (cause instanceof TrackingException tracking) {
                return new TrackingException(tracking.getMessage(), tracking);
            }
            if (cause instanceof RuntimeException runtime) {
                return runtime;
            }
            return new TrackingException("the transmission log writer failed", cause);
        }
    }
}
