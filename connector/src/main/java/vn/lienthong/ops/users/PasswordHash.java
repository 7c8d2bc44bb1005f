package vn.lienthong.ops.users;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes, written in the PHC string form every Argon2 implementation reads:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (base64 without padding). Each hash carries its own salt and
 * parameters, so stronger parameters later apply to new passwords without breaking old ones.
 */
public final class PasswordHash {

    /** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane; about 50 ms on this kind of machine. */
    public static final Parameters DEFAULT = new Parameters(19 * 1024, 2, 1);

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** Memory in KiB, passes, lanes. */
    public record Parameters(int memoryKib, int iterations, int parallelism) {
    }

    private PasswordHash() {
    }

    /** A new hash of {@code password} with a fresh random salt. */
    public static String hash(char[] password, Parameters parameters) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKib() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** Whether {@code password} is the one {@code encoded} was made from; false for anything not such a hash. */
    public static boolean matches(char[] password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            Parameters parameters = parameters(parts[3]);
            byte[] salt = DECODER.decode(parts[4]);
            byte[] expected = DECODER.decode(parts[5]);
            if (expected.length < 16 || parameters.memoryKib() > 1024 * 1024) {
                return false;
            }
            return MessageDigest.isEqual(expected, derive(password, salt, parameters, expected.length));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static Parameters parameters(String text) {
        int memory = -1;
        int iterations = -1;
        int parallelism = -1;
        for (String pair : text.split(",")) {
            String[] nameValue = pair.split("=", 2);
            int value = nameValue.length == 2 ? Integer.parseInt(nameValue[1]) : -1;
            switch (nameValue[0]) {
                case "m" -> memory = value;
                case "t" -> iterations = value;
                case "p" -> parallelism = value;
                default -> throw new IllegalArgumentException("unknown Argon2 parameter");
            }
        }
        if (memory < 8 || iterations < 1 || parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("unusable Argon2 parameters");
        }
        return new Parameters(memory, iterations, parallelism);
    }

    private static byte[] derive(char[] password, byte[] salt, Parameters parameters, int length) {
        Argon2Parameters argon2 = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKib())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon2);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] exact = new byte[encoded.remaining()];
        encoded.get(exact);
        Arrays.fill(encoded.array(), (byte) 0);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(exact, out);
        } finally {
            Arrays.fill(exact, (byte) 0);
        }
        return out;
    }
}
