package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.tracking.TrackingFixtures.CLOCK;
import static vn.lienthong.tracking.TrackingFixtures.storeFigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one writer that group-commits the transmission log and runs hops (see {@link LogWriter}). */
class LogWriterTest {

    @TempDir
    Path dataDirectory;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(16);

    @AfterEach
    void close() throws Exception {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void should_chain_appends_from_many_threads_into_one_contiguous_exact_log_in_fewer_commits() throws Exception {
        TrackingDatabase database = TrackingDatabase.openH2(dataDirectory);
        opened.add(database);
        TransmissionLog log = new TransmissionLog(database, CLOCK);
        long versionBefore = storeFigure(database, "info.CURRENT_VERSION");
        int appends = 16 * 100;

        List<LogEvent> returned = appendAtOnce(List.of(log), 16, 100);

        assertOneExactChain(log, returned, appends);
        assertThat(storeFigure(database, "info.CURRENT_VERSION") - versionBefore).as("commits, group-committed")
                .isLessThan(appends);
    }

    @Test
    void should_keep_one_exact_chain_when_two_writers_share_the_database() throws Exception {
        // As two connectors sharing one PostgreSQL: each has its own writer, and only the head row's lock orders their
        // batches; without it both would chain onto the same head.
        JdbcConnectionPool pool = JdbcConnectionPool.create(TrackingDatabase.h2Url(dataDirectory), "sa", "");
        TrackingDatabase first = TrackingDatabase.open(pool);
        TrackingDatabase second = TrackingDatabase.open(pool);
        opened.add(first);
        opened.add(second);
        opened.add(pool::dispose);
        List<TransmissionLog> logs = List.of(new TransmissionLog(first, CLOCK), new TransmissionLog(second, CLOCK));

        List<LogEvent> returned = appendAtOnce(logs, 8, 100);

        assertOneExactChain(logs.get(0), returned, 8 * 100);
        assertThat(logs.get(1).head()).isEqualTo(logs.get(0).head());
    }

    /** {@code threadCount} threads append {@code each} entries at once, taking turns over {@code logs}; what they got. */
    private List<LogEvent> appendAtOnce(List<TransmissionLog> logs, int threadCount, int each) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<LogEvent>>> done = new ArrayList<>();
        for (int thread = 0; thread < threadCount; thread++) {
            TransmissionLog log = logs.get(thread % logs.size());
            int number = thread;
            done.add(threads.submit(() -> {
                start.await();
                List<LogEvent> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    mine.add(log.append(null, "step", "ok", 1, null, "thread " + number + " entry " + i));
                }
                return mine;
            }));
        }
        start.countDown();
        List<LogEvent> returned = new ArrayList<>();
        for (Future<List<LogEvent>> thread : done) {
            returned.addAll(thread.get(2, TimeUnit.MINUTES));
        }
        return returned;
    }

    /** The log holds exactly {@code appends} entries, numbered from 1 without a gap, each as its caller got it, chained. */
    private static void assertOneExactChain(TransmissionLog log, List<LogEvent> returned, int appends) {
        List<LogEvent> stored = log.all(1, appends + 10);
        assertThat(stored).extracting(LogEvent::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, appends).boxed().toList());
        assertThat(stored).as("each caller got its entry exactly as stored").containsExactlyInAnyOrderElementsOf(returned);
        assertThat(log.verify().intact()).isTrue();
        assertThat(log.head()).isEqualTo(new TransmissionLog.Head(appends, stored.get(appends - 1).entryHash()));
    }

    @Test
    void should_fail_every_caller_of_a_failed_batch_and_leave_no_entry_of_it() throws Exception {
        FailingCommits failing = new FailingCommits(dataDirectory);
        TrackingDatabase database = TrackingDatabase.open(failing.dataSource());
        opened.add(database);
        opened.add(failing);
        TransmissionLog log = new TransmissionLog(database, CLOCK);
        LogEvent before = log.append(null, "step", "ok", 1, null, "before");

        // Hold the writer in a hop so that the appends below wait together and go in the next batch, as one.
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> held = threads.submit(() -> log.hop(hop -> {
            holding.countDown();
            awaitQuietly(release);
            return null;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<LogEvent>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int number = i;
            batch.add(threads.submit(() -> log.append(null, "step", "ok", 1, null, "in the failed batch " + number)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> database.logWriter().waiting() == 5);
        failing.failNextCommitAfter(1); // the holding hop's batch commits; the next one, the five appends, fails
        release.countDown();
        held.get(10, TimeUnit.SECONDS);

        for (Future<LogEvent> caller : batch) {
            assertThatThrownBy(() -> caller.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("commit refused by the test");
        }
        assertThat(log.head()).isEqualTo(new TransmissionLog.Head(1, before.entryHash()));
        assertThat(log.all(1, 10)).containsExactly(before);
        LogEvent after = log.append(null, "step", "ok", 1, null, "after");
        assertThat(after.sequence()).isEqualTo(2);
        assertThat(after.previousHash()).isEqualTo(before.entryHash());
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void should_undo_only_the_hop_that_failed_and_commit_the_others_of_its_batch() throws Exception {
        TrackingDatabase database = TrackingDatabase.openH2(dataDirectory);
        opened.add(database);
        TransmissionLog log = new TransmissionLog(database, CLOCK);
        DocumentTracker tracker = new DocumentTracker(database, CLOCK);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> held = threads.submit(() -> log.hop(hop -> {
            holding.countDown();
            awaitQuietly(release);
            return null;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Boolean> failed = threads.submit(() -> log.hop(hop -> {
            hop.register(TrackingFixtures.outbound("failed-1"));
            hop.append(TrackingFixtures.key("failed-1").value(), "intake", "ok", 1, null, null);
            throw new IllegalStateException("this hop fails");
        }));
        Future<Boolean> kept = threads.submit(() -> log.hop(hop -> {
            boolean registered = hop.register(TrackingFixtures.outbound("kept-1"));
            hop.append(TrackingFixtures.key("kept-1").value(), "intake", "ok", 1, null, null);
            return registered;
        }));
        release.countDown();
        held.get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("this hop fails");
        assertThat(kept.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(tracker.find(TrackingFixtures.key("failed-1"))).isEmpty();
        assertThat(tracker.find(TrackingFixtures.key("kept-1"))).isPresent();
        assertThat(log.all(1, 10)).singleElement().satisfies(entry -> {
            assertThat(entry.sequence()).isEqualTo(1);
            assertThat(entry.documentKey()).isEqualTo(TrackingFixtures.key("kept-1").value());
        });
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void should_say_a_replayed_hop_changes_nothing_and_keep_its_transaction_going() {
        TrackingDatabase database = TrackingDatabase.openH2(dataDirectory);
        opened.add(database);
        TransmissionLog log = new TransmissionLog(database, CLOCK);
        DocumentTracker tracker = new DocumentTracker(database, CLOCK);
        ProcessedMarks marks = new ProcessedMarks(database, CLOCK);
        DocumentKey key = TrackingFixtures.key("replayed-1");
        RecipientStatus sent = new RecipientStatus("000.00.01.H29", "sent", "sent", TrackingFixtures.NOW);
        List<Boolean> first = log.hop(hop -> List.of(hop.register(TrackingFixtures.outbound("replayed-1")),
                hop.mark(key, "sent-to-axis", "doc-1"), hop.advance(key, DocumentState.SENT, null),
                hop.addRecipientStatus(key, sent)));
        List<Boolean> replay = log.hop(hop -> {
            List<Boolean> results = List.of(hop.register(TrackingFixtures.outbound("replayed-1")),
                    hop.mark(key, "sent-to-axis", "doc-2"), hop.advance(key, DocumentState.SENT, null),
                    hop.addRecipientStatus(key, sent));
            hop.recordAxisDocId(key, "doc-1");
            return results;
        });

        assertThat(first).containsExactly(true, true, true, true);
        assertThat(replay).containsExactly(false, false, false, false);
        assertThat(marks.detail(key, "sent-to-axis")).contains("doc-1");
        assertThat(tracker.find(key).orElseThrow().axisDocId()).isEqualTo("doc-1");
        assertThat(tracker.timeline(key)).hasSize(1);
    }

    @Test
    void should_refuse_an_unknown_document_in_a_hop_and_write_nothing_of_it() {
        TrackingDatabase database = TrackingDatabase.openH2(dataDirectory);
        opened.add(database);
        TransmissionLog log = new TransmissionLog(database, CLOCK);
        DocumentKey unknown = TrackingFixtures.key("unknown-1");

        assertThatThrownBy(() -> log.hop(hop -> {
            hop.append(unknown.value(), "sent-to-axis", "ok", 1, null, null);
            return hop.advance(unknown, DocumentState.SENT, null);
        })).isInstanceOf(TrackingException.class).hasMessageContaining("no tracked document has the key");
        assertThat(log.head().sequence()).isZero();
    }

    @Test
    void should_refuse_an_append_from_inside_a_hop_rather_than_wait_for_itself() {
        TrackingDatabase database = TrackingDatabase.openH2(dataDirectory);
        opened.add(database);
        TransmissionLog log = new TransmissionLog(database, CLOCK);

        assertThatThrownBy(() -> log.hop(hop -> log.append(null, "step", "ok", 1, null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("append through the Hop");
        assertThat(log.head().sequence()).isZero();
    }

    @Test
    void should_refuse_appends_after_shutdown_with_a_clear_error() {
        TrackingDatabase database = TrackingDatabase.openH2(dataDirectory);
        TransmissionLog log = new TransmissionLog(database, CLOCK);
        log.append(null, "step", "ok", 1, null, "before");
        database.close();

        assertThatThrownBy(() -> log.append(null, "step", "ok", 1, null, "after"))
                .isInstanceOf(TrackingException.class)
                .hasMessageContaining("could not append step step")
                .rootCause().hasMessageContaining("closed");
        assertThatThrownBy(() -> log.hop(hop -> null)).isInstanceOf(TrackingException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void should_finish_the_appends_handed_in_before_shutdown() throws Exception {
        TrackingDatabase database = TrackingDatabase.openH2(dataDirectory);
        TransmissionLog log = new TransmissionLog(database, CLOCK);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Object> held = threads.submit(() -> log.hop(hop -> {
            holding.countDown();
            awaitQuietly(release);
            return null;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<LogEvent>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(threads.submit(() -> log.append(null, "step", "ok", 1, null, "handed in")));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> database.logWriter().waiting() == 5);
        Future<?> closing = threads.submit(database::close);
        release.countDown();
        held.get(10, TimeUnit.SECONDS);
        closing.get(30, TimeUnit.SECONDS);

        for (Future<LogEvent> append : waiting) {
            assertThat(append.get(10, TimeUnit.SECONDS).sequence()).isBetween(1L, 5L);
        }
        try (TrackingDatabase reopened = TrackingDatabase.openH2(dataDirectory)) {
            TransmissionLog again = new TransmissionLog(reopened, CLOCK);
            assertThat(again.head().sequence()).isEqualTo(5);
            assertThat(again.verify().intact()).isTrue();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the writer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An H2 pool whose connections refuse one chosen commit, as a full disk or a lost connection would. */
    private static final class FailingCommits implements AutoCloseable {

        private final JdbcConnectionPool pool;
        private final AtomicInteger commitsUntilFailure = new AtomicInteger(-1);
        private final AtomicBoolean failed = new AtomicBoolean();

        FailingCommits(Path dataDirectory) {
            this.pool = JdbcConnectionPool.create(TrackingDatabase.h2Url(dataDirectory), "sa", "");
        }

        /** Lets {@code commits} more commits through, then refuses the next one. */
        void failNextCommitAfter(int commits) {
            commitsUntilFailure.set(commits);
        }

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                        Object result = invoke(pool, method, args);
                        return result instanceof Connection connection ? failing(connection) : result;
                    });
        }

        private Connection failing(Connection connection) {
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("commit") && commitsUntilFailure.get() >= 0
                                && commitsUntilFailure.getAndDecrement() == 0 && failed.compareAndSet(false, true)) {
                            throw new SQLException("commit refused by the test");
                        }
                        return invoke(connection, method, args);
                    });
        }

        private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public void close() {
            pool.dispose();
        }
    }
}
