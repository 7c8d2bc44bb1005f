package vn.lienthong.signature.xml;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Envelopes signed by {@link EnvelopeSigner}, as text, for tests that then change or verify them. */
final class SignedTexts {

    private SignedTexts() {
    }

    static String ours(String xml, Path directory) throws Exception {
        return ours(xml, directory, TestCredentials.RSA_SIGNER);
    }

    static String ours(String xml, Path directory, TestCredentials.Credential credential) throws Exception {
        Path envelope = Files.writeString(directory.resolve("unsigned-" + System.nanoTime() + ".xml"), xml,
                StandardCharsets.UTF_8);
        Path signed = directory.resolve("signed-" + System.nanoTime() + ".xml");
        new EnvelopeSigner(credential.signingKey()).sign(envelope, signed);
        return Files.readString(signed, StandardCharsets.UTF_8);
    }
}
