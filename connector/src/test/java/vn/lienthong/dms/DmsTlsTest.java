package vn.lienthong.dms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lienthong.dms.tls.*: what an operator can get wrong stops the start with a message naming the key at fault. */
class DmsTlsTest {

    @TempDir
    Path directory;
    private TlsPki pki;

    @BeforeEach
    void generate() throws Exception {
        pki = TlsPki.generate(directory.resolve("pki"));
    }

    @Test
    void no_key_store_means_no_tls() {
        assertThat(DmsTls.fromProperties(new Properties(), Map.of())).isNull();
    }

    @Test
    void the_key_store_and_the_ca_of_the_client_certificates_are_loaded() {
        DmsTls tls = DmsTls.fromProperties(pki.settings(true), Map.of());

        assertThat(tls.serverCertificate()).isEqualTo(pki.server().certificate());
        assertThat(tls.clientIssuers()).containsExactly(pki.ca().certificate());
        assertThat(tls.toString()).doesNotContain(TlsPki.PASSWORD);
    }

    @Test
    void without_a_trust_store_only_pinned_fingerprints_decide() {
        assertThat(DmsTls.fromProperties(pki.settings(false), Map.of()).clientIssuers()).isEmpty();
    }

    @Test
    void the_password_comes_from_the_environment_before_the_password_file() throws Exception {
        Properties settings = pki.settings(false);
        Files.writeString(pki.passwordFile(), "not-the-password", StandardCharsets.UTF_8);

        assertThat(DmsTls.fromProperties(settings, Map.of(DmsTls.PASSWORD_VARIABLE, TlsPki.PASSWORD))).isNotNull();
    }

    @Test
    void a_missing_key_store_names_the_key_and_the_file() {
        Properties settings = pki.settings(false);
        settings.setProperty(DmsTls.KEYSTORE, directory.resolve("nowhere.p12").toString());

        assertThatThrownBy(() -> DmsTls.fromProperties(settings, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lienthong.dms.tls.keystore: there is no file")
                .hasMessageContaining("nowhere.p12");
    }

    @Test
    void a_wrong_password_names_the_key_and_where_the_password_came_from_but_not_the_password() throws Exception {
        Files.writeString(pki.passwordFile(), "sai-mat-khau\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> DmsTls.fromProperties(pki.settings(false), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lienthong.dms.tls.keystore: ")
                .hasMessageContaining("wrong password")
                .hasMessageContaining("lienthong.dms.tls.keystore-password-file")
                .hasMessageNotContaining("sai-mat-khau");
    }

    @Test
    void a_key_store_without_a_password_says_where_to_put_it() {
        Properties settings = pki.settings(false);
        settings.setProperty(DmsTls.PASSWORD_FILE, "");

        assertThatThrownBy(() -> DmsTls.fromProperties(settings, Map.of()))
                .hasMessageContaining("LIENTHONG_DMS_TLS_PASSWORD").hasMessageContaining("lienthong.dms.tls.keystore-password-file");
    }

    @Test
    void a_trust_store_that_holds_no_certificate_names_its_key() throws Exception {
        Properties settings = pki.settings(true);
        settings.setProperty(DmsTls.TRUSTSTORE, Files.writeString(directory.resolve("empty.pem"), "nothing here\n").toString());

        assertThatThrownBy(() -> DmsTls.fromProperties(settings, Map.of()))
                .hasMessageStartingWith("lienthong.dms.tls.truststore: ");
    }
}
