package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.axis.HashFile;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.delivery.DmsDelivery;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.metrics.FlowMetrics;
import vn.lienthong.simulator.AxisSimulator;
import vn.lienthong.tracking.DocumentFindings;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.DocumentTracker;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.ProcessedMarks;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.tracking.TrackingDatabase;
import vn.lienthong.tracking.TransmissionLog;

/**
 * The QUEUED step is recorded once per document, before the steps that follow it, whichever comes first: the one who
 * queued the key (after the broker has it) or the queue's consumer, which may take the key and move the document on
 * in between. Here the consumers (the axis sender, the delivery to the DMS) take keys whose QUEUED step is not yet
 * recorded, as the flows' consumers do when they are quicker than the intake that queued them.
 */
class QueuedStepTest {

    private static final String OFFICE_SECRET = "office-secret-for-the-queued-test";
    private static final String HANOI_SECRET = "hanoi-secret-for-the-queued-test";
    private static final Clock CLOCK = Clock.systemUTC();

    @TempDir
    Path root;

    private TrackingDatabase database;
    private DocumentTracker tracker;
    private TransmissionLog log;
    private DocumentStore store;
    private final CountingMetrics metrics = new CountingMetrics();

    @BeforeEach
    void open() throws Exception {
        database = TrackingDatabase.openH2(root.resolve("db"));
        tracker = new DocumentTracker(database, CLOCK);
        log = new TransmissionLog(database, CLOCK);
        store = new DocumentStore(root.resolve("store"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void should_record_queued_first_and_once_when_the_sender_takes_the_key_before_the_intake_recorded_it()
            throws Exception {
        try (AxisSimulator axis = startAxis(); AxisClient client = client(axis)) {
            DocumentKey key = stored(Direction.OUTBOUND, 1);
            sender(client).send(key.value(), 1);
            // The intake, back from the queue's send only now: the step is recorded already.
            assertThat(QueuedStep.outbound(log, metrics, key)).as("the intake's late QUEUED moves nothing").isFalse();

            assertThat(steps(key)).containsExactly(Steps.QUEUED, Steps.SENT_TO_AXIS);
            assertThat(metrics.count(Direction.OUTBOUND, "queued")).isEqualTo(1);
            assertThat(tracker.find(key).orElseThrow().state()).isEqualTo(DocumentState.SENT);
        }
    }

    @Test
    void should_add_no_second_queued_step_when_the_intake_recorded_it_before_the_sender_took_the_key() throws Exception {
        try (AxisSimulator axis = startAxis(); AxisClient client = client(axis)) {
            DocumentKey key = stored(Direction.OUTBOUND, 2);
            assertThat(QueuedStep.outbound(log, metrics, key)).isTrue();
            sender(client).send(key.value(), 1);

            assertThat(steps(key)).containsExactly(Steps.QUEUED, Steps.SENT_TO_AXIS);
            assertThat(metrics.count(Direction.OUTBOUND, "queued")).isEqualTo(1);
        }
    }

    @Test
    void should_record_queued_first_and_once_when_the_delivery_takes_the_key_before_it_was_recorded() throws Exception {
        DocumentKey key = stored(Direction.INBOUND, 3);
        Path inbox = Files.createDirectories(root.resolve("inbox"));
        DmsDelivery delivery = new DmsDelivery(store, tracker, new DocumentFindings(database),
                new ProcessedMarks(database, CLOCK), log, ClientRegistry.empty(), Map.of(), inbox,
                Files.createDirectories(root.resolve("status")), 3, metrics);

        assertThat(delivery.clientsOf(key.value())).as("no DMS client: delivered into the inbox folder").isEmpty();
        // Whoever queued it (an operator's release of a held package), back from the queue's send only now.
        assertThat(QueuedStep.inbound(log, key)).isFalse();

        assertThat(steps(key)).containsExactly(Steps.QUEUED, Steps.DELIVERED_TO_DMS);
        assertThat(tracker.find(key).orElseThrow().state()).isEqualTo(DocumentState.DELIVERED);
        try (var delivered = Files.list(inbox)) {
            assertThat(delivered).hasSize(1);
        }
    }

    /** A document from the Government Office to Hanoi, filed in the store and tracked as RECEIVED (not yet QUEUED). */
    private DocumentKey stored(Direction direction, int number) throws Exception {
        DemoDocuments.Written written = new DemoDocuments(Files.createDirectories(root.resolve("work-" + number)))
                .writeEdoc(root.resolve("cv-" + number + ".edxml"), TestNetworks.GOVERNMENT_OFFICE,
                        List.of(TestNetworks.HANOI), number, "Về việc kiểm thử " + number);
        String sha256 = HashFile.paddedForm(HashFile.sha256(written.file()));
        String sender = TestNetworks.GOVERNMENT_OFFICE.organId();
        DocumentKey key = DocumentKey.of(sender, written.documentId(), sha256);
        store.keep(written.file(), key.value());
        tracker.register(new TrackedDocument(key, direction, "edoc", sender, List.of(TestNetworks.HANOI.organId()),
                written.documentId(), number + "/VPCP", sha256, null, DocumentState.RECEIVED, null, null, null));
        return key;
    }

    private AxisSender sender(AxisClient client) {
        return new AxisSender(client, store, tracker, new ProcessedMarks(database, CLOCK), log, 3, CLOCK, metrics);
    }

    private List<String> steps(DocumentKey key) {
        return log.events(key.value()).stream().map(LogEvent::step).toList();
    }

    private AxisSimulator startAxis() throws Exception {
        return TestNetworks.startAxis(root.resolve("axis"), OFFICE_SECRET, HANOI_SECRET);
    }

    private static AxisClient client(AxisSimulator axis) {
        return TestNetworks.axisClient(axis, "vpcp.test", OFFICE_SECRET);
    }

    /** Counts each (direction, stage) reported ok. */
    private static final class CountingMetrics implements FlowMetrics {

        private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

        @Override
        public void stage(Direction direction, String stage, String outcome, Duration took) {
            if ("ok".equals(outcome)) {
                counts.computeIfAbsent(direction + "/" + stage, name -> new LongAdder()).increment();
            }
        }

        @Override
        public void reached(Direction direction, String stage, Instant takenIn) {
        }

        @Override
        public void axisCall(String call, String outcome, Duration took) {
        }

        long count(Direction direction, String stage) {
            LongAdder count = counts.get(direction + "/" + stage);
            return count == null ? 0 : count.sum();
        }
    }
}
