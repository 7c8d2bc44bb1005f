package vn.lienthong.dms.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.core.security.CheckType;
import org.junit.jupiter.api.Test;
import vn.lienthong.dms.ApiKeys;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.DmsClient;

class DmsQueuesTest {

    private static DmsClient jmsClient(String id, String queue) {
        return new DmsClient(id, null, Set.of("000.00.00.H26"), ApiKeys.sha256("key-" + id), null,
                new Delivery(Delivery.Mode.JMS, null, null, null, queue));
    }

    @Test
    void a_jms_client_has_its_own_in_out_and_results_queues() {
        assertThat(DmsQueues.of(jmsClient("hanoi-dms", null)).all()).containsExactly(
                "lienthong.dms.hanoi-dms.in", "lienthong.dms.hanoi-dms.out", "lienthong.dms.hanoi-dms.results");
    }

    @Test
    void a_queue_named_in_the_clients_file_replaces_the_out_queue() {
        assertThat(DmsQueues.of(jmsClient("hanoi-dms", "hanoi.edoc.inbox")).out()).isEqualTo("hanoi.edoc.inbox");
    }

    @Test
    void a_client_id_with_a_dot_cannot_name_queues() {
        assertThatThrownBy(() -> DmsQueues.ofJmsClients(new ClientRegistry(List.of(jmsClient("hanoi.dms", null)))))
                .hasMessageContaining("hanoi.dms");
    }

    @Test
    void a_client_may_not_choose_a_queue_of_the_connector() {
        assertThatThrownBy(() -> DmsQueues.ofJmsClients(new ClientRegistry(List.of(jmsClient("hanoi-dms", "lienthong.outbound")))))
                .hasMessageContaining("lienthong.outbound");
    }

    @Test
    void a_client_may_not_choose_the_queue_of_another_client() {
        assertThatThrownBy(() -> DmsQueues.ofJmsClients(new ClientRegistry(List.of(
                jmsClient("hanoi-dms", null), jmsClient("thief", "lienthong.dms.hanoi-dms.out")))))
                .hasMessageContaining("thief");
    }

    @Test
    void the_broker_lets_a_client_send_only_to_its_in_queue_and_read_only_its_out_and_results_queues() {
        DmsQueues queues = DmsQueues.of(jmsClient("hanoi-dms", null));

        assertThat(DmsBrokerSecurity.permits(queues, CheckType.SEND, "lienthong.dms.hanoi-dms.in")).isTrue();
        assertThat(DmsBrokerSecurity.permits(queues, CheckType.CONSUME, "lienthong.dms.hanoi-dms.out")).isTrue();
        assertThat(DmsBrokerSecurity.permits(queues, CheckType.CONSUME, "lienthong.dms.hanoi-dms.results")).isTrue();
        assertThat(DmsBrokerSecurity.permits(queues, CheckType.CONSUME, "lienthong.dms.hanoi-dms.in")).isFalse();
        assertThat(DmsBrokerSecurity.permits(queues, CheckType.SEND, "lienthong.dms.hanoi-dms.out")).isFalse();
        assertThat(DmsBrokerSecurity.permits(queues, CheckType.CONSUME, "lienthong.dms.other.out")).isFalse();
        assertThat(DmsBrokerSecurity.permits(queues, CheckType.SEND, "lienthong.outbound")).isFalse();
        assertThat(DmsBrokerSecurity.permits(queues, CheckType.CREATE_DURABLE_QUEUE, "lienthong.dms.hanoi-dms.out")).isFalse();
        assertThat(DmsBrokerSecurity.permits(queues, CheckType.MANAGE, "activemq.management")).isFalse();
    }

    @Test
    void a_fully_qualified_name_must_stay_within_the_clients_own_queue() {
        DmsQueues queues = DmsQueues.of(jmsClient("hanoi-dms", null));

        assertThat(DmsBrokerSecurity.permits(queues, CheckType.CONSUME,
                "lienthong.dms.hanoi-dms.out::lienthong.dms.hanoi-dms.out")).isTrue();
        assertThat(DmsBrokerSecurity.permits(queues, CheckType.CONSUME,
                "lienthong.dms.hanoi-dms.out::lienthong.dms.other.out")).isFalse();
    }
}
