package vn.lienthong.signature.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import vn.lienthong.fixtures.pki.RevocationServer;
import vn.lienthong.fixtures.pki.TestPki;

/**
 * One test PKI and one loopback revocation server for every signature test in the JVM: generating RSA keys for a
 * dozen certificates takes seconds, so it is done once. Tests that count requests compare before and after.
 */
public final class SharedTestPki {

    private static TestPki pki;
    private static RevocationServer server;

    private SharedTestPki() {
    }

    public static synchronized TestPki pki() {
        start();
        return pki;
    }

    public static synchronized RevocationServer revocationServer() {
        start();
        return server;
    }

    public static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    public static TrustAnchors anchors() {
        return TrustAnchors.load(pki().trustStoreDirectory());
    }

    public static CertificateValidator validator(RevocationSettings settings) {
        return new CertificateValidator(anchors(), settings, http(), Clock.systemUTC());
    }

    /** Online, OCSP first, and an unknown status counts: the strictest setting. */
    public static CertificateValidator strictValidator() {
        return validator(RevocationSettings.online(RevocationSettings.Failure.HARD));
    }

    private static void start() {
        if (pki != null) {
            return;
        }
        try {
            Path directory = Files.createTempDirectory("lienthong-test-pki");
            server = RevocationServer.start();
            pki = TestPki.generate(directory, server.base());
            server.serve(pki);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                deleteQuietly(directory);
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
