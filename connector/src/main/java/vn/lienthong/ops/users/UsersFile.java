package vn.lienthong.ops.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import vn.lienthong.ops.http.OpsUser.Role;

/**
 * The users of the console and the management API, in one JSON file only the connector's user may read or write
 * ({@code <data>/users.json} by default, {@code lienthong.ops.users-file}). The {@code users} commands change it
 * directly, with no connector running; a running connector reads it again when it changes, so a user added while
 * it runs can sign in at once. Each change is written to a new file that then replaces the old one, so a reader
 * never sees half a file.
 */
public final class UsersFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private volatile Snapshot snapshot = new Snapshot(null, null, -1, List.of());

    /** What was read, and how the file looked then: each replacement is a new file (a new key), each edit a new time. */
    private record Snapshot(Object fileKey, FileTime modified, long size, List<UserAccount> users) {
    }

    /** The configuration key naming the file; empty means {@code <data directory>/users.json}. */
    public static final String KEY = "lienthong.ops.users-file";

    /** The users file the configuration names. */
    public static UsersFile of(Properties properties) {
        String configured = properties.getProperty(KEY, "").strip();
        return new UsersFile(configured.isEmpty()
                ? Path.of(properties.getProperty("lienthong.data.directory", "data").strip()).resolve("users.json")
                : Path.of(configured));
    }

    public UsersFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    /** Every user, read again when the file changed since the last read; empty when there is no file. */
    public List<UserAccount> users() throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException none) {
            return List.of();
        }
        Snapshot known = snapshot;
        if (Objects.equals(attributes.fileKey(), known.fileKey()) && attributes.lastModifiedTime().equals(known.modified())
                && attributes.size() == known.size()) {
            return known.users();
        }
        List<UserAccount> users = read();
        snapshot = new Snapshot(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(), users);
        return users;
    }

    public Optional<UserAccount> find(String name) throws IOException {
        return users().stream().filter(user -> user.name().equals(name)).findFirst();
    }

    /** Adds a user; false when one of that name exists already (nothing changed). */
    public synchronized boolean add(String name, Set<Role> roles, char[] password, PasswordHash.Parameters parameters)
            throws IOException {
        List<UserAccount> users = new ArrayList<>(read());
        if (users.stream().anyMatch(user -> user.name().equals(name))) {
            return false;
        }
        users.add(new UserAccount(name, roles, PasswordHash.hash(password, parameters)));
        write(users);
        return true;
    }

    /** Removes a user; false when there is none of that name. */
    public synchronized boolean remove(String name) throws IOException {
        List<UserAccount> users = new ArrayList<>(read());
        if (!users.removeIf(user -> user.name().equals(name))) {
            return false;
        }
        write(users);
        return true;
    }

    /** Sets a user's password; false when there is none of that name. */
    public synchronized boolean changePassword(String name, char[] password, PasswordHash.Parameters parameters)
            throws IOException {
        List<UserAccount> users = new ArrayList<>(read());
        for (int i = 0; i < users.size(); i++) {
            UserAccount user = users.get(i);
            if (user.name().equals(name)) {
                users.set(i, new UserAccount(name, user.roles(), PasswordHash.hash(password, parameters)));
                write(users);
                return true;
            }
        }
        return false;
    }

    private List<UserAccount> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode root = JSON.readTree(file.toFile());
        List<UserAccount> users = new ArrayList<>();
        for (JsonNode user : root.path("users")) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (JsonNode role : user.path("roles")) {
                try {
                    roles.add(UserAccount.role(role.asText()));
                } catch (IllegalArgumentException unknown) {
                    throw new IOException(file + ": user '" + user.path("name").asText() + "' has an unknown role '"
                            + role.asText() + "' (viewer, operator, auditor, admin)");
                }
            }
            users.add(new UserAccount(user.path("name").asText(), roles, user.path("password").asText()));
        }
        return List.copyOf(users);
    }

    private void write(List<UserAccount> users) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("users");
        users.stream().sorted(Comparator.comparing(UserAccount::name)).forEach(user -> {
            ObjectNode entry = list.addObject();
            entry.put("name", user.name());
            ArrayNode roles = entry.putArray("roles");
            user.roles().stream().sorted().forEach(role -> roles.add(role.name().toLowerCase()));
            entry.put("password", user.passwordHash());
        });
        Path folder = file.getParent();
        if (!Files.isDirectory(folder)) {
            // Before the connector's first start: the data directory is made its user's alone, as the connector would.
            try {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(folder);
            }
        }
        Path next = folder.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(next);
        try {
            Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(next);
        }
        Files.write(next, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        try {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
