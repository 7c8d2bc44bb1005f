package vn.lienthong.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Properties;

/**
 * A server's PKCS#12 key store named by a configuration key, its password from an environment variable or else a
 * file named by another key, never a property value. What the TLS of the DMS interfaces and of the management port
 * share; a problem stops the start with a message naming the keys at fault.
 */
public record KeyStoreFile(String keystoreKey, String passwordFileKey, String passwordVariable) {

    /** The password: {@code passwordVariable} from the environment, else the content of the file {@code passwordFileKey} names. */
    public char[] password(Properties properties, Map<String, String> environment) {
        String fromEnvironment = environment.get(passwordVariable);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        String file = properties.getProperty(passwordFileKey, "").strip();
        if (file.isEmpty()) {
            throw new IllegalArgumentException(keystoreKey + " is set but its password is not: set " + passwordVariable
                    + " or " + passwordFileKey);
        }
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new IllegalArgumentException(passwordFileKey + ": the file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Opens the PKCS#12 file with {@code password}. */
    public KeyStore open(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(keystoreKey + ": " + file.toAbsolutePath() + " cannot be opened: wrong password"
                    + " (from " + passwordVariable + " or " + passwordFileKey + ") or not a PKCS#12 file", e);
        }
    }
}
