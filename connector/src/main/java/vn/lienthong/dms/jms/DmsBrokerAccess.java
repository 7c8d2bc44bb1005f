package vn.lienthong.dms.jms;

import java.util.List;
import java.util.Properties;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.ClientRegistry;

/**
 * The DMS-facing side of the embedded broker ({@code lienthong.broker.dms-acceptor}): when set, the broker gets a
 * second acceptor at that URL, security is switched on with {@link DmsBrokerSecurity}, and every JMS client's
 * queues are declared. When empty, the broker stays as config/broker.xml describes it: in-VM only, no security.
 */
public final class DmsBrokerAccess {

    static final String ACCEPTOR_NAME = "dms";
    private static final Logger LOG = LoggerFactory.getLogger(DmsBrokerAccess.class);

    private final String acceptorUrl;
    private final List<DmsQueues> jmsClients;
    private final DmsBrokerSecurity security;

    private DmsBrokerAccess(String acceptorUrl, List<DmsQueues> jmsClients, DmsBrokerSecurity security) {
        this.acceptorUrl = acceptorUrl;
        this.jmsClients = jmsClients;
        this.security = security;
    }

    public static DmsBrokerAccess of(Properties properties, ClientRegistry clients) {
        String url = properties.getProperty("lienthong.broker.dms-acceptor", "").strip();
        List<DmsQueues> jmsClients = DmsQueues.ofJmsClients(clients);
        if (url.isEmpty()) {
            boolean embedded = properties.getProperty("lienthong.broker.url", "").isBlank();
            if (embedded && !jmsClients.isEmpty()) {
                LOG.warn("{} JMS client(s) configured but lienthong.broker.dms-acceptor is empty: they cannot reach "
                        + "the embedded broker", jmsClients.size());
            }
            return new DmsBrokerAccess(null, jmsClients, null);
        }
        return new DmsBrokerAccess(url, jmsClients, new DmsBrokerSecurity(clients, jmsClients));
    }

    /** The security manager for the broker; null when there is no DMS acceptor (Artemis's default, unused). */
    public DmsBrokerSecurity security() {
        return security;
    }

    /** Adds the acceptor, switches security on and declares the clients' queues; nothing when not configured. */
    public void configure(Configuration configuration) {
        if (acceptorUrl == null) {
            return;
        }
        try {
            configuration.addAcceptorConfiguration(ACCEPTOR_NAME, acceptorUrl);
        } catch (Exception e) {
            throw new IllegalArgumentException("lienthong.broker.dms-acceptor is not an acceptor URL: " + acceptorUrl, e);
        }
        configuration.setSecurityEnabled(true);
        // Artemis caches a login by user, password and certificate only, not by transport: the connector's own
        // in-VM login (no user, no password) would be found again for a TCP client presenting no credentials.
        // DmsBrokerSecurity answers from memory, so the broker asks it every time instead.
        configuration.setAuthenticationCacheSize(0);
        configuration.setAuthorizationCacheSize(0);
        for (DmsQueues queues : jmsClients) {
            for (String queue : queues.all()) {
                configuration.addAddressConfiguration(new CoreAddressConfiguration().setName(queue)
                        .addRoutingType(RoutingType.ANYCAST)
                        .addQueueConfiguration(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST)));
            }
        }
        LOG.info("DMS clients may connect to the broker at {} ({} JMS client(s))", acceptorUrl, jmsClients.size());
    }
}
