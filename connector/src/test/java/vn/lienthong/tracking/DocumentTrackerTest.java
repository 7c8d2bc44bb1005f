package vn.lienthong.tracking;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.findings.Direction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.tracking.TrackingFixtures.CLOCK;
import static vn.lienthong.tracking.TrackingFixtures.NOW;
import static vn.lienthong.tracking.TrackingFixtures.SENDER;
import static vn.lienthong.tracking.TrackingFixtures.key;
import static vn.lienthong.tracking.TrackingFixtures.outbound;

class DocumentTrackerTest {

    @TempDir
    Path dataDirectory;

    private TrackingDatabase database;
    private DocumentTracker tracker;

    @BeforeEach
    void open() {
        database = TrackingDatabase.openH2(dataDirectory);
        tracker = new DocumentTracker(database, CLOCK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void registers_a_new_document_and_finds_it_with_every_field() {
        TrackedDocument document = outbound("G22-1");
        assertThat(tracker.register(document)).isTrue();
        assertThat(tracker.find(document.key())).contains(document);
    }

    @Test
    void register_of_a_known_key_returns_false_and_leaves_the_record_unchanged() {
        TrackedDocument first = outbound("G22-1");
        tracker.register(first);
        TrackedDocument replay = new TrackedDocument(first.key(), Direction.INBOUND, "status", "other", List.of("x"),
                "other-id", null, first.envelopeSha256(), "axis-9", DocumentState.SENT, "replayed", NOW, NOW);
        assertThat(tracker.register(replay)).isFalse();
        assertThat(tracker.find(first.key())).contains(first);
    }

    @Test
    void fills_missing_times_from_the_clock() {
        TrackedDocument document = outbound("G22-1", null);
        tracker.register(document);
        TrackedDocument found = tracker.find(document.key()).orElseThrow();
        assertThat(found.created()).isEqualTo(NOW);
        assertThat(found.updated()).isEqualTo(NOW);
    }

    @Test
    void finds_nothing_for_an_unknown_key() {
        assertThat(tracker.find(key("nobody"))).isEmpty();
    }

    @Test
    void advance_moves_a_document_forward() {
        TrackedDocument document = outbound("G22-1");
        tracker.register(document);
        assertThat(tracker.advance(document.key(), DocumentState.QUEUED, null)).isTrue();
        assertThat(tracker.advance(document.key(), DocumentState.DELIVERED, null)).isTrue();
        assertThat(tracker.find(document.key()).orElseThrow().state()).isEqualTo(DocumentState.DELIVERED);
    }

    @Test
    void advance_refuses_to_move_backwards() {
        TrackedDocument document = outbound("G22-1");
        tracker.register(document);
        tracker.advance(document.key(), DocumentState.SENT, null);
        assertThat(tracker.advance(document.key(), DocumentState.QUEUED, null)).isFalse();
        assertThat(tracker.find(document.key()).orElseThrow().state()).isEqualTo(DocumentState.SENT);
    }

    @Test
    void a_replayed_advance_returns_false() {
        TrackedDocument document = outbound("G22-1");
        tracker.register(document);
        assertThat(tracker.advance(document.key(), DocumentState.QUEUED, null)).isTrue();
        assertThat(tracker.advance(document.key(), DocumentState.QUEUED, null)).isFalse();
    }

    @Test
    void a_terminal_state_sticks_with_its_reason() {
        TrackedDocument document = outbound("G22-1");
        tracker.register(document);
        assertThat(tracker.advance(document.key(), DocumentState.DEAD_LETTERED, "the axis refused it as invalid")).isTrue();
        assertThat(tracker.advance(document.key(), DocumentState.DELIVERED, null)).isFalse();
        assertThat(tracker.advance(document.key(), DocumentState.REFUSED, "late")).isFalse();
        TrackedDocument found = tracker.find(document.key()).orElseThrow();
        assertThat(found.state()).isEqualTo(DocumentState.DEAD_LETTERED);
        assertThat(found.stateReason()).isEqualTo("the axis refused it as invalid");
    }

    @Test
    void advance_of_an_unknown_document_is_a_fault() {
        assertThatThrownBy(() -> tracker.advance(key("nobody"), DocumentState.QUEUED, null))
                .isInstanceOf(TrackingException.class)
                .hasMessageContaining("no tracked document");
    }

    @Test
    void finds_a_document_by_the_id_the_axis_gave_it() {
        TrackedDocument document = outbound("G22-1");
        tracker.register(document);
        tracker.register(outbound("G22-2"));
        tracker.recordAxisDocId(document.key(), "axis-42");
        assertThat(tracker.findByAxisDocId("axis-42")).hasValueSatisfying(found -> {
            assertThat(found.key()).isEqualTo(document.key());
            assertThat(found.axisDocId()).isEqualTo("axis-42");
        });
        assertThat(tracker.findByAxisDocId("axis-43")).isEmpty();
    }

    @Test
    void finds_the_outbound_document_a_status_notice_answers() {
        TrackedDocument document = outbound("G22-1");
        tracker.register(document);
        assertThat(tracker.findOutboundByDocumentId(SENDER, "G22-1")).map(TrackedDocument::key).contains(document.key());
        assertThat(tracker.findOutboundByDocumentId("000.00.00.G99", "G22-1")).isEmpty();
    }

    @Test
    void does_not_match_a_status_notice_to_an_inbound_document() {
        TrackedDocument outbound = outbound("G22-1");
        TrackedDocument inbound = new TrackedDocument(DocumentKey.of(SENDER, "G22-1", "cd".repeat(32)),
                Direction.INBOUND, "edoc", SENDER, List.of(), "G22-1", null, "cd".repeat(32), null,
                DocumentState.RECEIVED, null, NOW, NOW);
        tracker.register(inbound);
        assertThat(tracker.findOutboundByDocumentId(SENDER, "G22-1")).isEmpty();
        tracker.register(outbound);
        assertThat(tracker.findOutboundByDocumentId(SENDER, "G22-1")).map(TrackedDocument::key).contains(outbound.key());
    }

    @Test
    void adds_a_recipient_status_once_however_often_it_is_replayed() {
        TrackedDocument document = outbound("G22-1");
        tracker.register(document);
        RecipientStatus received = new RecipientStatus("000.00.01.H29", "01", "Đã nhận", NOW);
        assertThat(tracker.addRecipientStatus(document.key(), received)).isTrue();
        assertThat(tracker.addRecipientStatus(document.key(), received)).isFalse();
        assertThat(tracker.addRecipientStatus(document.key(),
                new RecipientStatus("000.00.01.H29", "01", "again, other text", NOW.plusSeconds(5)))).isFalse();
        assertThat(tracker.timeline(document.key())).containsExactly(received);
    }

    @Test
    void timeline_lists_each_recipient_in_time_order() {
        TrackedDocument document = outbound("G22-1");
        tracker.register(document);
        Instant t0 = NOW;
        RecipientStatus h53Sent = new RecipientStatus("000.00.02.H53", "sent", null, t0);
        RecipientStatus h29Done = new RecipientStatus("000.00.01.H29", "06", "Hoàn thành", t0.plusSeconds(30));
        RecipientStatus h29Sent = new RecipientStatus("000.00.01.H29", "sent", null, t0);
        RecipientStatus h29Received = new RecipientStatus("000.00.01.H29", "01", "Đã nhận", t0.plusSeconds(10));
        for (RecipientStatus status : List.of(h53Sent, h29Done, h29Sent, h29Received)) {
            tracker.addRecipientStatus(document.key(), status);
        }
        assertThat(tracker.timeline(document.key())).containsExactly(h29Sent, h29Received, h29Done, h53Sent);
    }

    /** Issue 12: the demo printed 01 → sent → 03 → 06 when a recipient's second-precision answer tied with our send. */
    @Test
    void timeline_reads_in_causal_order_when_a_recipients_second_ties_with_our_send() {
        TrackedDocument document = outbound("G22-1");
        tracker.register(document);
        Instant sentAt = Instant.parse("2026-03-01T08:00:00.456Z");
        Instant sameSecond = Instant.parse("2026-03-01T08:00:00Z");
        RecipientStatus sent = new RecipientStatus("000.00.01.H29", "sent", null, sentAt);
        RecipientStatus received = new RecipientStatus("000.00.01.H29", "01", "Đã nhận", sameSecond);
        RecipientStatus accepted = new RecipientStatus("000.00.01.H29", "03", "Đã tiếp nhận", sameSecond);
        RecipientStatus done = new RecipientStatus("000.00.01.H29", "06", "Hoàn thành", sameSecond);
        RecipientStatus later = new RecipientStatus("000.00.01.H29", "13", "Lấy lại", sameSecond.plusSeconds(1));
        for (RecipientStatus status : List.of(later, done, accepted, received, sent)) {
            tracker.addRecipientStatus(document.key(), status);
        }
        assertThat(tracker.timeline(document.key())).extracting(RecipientStatus::statusCode)
                .containsExactly("sent", "01", "03", "06", "13");
    }

    @Test
    void timeline_puts_an_answer_of_an_earlier_second_after_our_send_and_a_later_second_after_a_lower_code() {
        TrackedDocument document = outbound("G22-1");
        tracker.register(document);
        Instant sentAt = Instant.parse("2026-03-01T08:00:05.100Z");
        // The recipient's clock runs behind ours: its "received" looks two seconds older than our send.
        tracker.addRecipientStatus(document.key(), new RecipientStatus("000.00.01.H29", "01", null, sentAt.minusSeconds(2)));
        tracker.addRecipientStatus(document.key(), new RecipientStatus("000.00.01.H29", "sent", null, sentAt));
        tracker.addRecipientStatus(document.key(), new RecipientStatus("000.00.01.H29", "03", null, sentAt.plusSeconds(40)));
        tracker.addRecipientStatus(document.key(), new RecipientStatus("000.00.01.H29", "02", null, sentAt.plusSeconds(60)));
        assertThat(tracker.timeline(document.key())).extracting(RecipientStatus::statusCode)
                .containsExactly("sent", "01", "03", "02");
    }

    @Test
    void an_operator_retries_a_dead_letter_back_to_queued_and_the_flow_can_record_it_sent_again() {
        TrackedDocument document = outbound("G22-1");
        tracker.register(document);
        tracker.advance(document.key(), DocumentState.DEAD_LETTERED, "gave up");
        assertThat(tracker.advance(document.key(), DocumentState.SENT, null)).as("a flow step cannot leave it").isFalse();

        assertThat(tracker.retryDeadLetter(document.key(), "retried by operator 'lan'")).isTrue();
        assertThat(tracker.find(document.key()).orElseThrow().state()).isEqualTo(DocumentState.QUEUED);
        assertThat(tracker.retryDeadLetter(document.key(), "again")).as("only a dead letter is retried").isFalse();
        assertThat(tracker.advance(document.key(), DocumentState.SENT, null)).isTrue();
        assertThat(tracker.discardDeadLetter(document.key(), "late")).isTrue();
        assertThat(tracker.find(document.key()).orElseThrow().stateReason()).isEqualTo("late");
    }

    @Test
    void lists_documents_of_one_direction_newest_first_up_to_the_limit() {
        tracker.register(outbound("G22-1", NOW));
        tracker.register(outbound("G22-3", NOW.plusSeconds(2)));
        tracker.register(outbound("G22-2", NOW.plusSeconds(1)));
        List<TrackedDocument> listed = tracker.list(Direction.OUTBOUND, 2);
        assertThat(listed).extracting(TrackedDocument::documentId).containsExactly("G22-3", "G22-2");
        assertThat(listed).allSatisfy(d -> assertThat(d.recipients()).containsExactly("000.00.01.H29", "000.00.02.H53"));
        assertThat(tracker.list(Direction.INBOUND, 10)).isEmpty();
    }

    @Test
    void counts_documents_in_every_state_including_empty_ones() {
        tracker.register(outbound("G22-1"));
        tracker.register(outbound("G22-2"));
        tracker.advance(key("G22-2"), DocumentState.SENT, null);
        assertThat(tracker.countByState(Direction.OUTBOUND))
                .containsEntry(DocumentState.RECEIVED, 1L)
                .containsEntry(DocumentState.SENT, 1L)
                .containsEntry(DocumentState.DEAD_LETTERED, 0L)
                .hasSize(DocumentState.values().length);
    }
}
