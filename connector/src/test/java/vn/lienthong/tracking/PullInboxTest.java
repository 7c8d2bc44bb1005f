package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.tracking.TrackingFixtures.NOW;
import static vn.lienthong.tracking.TrackingFixtures.key;
import static vn.lienthong.tracking.TrackingFixtures.rowsRead;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox of a pulling client: what waits, oldest first, a page at a time, however much it took before. */
class PullInboxTest {

    private static final String CLIENT = "hanoi-dms";

    @TempDir
    Path dataDirectory;

    private TrackingDatabase database;
    private TransmissionLog log;
    private PullInbox inbox;

    @BeforeEach
    void open() {
        database = TrackingDatabase.openH2(dataDirectory);
        Clock stepping = new SteppingClock(); // every delivery a millisecond after the one before
        log = new TransmissionLog(database, stepping);
        inbox = new PullInbox(database, stepping);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_page_holds_the_oldest_waiting_documents_and_the_next_page_follows_once_they_are_taken() {
        List<DocumentKey> delivered = deliver(0, 5);

        assertThat(inbox.pending(CLIENT, 2)).containsExactly(delivered.get(0), delivered.get(1));
        assertThat(inbox.acknowledge(CLIENT, delivered.get(0))).isTrue();
        assertThat(inbox.acknowledge(CLIENT, delivered.get(1))).isTrue();
        assertThat(inbox.pending(CLIENT, 2)).containsExactly(delivered.get(2), delivered.get(3));
        assertThat(inbox.pending(CLIENT, 100)).containsExactlyElementsOf(delivered.subList(2, 5));
        assertThat(inbox.pending("another-client", 100)).isEmpty();
    }

    @Test
    void listing_what_waits_reads_only_what_waits_not_what_the_client_took_before() throws Exception {
        List<DocumentKey> taken = deliver(0, 1000);
        taken.forEach(key -> inbox.acknowledge(CLIENT, key));
        List<DocumentKey> waiting = deliver(1000, 3);

        assertThat(inbox.pending(CLIENT, 100)).containsExactlyElementsOf(waiting);
        // H2 counts the rows a query reads; through the primary key alone it read all 1,003 of the client's.
        assertThat(rowsRead(database, PullInbox.PENDING, CLIENT, 100)).isLessThanOrEqualTo(waiting.size() + 1);
    }

    @Test
    void an_acknowledgement_keeps_the_first_time_and_a_document_never_delivered_is_not_acknowledged() throws Exception {
        DocumentKey delivered = deliver(0, 1).get(0);

        assertThat(inbox.acknowledge(CLIENT, delivered)).isTrue();
        Instant first = acknowledgedAt(CLIENT, delivered);
        assertThat(inbox.acknowledge(CLIENT, delivered)).isTrue();

        assertThat(first).isNotNull();
        assertThat(acknowledgedAt(CLIENT, delivered)).isEqualTo(first);
        assertThat(inbox.acknowledge(CLIENT, key("never-delivered"))).isFalse();
        assertThat(inbox.acknowledge("another-client", delivered)).isFalse();
        assertThat(inbox.pending(CLIENT, 10)).isEmpty();
    }

    private Instant acknowledgedAt(String clientId, DocumentKey key) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT acknowledged_at FROM dms_inbox WHERE client_id = ? AND document_key = ?")) {
            query.setString(1, clientId);
            query.setString(2, key.value());
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return Jdbc.getInstant(row, "acknowledged_at");
            }
        }
    }

    /** Delivers {@code count} documents to the client's inbox, one hop each, and returns their keys in that order. */
    private List<DocumentKey> deliver(int first, int count) {
        List<DocumentKey> keys = IntStream.range(first, first + count).mapToObj(i -> key("inbox-" + i)).toList();
        for (DocumentKey key : keys) {
            log.hop(hop -> hop.addToPullInbox(CLIENT, key));
        }
        return keys;
    }

    private static final class SteppingClock extends Clock {

        private final AtomicLong millis = new AtomicLong(NOW.toEpochMilli());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.incrementAndGet());
        }
    }
}
