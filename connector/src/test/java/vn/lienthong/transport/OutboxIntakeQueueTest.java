package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.Exchange;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.findings.Direction;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.TrackedDocument;

/**
 * The outbox's one thread only files each file and queues it on lienthong.outbound.intake; the consumers of that
 * queue check the files (validation, signatures, registration) side by side, and an outbox file taken twice (a crash
 * after it was queued, before it was removed) is filed and registered once.
 */
class OutboxIntakeQueueTest {

    private static final String CHECK_ROUTE = "outbound-intake-check";
    private static final int DOCUMENTS = 6;

    @TempDir
    Path root;

    private DemoNetwork network;

    @AfterEach
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void should_check_outbox_files_on_several_consumers_at_once() throws Exception {
        Overlap overlap = sendThroughIntakeWith(3, Duration.ofSeconds(30));

        assertThat(overlap.most()).as("outbox files checked at the same time").isGreaterThanOrEqualTo(2);
        assertThat(overlap.threads()).as("threads that checked outbox files").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void should_check_one_file_at_a_time_with_one_consumer() throws Exception {
        // The measure of the test above, with one consumer: it sees no overlap, so that test can fail.
        Overlap overlap = sendThroughIntakeWith(1, Duration.ofSeconds(3));

        assertThat(overlap.most()).isEqualTo(1);
        assertThat(overlap.threads()).hasSize(1);
    }

    @Test
    void should_file_and_register_once_an_outbox_file_taken_again_after_it_was_queued() throws Exception {
        network = TestNetworks.start(root, TestNetworks.fast());
        ConnectorRuntime office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
        office.camelContext().getRouteController().stopRoute(CHECK_ROUTE);
        DemoDocuments documents = new DemoDocuments(root.resolve("work"));
        Path kept = root.resolve("cv-1.edxml");
        DemoDocuments.Written written = documents.writeEdoc(kept, TestNetworks.GOVERNMENT_OFFICE,
                List.of(TestNetworks.HANOI), 1, "Về việc thử nghiệm hàng đợi tiếp nhận");
        Path outbox = office.settings().outbox();

        // Taken, filed and queued; then the same file is in the outbox again, as after a crash before its removal.
        Files.copy(kept, outbox.resolve("cv-1.edxml"));
        await().atMost(Duration.ofSeconds(20)).until(() -> office.queueDepth("lienthong.outbound.intake") == 1
                && Files.notExists(outbox.resolve("cv-1.edxml")));
        Files.copy(kept, outbox.resolve("cv-1.edxml"));
        await().atMost(Duration.ofSeconds(20)).until(() -> office.queueDepth("lienthong.outbound.intake") == 2
                && Files.notExists(outbox.resolve("cv-1.edxml")));
        assertThat(intakeItems(office)).as("filed once").hasSize(1);
        office.camelContext().getRouteController().startRoute(CHECK_ROUTE);

        await().atMost(Duration.ofSeconds(30)).until(() -> office.queueDepth("lienthong.outbound.intake") == 0
                && office.tracker().list(Direction.OUTBOUND, 10).stream()
                        .anyMatch(document -> document.state() == DocumentState.SENT));
        List<TrackedDocument> outbound = office.tracker().list(Direction.OUTBOUND, 10);
        assertThat(outbound).extracting(TrackedDocument::documentId).containsExactly(written.documentId());
        List<String> steps = office.transmissionLog().events(outbound.get(0).key().value()).stream()
                .map(LogEvent::step).toList();
        assertThat(steps).containsOnlyOnce(Steps.INTAKE_ACCEPTED, Steps.QUEUED, Steps.SENT_TO_AXIS);
        assertThat(intakeItems(office)).as("nothing left filed").isEmpty();
        assertThat(office.queueDepth("lienthong.outbound")).isZero();
    }

    /**
     * Drops {@link #DOCUMENTS} documents into the office's outbox, with {@code consumers} on the intake queue, and
     * waits until all are SENT. The first two checks wait (up to {@code patience}) until both have begun, so two
     * consumers are seen to overlap however fast a check is; one consumer goes on after waiting in vain.
     */
    private Overlap sendThroughIntakeWith(int consumers, Duration patience) throws Exception {
        Properties properties = TestNetworks.fast();
        properties.setProperty("lienthong.intake.consumers", Integer.toString(consumers));
        network = TestNetworks.start(root, properties);
        ConnectorRuntime office = network.connector(TestNetworks.GOVERNMENT_OFFICE.organId());
        Overlap overlap = new Overlap(patience);
        office.camelContext().getManagementStrategy().addEventNotifier(overlap);
        overlap.start();

        new Traffic(root.resolve("work")).send(office.settings().outbox(), TestNetworks.GOVERNMENT_OFFICE,
                TestNetworks.HANOI, 1, DOCUMENTS);

        await().atMost(Duration.ofSeconds(60)).until(() -> office.tracker().countByState(Direction.OUTBOUND)
                .getOrDefault(DocumentState.SENT, 0L) == DOCUMENTS && overlap.checked() == DOCUMENTS);
        return overlap;
    }

    private static List<Path> intakeItems(ConnectorRuntime connector) throws Exception {
        try (Stream<Path> files = Files.list(connector.settings().dataDirectory().resolve("store"))) {
            return files.filter(file -> file.getFileName().toString().startsWith("intake-")).toList();
        }
    }

    /** Checks of outbox files in progress at once, as the intake queue's route begins and ends them. */
    private static final class Overlap extends EventNotifierSupport {

        private final Duration patience;
        private final CountDownLatch firstTwo = new CountDownLatch(2);
        private final AtomicInteger inProgress = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();
        private final AtomicInteger checked = new AtomicInteger();
        private final Set<String> threads = ConcurrentHashMap.newKeySet();

        Overlap(Duration patience) {
            this.patience = patience;
        }

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.ExchangeEvent exchangeEvent
                    && CHECK_ROUTE.equals(exchangeEvent.getExchange().getFromRouteId());
        }

        @Override
        public void notify(CamelEvent event) throws Exception {
            Exchange exchange = ((CamelEvent.ExchangeEvent) event).getExchange();
            if (event instanceof CamelEvent.ExchangeCreatedEvent) {
                threads.add(Thread.currentThread().getName());
                most.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
                firstTwo.countDown();
                firstTwo.await(patience.toMillis(), TimeUnit.MILLISECONDS);
            } else if (event instanceof CamelEvent.ExchangeCompletedEvent || event instanceof CamelEvent.ExchangeFailedEvent) {
                inProgress.decrementAndGet();
                if (exchange.getException() == null) {
                    checked.incrementAndGet();
                }
            }
        }

        int most() {
            return most.get();
        }

        Set<String> threads() {
            return threads;
        }

        int checked() {
            return checked.get();
        }
    }
}
