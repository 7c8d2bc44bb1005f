package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh SoftHSM2 token in a temporary directory (Debian package softhsm2), with an RSA key generated on the
 * token by keytool through the JDK's SunPKCS11 provider, so the private key is never outside it. Every process that
 * opens the token needs {@link #environment()}: SoftHSM2 finds its token directory through SOFTHSM2_CONF.
 */
public final class SoftHsmToken {

    public static final String PIN = "246810";
    public static final String ALIAS = "agency-seal";
    private static final List<Path> LIBRARIES = List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"), Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"));
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

    public final Path configuration;
    public final Path certificatePem;
    private final Path softHsmConfiguration;

    private SoftHsmToken(Path softHsmConfiguration, Path configuration, Path certificatePem) {
        this.softHsmConfiguration = softHsmConfiguration;
        this.configuration = configuration;
        this.certificatePem = certificatePem;
    }

    public static SoftHsmToken create(Path directory) throws Exception {
        Path library = LIBRARIES.stream().filter(Files::exists).findFirst().orElseGet(() -> fail(
                "SoftHSM2 is not installed (no libsofthsm2.so); the PKCS#11 test needs it: apt-get install -y softhsm2"));
        Path tokens = Files.createDirectories(directory.resolve("tokens"));
        Path softHsm = Files.writeString(directory.resolve("softhsm2.conf"),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Map<String, String> environment = Map.of("SOFTHSM2_CONF", softHsm.toString());
        String initialized = run(environment, "softhsm2-util", "--init-token", "--free", "--label", "lienthong-test",
                "--pin", PIN, "--so-pin", "13579111");
        Matcher slot = SLOT.matcher(initialized);
        assertThat(slot.find()).as(initialized).isTrue();
        Path configuration = Files.writeString(directory.resolve("pkcs11.cfg"),
                "name = SoftHSM\nlibrary = " + library + "\nslot = " + slot.group(1) + "\n");
        Path certificate = directory.resolve("token-certificate.pem");
        run(environment, keytool(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048",
                "-sigalg", "SHA256withRSA", "-dname", "CN=Van phong Chinh phu (token),O=Test,C=VN", "-validity", "30",
                "-keystore", "NONE", "-storetype", "PKCS11", "-addprovider", "SunPKCS11",
                "-providerArg", configuration.toString(), "-storepass", PIN);
        run(environment, keytool(), "-exportcert", "-rfc", "-alias", ALIAS, "-file", certificate.toString(),
                "-keystore", "NONE", "-storetype", "PKCS11", "-addprovider", "SunPKCS11",
                "-providerArg", configuration.toString(), "-storepass", PIN);
        return new SoftHsmToken(softHsm, configuration, certificate);
    }

    public Map<String, String> environment() {
        return Map.of("SOFTHSM2_CONF", softHsmConfiguration.toString());
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static String run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail(command[0] + " cannot be run (" + e.getMessage() + "); the PKCS#11 test needs the Debian package"
                    + " softhsm2: apt-get install -y softhsm2");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }
}
