package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentStateTest {

    @Test
    void moves_only_forward_along_received_queued_sent_delivered() {
        assertThat(DocumentState.RECEIVED.canMoveTo(DocumentState.QUEUED)).isTrue();
        assertThat(DocumentState.RECEIVED.canMoveTo(DocumentState.SENT)).isTrue();
        assertThat(DocumentState.SENT.canMoveTo(DocumentState.DELIVERED)).isTrue();
        assertThat(DocumentState.DELIVERED.canMoveTo(DocumentState.SENT)).isFalse();
        assertThat(DocumentState.QUEUED.canMoveTo(DocumentState.RECEIVED)).isFalse();
    }

    @Test
    void reaches_a_terminal_state_from_any_state_that_has_not_ended() {
        for (DocumentState from : DocumentState.values()) {
            if (!from.isTerminal()) {
                assertThat(from.canMoveTo(DocumentState.REFUSED)).as(from.name()).isTrue();
                assertThat(from.canMoveTo(DocumentState.DEAD_LETTERED)).as(from.name()).isTrue();
            }
        }
    }

    @Test
    void never_leaves_a_terminal_state_nor_moves_to_itself() {
        for (DocumentState to : DocumentState.values()) {
            assertThat(DocumentState.REFUSED.canMoveTo(to)).as(to.name()).isFalse();
            assertThat(DocumentState.DEAD_LETTERED.canMoveTo(to)).as(to.name()).isFalse();
            assertThat(to.canMoveTo(to)).as(to.name()).isFalse();
        }
    }

    @Test
    void only_a_dead_lettered_document_can_be_retried_and_a_delivered_one_is_never_discarded_as_a_dead_letter() {
        for (DocumentState state : DocumentState.values()) {
            assertThat(state.canBeRetried()).as(state.name()).isEqualTo(state == DocumentState.DEAD_LETTERED);
        }
        assertThat(DocumentState.DEAD_LETTERED.canBeDiscardedAsDeadLetter()).isTrue();
        assertThat(DocumentState.QUEUED.canBeDiscardedAsDeadLetter()).isTrue();
        assertThat(DocumentState.DELIVERED.canBeDiscardedAsDeadLetter()).isFalse();
        assertThat(DocumentState.DISCARDED.canBeDiscardedAsDeadLetter()).isFalse();
        assertThat(DocumentState.REFUSED.canBeDiscardedAsDeadLetter()).isFalse();
    }
}
