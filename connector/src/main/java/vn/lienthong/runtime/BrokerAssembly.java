package vn.lienthong.runtime;

import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.component.jms.JmsComponent;
import org.springframework.jms.connection.CachingConnectionFactory;
import vn.lienthong.dms.jms.DmsBrokerAccess;

/**
 * The queues: the embedded Artemis broker (or an external one by {@code lienthong.broker.url}), the pooled JMS
 * connections to it, and Camel's {@code jms} component over them.
 */
record BrokerAssembly(EmbeddedBroker broker, String url, CachingConnectionFactory connectionFactory) {

    static BrokerAssembly start(Wiring wiring) throws Exception {
        ConnectorSettings settings = wiring.settings();
        // The DMS-facing acceptor (JMS clients), only when lienthong.broker.dms-acceptor is set.
        DmsBrokerAccess dmsBrokerAccess = DmsBrokerAccess.of(wiring.properties(), wiring.clients());
        EmbeddedBroker broker = settings.embeddedBroker()
                ? EmbeddedBroker.start(wiring.data().resolve("broker"), settings.brokerVmId(), wiring.properties(),
                        dmsBrokerAccess.security(), dmsBrokerAccess::configure)
                : null;
        String url = broker != null ? broker.url() : settings.brokerUrl();
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(connectionFactory(url));
        connectionFactory.setSessionCacheSize(16);
        JmsComponent jms = new JmsComponent();
        jms.setConnectionFactory(connectionFactory);
        // A failed step is logged in one line (cause included) and the broker redelivers later: a stack trace on
        // every retry of a long outage would bury the log ops staff read.
        jms.setErrorHandlerLogStackTrace(false);
        wiring.bind("jms", jms);
        return new BrokerAssembly(broker, url, connectionFactory);
    }

    /** Whether the broker takes work: always true for an external one, which the JMS health check watches. */
    boolean active() {
        return broker == null || broker.isActive();
    }

    /** A connection factory of its own, unpooled, for what reads the broker apart from the flows (its management). */
    ConnectionFactory newConnectionFactory() {
        return connectionFactory(url);
    }

    private static ConnectionFactory connectionFactory(String url) {
        String user = System.getenv("LIENTHONG_BROKER_USER");
        String password = System.getenv("LIENTHONG_BROKER_PASSWORD");
        return user == null ? new ActiveMQConnectionFactory(url) : new ActiveMQConnectionFactory(url, user, password);
    }
}
