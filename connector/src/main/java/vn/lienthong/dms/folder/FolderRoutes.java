package vn.lienthong.dms.folder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.Delivery;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.transport.DmsFolder;

/**
 * One intake route per folder client, made at start from the route template {@code dms-folder-intake} of
 * routes/dms-folders.camel.yaml: a file consumer watches one folder, and the clients' root folders are anywhere
 * on disk, so the flow stays in YAML and only the list of clients comes from the clients file.
 * Route ids: {@code dms-folder-intake-<clientId>}. The clients' folders are created and checked here, before anything
 * runs. A client whose folder is not a real folder (a symbolic link) still gets its route, so that it works again
 * once the folder is put right, and the connector starts for every other client: until then nothing is taken from
 * or delivered to that folder.
 */
public final class FolderRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(FolderRoutes.class);

    private final List<DmsClient> folderClients = new ArrayList<>();

    public FolderRoutes(ClientRegistry clients) throws IOException {
        for (DmsClient client : clients.all()) {
            if (client.delivery().mode() == Delivery.Mode.FOLDER) {
                try {
                    ClientFolders.of(client).create();
                } catch (DmsFolder.NotARealFolder e) {
                    LOG.error("Folder client {}: {}", client.id(), e.getMessage());
                }
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
