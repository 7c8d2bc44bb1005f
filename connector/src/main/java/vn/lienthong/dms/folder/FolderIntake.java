package vn.lienthong.dms.folder;

import java.io.File;
import java.io.InputStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.dms.ClientRegistry;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.dms.DmsError;
import vn.lienthong.dms.DmsGateway;
import vn.lienthong.dms.Outcome;
import vn.lienthong.findings.Finding;
import vn.lienthong.transport.DmsFolder;
import vn.lienthong.transport.FolderEntry;

/**
 * Takes a complete file from a folder client's in/ to the gateway, as that client (so its binding to agencies
 * applies: a document From another agency is refused with SENDER_NOT_BOUND), then moves it to done/ when it was
 * accepted, or to error/ with its reasons beside it. A status notice dropped into in/ is sent like any envelope:
 * the intake sees that it is a status.
 * <p>
 * The client's folders are used through {@link DmsFolder}: an entry that is no regular file (a symbolic link, a
 * FIFO) or is larger than an envelope may be is refused without being read, and nothing is taken while in/, done/ or
 * error/ is not a real folder. The file leaves in/ only after the gateway has answered. If taking it fails in a way
 * nobody foresaw, it is not taken again at every poll (it would fail the same way, for ever): it goes to error/ with
 * INTERNAL_ERROR, said once, and the DMS sends it again when it wants to. Only if even that move fails does it stay
 * for the next poll. If the connector dies after the document was queued but before the move, the next pick-up is
 * recognised as the same document (same key) and simply moved to done/.
 */
public final class FolderIntake {

    private static final Logger LOG = LoggerFactory.getLogger(FolderIntake.class);

    private final ClientRegistry clients;
    private final DmsGateway gateway;
    private final long maxEnvelopeBytes;
    private final Clock clock;
    /** Clients whose folders are unusable now: said once in the log, not at every poll. */
    private final Set<String> unusable = ConcurrentHashMap.newKeySet();

    public FolderIntake(ClientRegistry clients, DmsGateway gateway, long maxEnvelopeBytes, Clock clock) {
        this.clients = clients;
        this.gateway = gateway;
        this.maxEnvelopeBytes = maxEnvelopeBytes;
        this.clock = clock;
    }

    /** Returns the gateway's answer, or null when nothing was taken (the file went away, or a folder is unusable). */
    public Outcome accept(String clientId, File file) throws Exception {
        DmsClient client = clients.byId(clientId)
                .orElseThrow(() -> new IllegalStateException("no DMS client " + clientId + " for its own folder"));
        String name = file.getName();
        try (DmsFolder root = DmsFolder.open(ClientFolders.of(client).root());
             DmsFolder in = root.sub("in");
             DmsFolder done = root.sub("done");
             DmsFolder error = root.sub("error")) {
            unusable.remove(clientId);
            Optional<BasicFileAttributes> entry = in.attributes(name);
            if (entry.isEmpty()) {
                return null; // taken back by the DMS meanwhile
            }
            Outcome outcome = submit(client, in, name, entry.get());
            if (outcome.status() == Outcome.Status.ACCEPTED) {
                String parked = done.freeName(name, List.of());
                in.move(name, done, parked);
                LOG.info("Folder client {}: {} accepted as {}, now in done/{}", client.id(), name, outcome.key(), parked);
            } else {
                var parked = RefusalReport.park(in, name, error, client.id(), outcome, clock.instant());
                LOG.info("Folder client {}: {} refused ({} error(s)), now in error/{}", client.id(), name,
                        outcome.errors().size(), parked.getFileName());
            }
            return outcome;
        } catch (DmsFolder.NotARealFolder e) {
            if (unusable.add(clientId)) {
                LOG.warn("Folder client {}: nothing is taken from in/ until this is put right: {}", clientId, e.getMessage());
            }
            return null;
        }
    }

    private Outcome submit(DmsClient client, DmsFolder in, String name, BasicFileAttributes entry) throws Exception {
        Optional<Finding> unread = FolderEntry.refusal(name, entry, maxEnvelopeBytes);
        if (unread.isPresent()) {
            return gateway.refuseUnread(client, name, unread.get(), "folder");
        }
        try (InputStream envelope = in.read(name)) {
            return gateway.submitEnvelope(client, envelope, name, "folder");
        } catch (Exception e) {
            LOG.error("Folder client {}: taking {} failed unexpectedly; it goes to error/ and is not taken again",
                    client.id(), name, e);
            return Outcome.refused(List.of(DmsError.internal()));
        }
    }
}
