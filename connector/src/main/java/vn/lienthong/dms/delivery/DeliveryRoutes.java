package vn.lienthong.dms.delivery;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsClient;

/**
 * One delivery route per DMS client, made at start from the route template {@code dms-delivery-to-client} of
 * routes/inbound.camel.yaml: each reads the client's own queue {@code lienthong.delivery.<clientId>}, so a client
 * that stalls or fails holds up only its own documents. Route ids: {@code dms-delivery-<clientId>}.
 */
public final class DeliveryRoutes extends RouteBuilder {

    private final List<String> clientIds;

    public DeliveryRoutes(ClientRegistry clients) {
        this.clientIds = clients.all().stream().map(DmsClient::id).toList();
    }

    @Override
    public void configure() {
        for (String clientId : clientIds) {
            templatedRoute("dms-delivery-to-client")
                    .routeId("dms-delivery-" + clientId)
                    .parameter("clientId", clientId);
        }
    }
}
