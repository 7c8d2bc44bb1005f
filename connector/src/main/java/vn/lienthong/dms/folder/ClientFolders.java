package vn.lienthong.dms.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.lienthong.dms.DmsClient;

/**
 * The folders of a DMS client whose delivery mode is FOLDER, all under its root folder:
 * <pre>
 * in/      the DMS drops envelopes to send (documents and status notices; *.edxml or *.xml)
 * done/    accepted ones, moved here once they are queued for the axis
 * error/   refused ones, each with NAME.errors.txt and NAME.errors.json beside it
 * out/     documents delivered to the DMS (written under a hidden temporary name, then renamed)
 * status/  status notices delivered to the DMS
 * </pre>
 */
public record ClientFolders(Path in, Path done, Path error, Path out, Path status) {

    public static ClientFolders of(DmsClient client) {
        Path root = client.delivery().folder();
        if (root == null) {
            throw new IllegalArgumentException("folder client " + client.id() + " has no folder in the clients file");
        }
        Path absolute = root.toAbsolutePath();
        return new ClientFolders(absolute.resolve("in"), absolute.resolve("done"), absolute.resolve("error"),
                absolute.resolve("out"), absolute.resolve("status"));
    }

    /** Creates the five folders, so the DMS finds them all from the first start. */
    public ClientFolders create() throws IOException {
        for (Path folder : List.of(in, done, error, out, status)) {
            Files.createDirectories(folder);
        }
        return this;
    }

    /**
     * {@code name} if neither it nor any of its companion files ({@code name + suffix}) exists in {@code folder},
     * else {@code stem-2.ext}, {@code stem-3.ext}, …: an earlier file of the same name is never overwritten.
     */
    static String freeName(Path folder, String name, List<String> companionSuffixes) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 2; taken(folder, candidate, companionSuffixes); n++) {
            candidate = stem + "-" + n + extension;
        }
        return candidate;
    }

    private static boolean taken(Path folder, String name, List<String> companionSuffixes) {
        return Files.exists(folder.resolve(name))
                || companionSuffixes.stream().anyMatch(suffix -> Files.exists(folder.resolve(name + suffix)));
    }
}
