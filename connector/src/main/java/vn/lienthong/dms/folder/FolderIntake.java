package vn.lienthong.dms.folder;

import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.dms.DmsError;
import vn.lienthong.dms.DmsGateway;
import vn.lienthong.dms.Outcome;

/**
 * Takes a complete file from a folder client's in/ to the gateway, as that client (so its binding to agencies
 * applies: a document From another agency is refused with SENDER_NOT_BOUND), then moves it to done/ when it was
 * accepted, or to error/ with its reasons beside it. A status notice dropped into in/ is sent like any envelope:
 * the intake sees that it is a status.
 * <p>
 * The file leaves in/ only after the gateway has answered. If taking it fails in a way nobody foresaw, it is not
 * taken again at every poll (it would fail the same way, for ever): it goes to error/ with INTERNAL_ERROR, said
 * once, and the DMS sends it again when it wants to. Only if even that move fails does it stay for the next poll.
 * If the connector dies after the document was queued but before the move, the next pick-up is recognised as the
 * same document (same key) and simply moved to done/.
 */
public final class FolderIntake {

    private static final Logger LOG = LoggerFactory.getLogger(FolderIntake.class);

    private final ClientRegistry clients;
    private final DmsGateway gateway;
    private final Clock clock;

    public FolderIntake(ClientRegistry clients, DmsGateway gateway, Clock clock) {
        this.clients = clients;
        this.gateway = gateway;
        this.clock = clock;
    }

    public Outcome accept(String clientId, File file) throws Exception {
        DmsClient client = clients.byId(clientId)
                .orElseThrow(() -> new IllegalStateException("no DMS client " + clientId + " for its own folder"));
        ClientFolders folders = ClientFolders.of(client).create();
        Path dropped = file.toPath();
        Outcome outcome;
        try (InputStream envelope = Files.newInputStream(dropped)) {
            outcome = gateway.submitEnvelope(client, envelope, dropped.getFileName().toString(), "folder");
        } catch (Exception e) {
            LOG.error("Folder client {}: taking {} failed unexpectedly; it goes to error/ and is not taken again",
                    client.id(), dropped.getFileName(), e);
            outcome = Outcome.refused(List.of(DmsError.internal()));
        }
        if (outcome.status() == Outcome.Status.ACCEPTED) {
            String name = ClientFolders.freeName(folders.done(), dropped.getFileName().toString(), List.of());
            Files.move(dropped, folders.done().resolve(name), StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Folder client {}: {} accepted as {}, now in done/{}", client.id(), dropped.getFileName(),
                    outcome.key(), name);
        } else {
            Path parked = RefusalReport.park(dropped, folders.error(), client.id(), outcome, clock.instant());
            LOG.info("Folder client {}: {} refused ({} error(s)), now in error/{}", client.id(), dropped.getFileName(),
                    outcome.errors().size(), parked.getFileName());
        }
        return outcome;
    }
}
