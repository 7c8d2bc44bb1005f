package vn.lienthong.ops.http;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret that operator commands present to the running connector's operations API. Made at first start in a
 * file only the connector's own user may read ({@code <data>/ops-token} by default), so whoever can run the
 * connector's commands on its machine, as its user, can operate it, and nobody else. Never logged.
 */
public final class OpsToken implements OpsAccess {

    private final byte[] value;

    private OpsToken(String value) {
        this.value = value.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the token in {@code file}, creating it (owner-only) when it does not exist yet. */
    public static OpsToken loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, token, StandardCharsets.US_ASCII);
            } catch (UnsupportedOperationException notPosix) {
                Files.writeString(file, token, StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException anotherStart) {
                // Another process made it first: read theirs.
            }
        }
        return read(file);
    }

    /** Reads an existing token (what the commands do). */
    public static OpsToken read(Path file) throws IOException {
        return new OpsToken(Files.readString(file, StandardCharsets.US_ASCII).strip());
    }

    /** The value for an {@code Authorization: Bearer} header. */
    public String bearer() {
        return new String(value, StandardCharsets.US_ASCII);
    }

    /** Compares in constant time, so the answer's timing tells nothing about the token. */
    boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value, presented.strip().getBytes(StandardCharsets.US_ASCII));
    }

    /** A request presenting the token as {@code Authorization: Bearer} is its holder's. */
    @Override
    public Optional<OpsUser> authenticate(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        String presented = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
        return matches(presented) ? Optional.of(OpsUser.tokenHolder()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "OpsToken[hidden]";
    }
}
