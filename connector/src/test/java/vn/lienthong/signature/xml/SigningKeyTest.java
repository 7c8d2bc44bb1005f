package vn.lienthong.signature.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    private static final char[] PASSWORD = "changeit-2026".toCharArray();

    @TempDir
    Path directory;

    @Test
    void the_only_key_of_a_pkcs12_file_is_taken_with_its_chain_when_no_alias_is_named() throws Exception {
        SigningKey key = SigningKey.fromPkcs12(pkcs12(TestCredentials.RSA_SIGNER), PASSWORD, null);

        assertThat(key.chain()).containsExactlyElementsOf(TestCredentials.RSA_SIGNER.chain());
        assertThat(key.certificate()).isEqualTo(TestCredentials.RSA_SIGNER.certificate());
        assertThat(key.provider()).isNull();
    }

    @Test
    void a_pkcs12_file_with_two_keys_needs_an_alias() throws Exception {
        Path file = pkcs12(TestCredentials.RSA_SIGNER, TestCredentials.EC_SIGNER);

        assertThatThrownBy(() -> SigningKey.fromPkcs12(file, PASSWORD, null))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("holds 2 keys");
        assertThat(SigningKey.fromPkcs12(file, PASSWORD, "key-1").certificate())
                .isEqualTo(TestCredentials.EC_SIGNER.certificate());
    }

    @Test
    void an_alias_that_is_not_a_key_is_refused() throws Exception {
        Path file = pkcs12(TestCredentials.RSA_SIGNER);

        assertThatThrownBy(() -> SigningKey.fromPkcs12(file, PASSWORD, "nobody"))
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("no key entry named nobody");
    }

    @Test
    void the_text_of_a_signing_key_names_its_owner_and_never_the_key() {
        SigningKey key = TestCredentials.RSA_SIGNER.signingKey();

        assertThat(key.toString()).contains("Văn phòng Chính phủ").doesNotContain("modulus").doesNotContain("exponent");
    }

    private Path pkcs12(TestCredentials.Credential... credentials) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < credentials.length; i++) {
            store.setKeyEntry("key-" + i, credentials[i].privateKey(), PASSWORD,
                    credentials[i].chain().toArray(X509Certificate[]::new));
        }
        Path file = directory.resolve("keys-" + credentials.length + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }
}
