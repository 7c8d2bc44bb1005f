package vn.lienthong.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.config.ConnectorProperties;

class ConnectorSettingsTest {

    @TempDir
    Path directory;

    private Properties properties() throws IOException {
        Properties properties = ConnectorProperties.load(null);
        properties.setProperty("lienthong.axis.endpoint", "https://vxp.example.gov.vn/");
        properties.setProperty("lienthong.axis.system-id", "vxp.saas.03");
        properties.setProperty("lienthong.data.directory", directory.toString());
        return properties;
    }

    @Test
    void the_secret_comes_from_the_environment_first_then_from_the_secret_file() throws IOException {
        Properties properties = properties();
        Path secretFile = Files.writeString(directory.resolve("axis.secret"), "from-the-file\n");
        properties.setProperty("lienthong.axis.secret-file", secretFile.toString());
        assertThat(ConnectorSettings.secretFrom(properties, Map.of("LIENTHONG_AXIS_SECRET", "from-env"))).isEqualTo("from-env");
        assertThat(ConnectorSettings.secretFrom(properties, Map.of())).isEqualTo("from-the-file");
    }

    @Test
    void no_secret_at_all_is_a_plain_configuration_error() throws IOException {
        assertThatThrownBy(() -> ConnectorSettings.secretFrom(properties(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LIENTHONG_AXIS_SECRET");
    }

    @Test
    void empty_folder_keys_default_under_the_data_directory_and_the_secret_stays_out_of_to_string() throws IOException {
        ConnectorSettings settings = ConnectorSettings.from(properties(), "s3cret-value", 1);
        assertThat(settings.outbox()).isEqualTo(directory.resolve("dms/outbox"));
        assertThat(settings.inbox()).isEqualTo(directory.resolve("dms/inbox"));
        assertThat(settings.axis().endpoint().toString()).isEqualTo("https://vxp.example.gov.vn");
        assertThat(settings.toString()).doesNotContain("s3cret-value");
    }
}
