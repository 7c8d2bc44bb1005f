package vn.lienthong.ops.http;

import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.ops.http.OpsUser.Role;

/**
 * The DMS clients the connector serves, read-only: {@code GET /ops/v1/clients}. Ids, names, agencies, how each
 * authenticates and receives documents; never an API key, its hash, a certificate fingerprint or a secret's path.
 */
public final class ClientsResource implements OpsResource {

    private final ClientRegistry clients;

    public ClientsResource(ClientRegistry clients) {
        this.clients = clients;
    }

    @Override
    public void mount(OpsRoutes routes) {
        routes.get("/clients", Role.VIEWER, this::list);
    }

    private OpsAnswer list(RoutingContext context, OpsUser user) {
        return OpsAnswer.ok(Map.of("clients", clients.all().stream().map(ClientsResource::client).toList()));
    }

    private static Map<String, Object> client(DmsClient client) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", client.id());
        view.put("name", client.name());
        view.put("agencies", client.organIds().stream().sorted().toList());
        view.put("delivery", client.delivery().mode().name());
        view.put("authentication", client.certificateSha256() != null && !client.certificateSha256().isBlank()
                ? (client.apiKeySha256() != null && !client.apiKeySha256().isBlank() ? "API_KEY_AND_CERTIFICATE" : "CERTIFICATE")
                : (client.apiKeySha256() != null && !client.apiKeySha256().isBlank() ? "API_KEY" : "NONE"));
        return view;
    }
}
