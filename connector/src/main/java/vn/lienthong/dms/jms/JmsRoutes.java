package vn.lienthong.dms.jms;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import vn.lienthong.dms.ClientRegistry;

/**
 * One intake route per JMS client, made at start from the route template {@code dms-jms-intake} of
 * routes/dms-jms.camel.yaml (the flow stays in YAML; only the list of clients comes from the clients file).
 * Route ids: {@code dms-jms-intake-<clientId>}.
 */
public final class JmsRoutes extends RouteBuilder {

    private final List<DmsQueues> jmsClients;

    public JmsRoutes(ClientRegistry clients) {
        this.jmsClients = DmsQueues.ofJmsClients(clients);
    }

    @Override
    public void configure() {
        for (DmsQueues queues : jmsClients) {
            templatedRoute("dms-jms-intake")
                    .routeId("dms-jms-intake-" + queues.clientId())
                    .parameter("clientId", queues.clientId())
                    .parameter("inQueue", queues.in())
                    .parameter("resultsQueue", queues.results());
        }
    }
}
