package vn.lienthong.dms.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.lienthong.dms.DmsClient;
import vn.lienthong.transport.DmsFolder;

/**
 * The folders of a DMS client whose delivery mode is FOLDER, all under its root folder:
 * <pre>
 * in/      the DMS drops envelopes to send (documents and status notices; *.edxml or *.xml)
 * done/    accepted ones, moved here once they are queued for the axis
 * error/   refused ones, each with NAME.errors.txt and NAME.errors.json beside it
 * out/     documents delivered to the DMS (written under a hidden temporary name, then renamed)
 * status/  status notices delivered to the DMS
 * </pre>
 * The root is the administrator's (it may be reached through a link they made); each of the five must be a real
 * folder in it, never a symbolic link: a DMS that swapped out/ for a link would have its deliveries written elsewhere,
 * and one that swapped in/ would have another folder's files sent as its own. They are used through
 * {@link DmsFolder}, which checks this at every use.
 */
public record ClientFolders(Path in, Path done, Path error, Path out, Path status) {

    static final List<String> NAMES = List.of("in", "done", "error", "out", "status");

    public static ClientFolders of(DmsClient client) {
        Path root = client.delivery().folder();
        if (root == null) {
            throw new IllegalArgumentException("folder client " + client.id() + " has no folder in the clients file");
        }
        Path absolute = root.toAbsolutePath();
        return new ClientFolders(absolute.resolve("in"), absolute.resolve("done"), absolute.resolve("error"),
                absolute.resolve("out"), absolute.resolve("status"));
    }

    public Path root() {
        return in.getParent();
    }

    /**
     * Creates the five folders that are missing (for the connector's user and group; others get nothing), so the DMS
     * finds them all from the first start, and checks that each is a real folder.
     *
     * @throws DmsFolder.NotARealFolder when one of them is a symbolic link or anything but a folder
     */
    public ClientFolders create() throws IOException {
        Files.createDirectories(root());
        try (DmsFolder root = DmsFolder.open(root())) {
            for (String name : NAMES) {
                root.sub(name, true).close();
            }
        }
        return this;
    }
}
