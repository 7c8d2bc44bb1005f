package vn.lienthong.dms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate pins in the clients file: as openssl prints them or as clients add writes them, and nothing else. */
class ClientRegistryPinTest {

    @TempDir
    Path directory;

    private ClientRegistry load(String pin) throws Exception {
        return ClientRegistry.load(Files.writeString(directory.resolve("clients.json"), """
                {"clients": [{"id": "vpcp-dms", "organIds": ["000.00.00.G22"], "certificateSha256": "%s"}]}"""
                .formatted(pin), StandardCharsets.UTF_8));
    }

    @Test
    void the_fingerprint_openssl_prints_with_colons_in_upper_case_pins_the_certificate() throws Exception {
        TlsPki.Party vendor = TlsPki.selfSigned("vpcp-dms");
        String openssl = HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(vendor.fingerprint()));

        assertThat(load(openssl).byCertificate(vendor.certificate())).isPresent();
        assertThat(load(vendor.fingerprint().toUpperCase(Locale.ROOT)).byCertificate(vendor.certificate())).isPresent();
    }

    @Test
    void another_certificate_is_not_the_pinned_one() throws Exception {
        ClientRegistry registry = load(TlsPki.selfSigned("vpcp-dms").fingerprint());

        assertThat(registry.byCertificate(TlsPki.selfSigned("vpcp-dms").certificate())).isEmpty();
    }

    @Test
    void a_pin_that_is_not_a_sha256_fingerprint_stops_the_load_naming_the_client() {
        assertThatThrownBy(() -> load("ab:cd:ef"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vpcp-dms").hasMessageContaining("certificateSha256");
    }
}
