package vn.lienthong.dms.folder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.DmsClient;

/**
 * One intake route per folder client, made at start from the route template {@code dms-folder-intake} of
 * routes/dms-folders.camel.yaml: a file consumer watches one folder, and the clients' root folders are anywhere
 * on disk, so the flow stays in YAML and only the list of clients comes from the clients file.
 * Route ids: {@code dms-folder-intake-<clientId>}. The clients' folders are created here, before anything runs.
 */
public final class FolderRoutes extends RouteBuilder {

    private final List<DmsClient> folderClients = new ArrayList<>();

    public FolderRoutes(ClientRegistry clients) throws IOException {
        for (DmsClient client : clients.all()) {
            if (client.delivery().mode() == Delivery.Mode.FOLDER) {
                ClientFolders.of(client).create();
                folderClients.add(client);
            }
        }
    }

    @Override
    public void configure() {
        for (DmsClient client : folderClients) {
            templatedRoute("dms-folder-intake")
                    .routeId("dms-folder-intake-" + client.id())
                    .parameter("clientId", client.id())
                    .parameter("inFolder", ClientFolders.of(client).in().toString());
        }
    }
}
