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
}
