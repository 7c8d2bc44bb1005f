package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import vn.lienthong.signature.SignatureCheck;
import vn.lienthong.signature.SignatureProblem;

/** Writes an envelope to a file and verifies it, for tests that look at one check. */
final class VerifierHarness {

    static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");

    final RecordingTrust trust;
    private final Path directory;
    private final EnvelopeSignatureVerifier verifier;

    VerifierHarness(Path directory, RecordingTrust trust, Path signerCertificates, boolean allowSha1) {
        this.directory = directory;
        this.trust = trust;
        this.verifier = new EnvelopeSignatureVerifier(trust, signerCertificates, allowSha1, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Trusts every signer, no signer-certificate directory, SHA-1 refused. */
    static VerifierHarness in(Path directory) {
        return new VerifierHarness(directory, new RecordingTrust(), null, false);
    }

    Optional<SignatureCheck> verify(String xml) throws Exception {
        Path file = Files.writeString(directory.resolve("envelope-" + System.nanoTime() + ".xml"), xml, StandardCharsets.UTF_8);
        return verifier.verify(file);
    }

    /** The check of an envelope that has a signature. */
    SignatureCheck check(String xml) throws Exception {
        Optional<SignatureCheck> check = verify(xml);
        assertThat(check).as("a check for a signed envelope").isPresent();
        return check.get();
    }

    static SignatureProblem[] problems(SignatureCheck check) {
        return check.reasons().stream().map(reason -> reason.problem()).toArray(SignatureProblem[]::new);
    }
}
