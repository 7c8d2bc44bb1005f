package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signature.xml.TestCredentials;

/**
 * An auditor without our tool checks a bundle with openssl and a few lines of Python (docs/audit/check_bundle.py),
 * exactly as docs/auditing.md tells them to.
 */
class EvidenceIndependentCheckTest {

    private static final Path CHECK_BUNDLE = locate("docs/audit/check_bundle.py");

    @TempDir
    Path directory;

    private EvidenceFixture fixture;
    private Path zip;
    private Path extracted;

    @BeforeEach
    void bundleADocument() throws Exception {
        fixture = new EvidenceFixture(directory.resolve("data")).passThrough();
        fixture.log.anchor();
        zip = fixture.bundle(directory.resolve("evidence.zip"), TestCredentials.RSA_SIGNER.signingKey());
        extracted = Files.createDirectories(directory.resolve("bundle"));
        for (Map.Entry<String, byte[]> file : EvidenceFixture.files(zip).entrySet()) {
            Path target = extracted.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void openssl_verifies_the_head_signature_with_the_signers_public_key() throws Exception {
        Files.writeString(extracted.resolve("signer.pub"), run(extracted, "openssl", "x509", "-in", "anchor/signer.pem",
                "-pubkey", "-noout").out());

        Result verified = run(extracted, "openssl", "dgst", "-sha256", "-verify", "signer.pub", "-signature",
                "anchor/head.sig", "anchor/head.txt");

        assertThat(verified.exit()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains("Verified OK");
    }

    @Test
    void openssl_verifies_the_time_stamp_over_the_head_signature_with_the_tsa_certificate() throws Exception {
        Files.writeString(extracted.resolve("tsa.pem"), fixture.log.tsa.authority().certificatePem());

        Result verified = run(extracted, "openssl", "ts", "-verify", "-in", "anchor/head.tst", "-token_in", "-data",
                "anchor/head.sig", "-CAfile", "tsa.pem");

        assertThat(verified.exit()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains("Verification: OK");
        Result shown = run(extracted, "openssl", "ts", "-reply", "-in", "anchor/head.tst", "-token_in", "-text");
        assertThat(shown.out()).as(shown.toString()).contains("Time stamp: ");
    }

    @Test
    void openssl_verifies_the_manifest_signature_up_to_the_agencys_root() throws Exception {
        Files.write(extracted.resolve("ca.pem"), EvidenceBundle.pem(List.of(TestCredentials.ROOT.certificate())));

        Result verified = run(extracted, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                "META-INF/signature.p7s", "-content", "META-INF/ASiCManifest.xml", "-CAfile", "ca.pem", "-out", "/dev/null");

        assertThat(verified.exit()).as(verified.toString()).isZero();
        assertThat(verified.err()).contains("Verification successful");
    }

    @Test
    void openssl_refuses_the_manifest_signature_once_the_manifest_is_edited() throws Exception {
        Files.write(extracted.resolve("ca.pem"), EvidenceBundle.pem(List.of(TestCredentials.ROOT.certificate())));
        Path manifest = extracted.resolve("META-INF/ASiCManifest.xml");
        Files.writeString(manifest, Files.readString(manifest).replace("envelope.xml", "envelope2.xml"));

        Result refused = run(extracted, "openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                "META-INF/signature.p7s", "-content", "META-INF/ASiCManifest.xml", "-CAfile", "ca.pem", "-out", "/dev/null");

        assertThat(refused.exit()).isNotZero();
    }

    @Test
    void the_python_script_checks_digests_entries_envelope_and_inclusion_paths() throws Exception {
        Result checked = run(directory, "python3", CHECK_BUNDLE.toString(), zip.toString());

        assertThat(checked.exit()).as(checked.toString()).isZero();
        assertThat(checked.out()).startsWith("OK: document " + fixture.key + ", envelope SHA-256 " + fixture.sha256);
    }

    @Test
    void the_python_script_catches_a_swapped_envelope() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(EvidenceFixture.files(zip));
        files.put("envelope.xml", "<edXMLEnvelope/>".getBytes(StandardCharsets.UTF_8));
        Path swapped = EvidenceFixture.write(directory.resolve("swapped.zip"), files, true);

        Result checked = run(directory, "python3", CHECK_BUNDLE.toString(), swapped.toString());

        assertThat(checked.exit()).isEqualTo(1);
        assertThat(checked.out()).contains("FAILED: envelope.xml has SHA-256").contains("(intake-accepted) says " + fixture.sha256);
    }

    @Test
    void the_python_script_catches_a_broken_inclusion_path() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(EvidenceFixture.files(zip));
        String proof = new String(files.get("proof.json"), StandardCharsets.UTF_8);
        int at = proof.indexOf('"', proof.indexOf('[', proof.indexOf("\"path\""))) + 1;
        files.put("proof.json", (proof.substring(0, at) + (proof.charAt(at) == '0' ? '1' : '0') + proof.substring(at + 1))
                .getBytes(StandardCharsets.UTF_8));
        Path broken = EvidenceFixture.write(directory.resolve("broken.zip"), files, true);

        Result checked = run(directory, "python3", CHECK_BUNDLE.toString(), broken.toString());

        assertThat(checked.exit()).isEqualTo(1);
        assertThat(checked.out()).contains("FAILED: the inclusion path of log entry");
    }

    /** The few lines of Python the README's "Auditing" section shows, taken from the README itself. */
    @Test
    void the_readmes_python_lines_check_a_bundle_and_catch_a_swapped_envelope() throws Exception {
        String readme = Files.readString(locate("README.md"));
        int start = readme.indexOf("```python\n") + "```python\n".length();
        Path snippet = Files.writeString(directory.resolve("check.py"), readme.substring(start, readme.indexOf("```", start)));
        Result checked = run(directory, "python3", snippet.toString(), zip.toString());
        assertThat(checked.exit()).as(checked.toString()).isZero();
        assertThat(checked.out()).startsWith("ok: ");

        Map<String, byte[]> files = new LinkedHashMap<>(EvidenceFixture.files(zip));
        files.put("envelope.xml", "<edXMLEnvelope/>".getBytes(StandardCharsets.UTF_8));
        Result swapped = run(directory, "python3", snippet.toString(),
                EvidenceFixture.write(directory.resolve("swapped-for-readme.zip"), files, true).toString());
        assertThat(swapped.exit()).isEqualTo(1);
        assertThat(swapped.err()).contains("envelope swapped");
    }

    record Result(int exit, String out, String err) {
    }

    private static Result run(Path in, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("evidence-check", ".out");
        Path err = Files.createTempFile("evidence-check", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(in.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finishes", command[0]).isTrue();
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The file in the repository, whether the tests run from the module or from the root. */
    private static Path locate(String relative) {
        Path here = Path.of("").toAbsolutePath();
        for (Path folder = here; folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve(relative))) {
                return folder.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + here);
    }
}
