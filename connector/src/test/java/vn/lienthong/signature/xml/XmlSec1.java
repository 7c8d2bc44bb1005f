package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The xmlsec1 command-line tool (Debian package xmlsec1, libxml2 + OpenSSL), the independent XML-DSig
 * implementation the interoperability tests run against. Missing, it fails the test: CI installs it.
 *
 * <p>Options used. Verify: {@code xmlsec1 --verify --trusted-pem <root.pem> <file>} — nothing else is needed for an
 * enveloped signature with Reference URI="": xmlsec1 takes the first ds:Signature of the document, resolves URI=""
 * to the whole document minus comments, applies the enveloped transform, and builds the certificate path from the
 * certificates in KeyInfo/X509Data up to the trusted PEM. Sign: {@code xmlsec1 --sign --privkey-pem <key.pem>,<cert.pem>
 * --output <signed> <template>}, the template carrying the ds:Signature with empty DigestValue and SignatureValue and
 * an empty ds:X509Data, which xmlsec1 fills with the certificate.
 */
final class XmlSec1 {

    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private XmlSec1() {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("xmlsec1 did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static Path binary() {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "xmlsec1");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("xmlsec1 is not installed; these interoperability tests need it: apt-get install -y xmlsec1");
    }
}
