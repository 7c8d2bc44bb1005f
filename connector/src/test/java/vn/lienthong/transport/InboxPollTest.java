package vn.lienthong.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.axis.AxisClient;
import vn.lienthong.config.ConnectorProperties;
import vn.lienthong.demo.DemoDocuments;
import vn.lienthong.edxml.MessageType;
import vn.lienthong.findings.Direction;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.runtime.ConnectorSettings;
import vn.lienthong.simulator.AxisSimulator;
import vn.lienthong.tracking.DocumentState;

/**
 * The inbox poll: packages waiting on the axis are fetched several at once, and polled for again at once while they
 * wait, without waiting for the poll interval; every package is acknowledged only once it is on our queue; a package
 * whose fetch fails stays on the axis without holding back the others, and the poll then waits its interval; while
 * packages keep coming the axis is listed at the short busy delay, and at the interval once they stop.
 */
class InboxPollTest {

    private static final String OFFICE_SECRET = "office-secret-for-the-poll-test";
    private static final String HANOI_SECRET = "hanoi-secret-for-the-poll-test";

    @TempDir
    Path root;

    @Test
    void should_collect_thirty_waiting_packages_back_to_back_and_acknowledge_each_only_once_queued() throws Exception {
        try (AxisSimulator axis = startAxis()) {
            List<String> documentIds = putOnAxis(axis, 1, 30, new ArrayList<>());
            // A minute between polls, and at most 10 packages per poll: all 30 arrive soon only if the poll goes on
            // at once after each poll that collected something.
            Properties properties = hanoiProperties(axis, Duration.ofMinutes(1), Duration.ZERO);
            properties.setProperty("lienthong.axis.max-per-poll", "10");
            try (ConnectorRuntime hanoi = startHanoi(properties, 910)) {
                AtomicLong worstAhead = new AtomicLong(Long.MIN_VALUE);
                await("all 30 collected and delivered well before the one-minute poll interval")
                        .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
                            // In this order: a package leaves our queue only once it is tracked, so it is counted
                            // at least once, never missed, between the two readings.
                            long acknowledged = axis.stats().packagesAcknowledged();
                            long ours = hanoi.queueDepth("lienthong.inbound") + tracked(hanoi);
                            worstAhead.accumulateAndGet(acknowledged - ours, Math::max);
                            return acknowledged == 30 && delivered(hanoi) == 30;
                        });
                assertThat(worstAhead.get()).as("packages acknowledged on the axis but neither on our queue nor tracked")
                        .isLessThanOrEqualTo(0);
                assertThat(axis.stats().packagesFetched()).isGreaterThanOrEqualTo(30);
                assertThat(Traffic.deliveriesByDocumentId(hanoi.settings().inbox()))
                        .isEqualTo(documentIds.stream().collect(Collectors.toMap(id -> id, id -> 1)));

                // With the list empty the poll goes back to its interval: it stops asking the axis (no busy loop),
                // and a package that arrives now waits for the next list, a minute away.
                InboxPoller poller = poller(hanoi);
                long lists = awaitNoList(poller);
                assertThat(lists).as("lists asked: at least 3 polls of 10, back to back").isGreaterThanOrEqualTo(3);
                putOnAxis(axis, 31, 1, new ArrayList<>());
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .until(() -> axis.stats().packagesAcknowledged() == 30 && poller.lists() == lists);
            }
        }
    }

    @Test
    void should_collect_the_others_when_one_fetch_fails_and_that_one_once_it_can_be_fetched() throws Exception {
        try (AxisSimulator axis = startAxis()) {
            List<Path> stored = new ArrayList<>();
            List<String> documentIds = putOnAxis(axis, 1, 10, stored);
            // The fourth package's bytes disappear from the axis's storage: fetching it fails, every time.
            Path aside = Files.move(stored.get(3), root.resolve("aside.edxml"));
            try (ConnectorRuntime hanoi = startHanoi(hanoiProperties(axis, Duration.ofSeconds(3), Duration.ZERO), 911)) {
                await("the nine others collected and delivered").atMost(Duration.ofSeconds(30))
                        .until(() -> delivered(hanoi) == 9);
                assertThat(axis.stats().packagesAcknowledged()).isEqualTo(9);
                try (AxisClient asHanoi = client(axis, "hanoi.test", HANOI_SECRET)) {
                    assertThat(asHanoi.getReceivedEdocList(MessageType.EDOC)).as("still waiting on the axis")
                            .hasSize(1);
                }
                // A poll that collected nothing waits its interval: no busy loop on the package that fails.
                awaitNoList(poller(hanoi));

                Files.move(aside, stored.get(3), StandardCopyOption.ATOMIC_MOVE);
                await("the tenth collected at a later poll").atMost(Duration.ofSeconds(30))
                        .until(() -> delivered(hanoi) == 10 && axis.stats().packagesAcknowledged() == 10);
                assertThat(Traffic.deliveriesByDocumentId(hanoi.settings().inbox()))
                        .isEqualTo(documentIds.stream().collect(Collectors.toMap(id -> id, id -> 1)));
            }
        }
    }

    @Test
    void should_list_at_the_busy_delay_while_packages_come_and_at_the_interval_once_they_stop() throws Exception {
        try (AxisSimulator axis = startAxis()) {
            putOnAxis(axis, 1, 1, new ArrayList<>());
            // A minute between lists when idle; 200 ms while a package came within the last 10 seconds.
            Properties properties = hanoiProperties(axis, Duration.ofMinutes(1), Duration.ofSeconds(10));
            properties.setProperty("lienthong.axis.busy-poll-delay-ms", "200");
            try (ConnectorRuntime hanoi = startHanoi(properties, 912)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> axis.stats().packagesAcknowledged() == 1);
                // Traffic is flowing: the next package is listed within the busy delay, not a minute later.
                putOnAxis(axis, 2, 1, new ArrayList<>());
                await("the second package, within the busy window").atMost(Duration.ofSeconds(5))
                        .until(() -> axis.stats().packagesAcknowledged() == 2);
                // Once nothing has come for the busy window, the lists stop until the interval.
                InboxPoller poller = poller(hanoi);
                long lists = awaitNoList(poller);
                putOnAxis(axis, 3, 1, new ArrayList<>());
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .until(() -> axis.stats().packagesAcknowledged() == 2 && poller.lists() == lists);
                await().atMost(Duration.ofSeconds(30)).until(() -> delivered(hanoi) == 2);
            }
        }
    }

    /** Waits until the poll has asked the axis nothing for two seconds; returns how many lists it asked until then. */
    private static long awaitNoList(InboxPoller poller) {
        AtomicLong seen = new AtomicLong(-1);
        await("no list asked of the axis for two seconds").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30))
                .until(() -> seen.getAndSet(poller.lists()) == poller.lists());
        return poller.lists();
    }

    private static InboxPoller poller(ConnectorRuntime connector) {
        return connector.camelContext().getRegistry().lookupByNameAndType("inboxPoller", InboxPoller.class);
    }

    private AxisSimulator startAxis() throws IOException {
        return TestNetworks.startAxis(root.resolve("axis"), OFFICE_SECRET, HANOI_SECRET);
    }

    /**
     * Sends {@code count} documents from the Government Office to Hanoi straight to the axis, one by one; adds the
     * file the axis stored each in to {@code stored}. Returns their DocumentIds.
     */
    private List<String> putOnAxis(AxisSimulator axis, int firstNumber, int count, List<Path> stored) throws Exception {
        DemoDocuments documents = new DemoDocuments(Files.createDirectories(root.resolve("work-" + firstNumber)));
        Path packages = axis.storageDirectory().resolve("packages");
        List<String> documentIds = new ArrayList<>();
        try (AxisClient office = client(axis, "vpcp.test", OFFICE_SECRET)) {
            for (int number = firstNumber; number < firstNumber + count; number++) {
                DemoDocuments.Written written = documents.writeEdoc(root.resolve("cv-" + number + ".edxml"),
                        TestNetworks.GOVERNMENT_OFFICE, List.of(TestNetworks.HANOI), number, "Về việc kiểm thử " + number);
                Set<Path> before = files(packages);
                office.sendEdoc(written.file(), TestNetworks.GOVERNMENT_OFFICE.organId(), MessageType.EDOC,
                        List.of(TestNetworks.HANOI.organId()));
                Set<Path> after = files(packages);
                after.removeAll(before);
                assertThat(after).as("the file the axis stored package " + number + " in").hasSize(1);
                stored.add(after.iterator().next());
                documentIds.add(written.documentId());
            }
        }
        return documentIds;
    }

    private static Set<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.collect(Collectors.toSet());
        }
    }

    private static AxisClient client(AxisSimulator axis, String systemId, String secret) {
        return TestNetworks.axisClient(axis, systemId, secret);
    }

    private Properties hanoiProperties(AxisSimulator axis, Duration pollInterval, Duration busyWindow)
            throws IOException {
        Properties properties = ConnectorProperties.load(null);
        properties.putAll(TestNetworks.fast());
        properties.setProperty("lienthong.data.directory", root.resolve("hanoi").toString());
        properties.setProperty("lienthong.axis.endpoint", axis.endpoint().toString());
        properties.setProperty("lienthong.axis.system-id", "hanoi.test");
        properties.setProperty("lienthong.axis.poll-interval-ms", Long.toString(pollInterval.toMillis()));
        properties.setProperty("lienthong.axis.fetchers", "4");
        properties.setProperty("lienthong.axis.busy-window-ms", Long.toString(busyWindow.toMillis()));
        return properties;
    }

    private static ConnectorRuntime startHanoi(Properties properties, int brokerVmId) throws Exception {
        return ConnectorRuntime.start(ConnectorSettings.from(properties, HANOI_SECRET, brokerVmId));
    }

    private static long tracked(ConnectorRuntime connector) {
        return connector.tracker().countByState(Direction.INBOUND).values().stream().mapToLong(Long::longValue).sum();
    }

    private static long delivered(ConnectorRuntime connector) {
        return connector.tracker().countByState(Direction.INBOUND).getOrDefault(DocumentState.DELIVERED, 0L);
    }
}
