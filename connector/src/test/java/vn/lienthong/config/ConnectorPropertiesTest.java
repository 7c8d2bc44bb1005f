package vn.lienthong.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorPropertiesTest {

    @TempDir
    Path directory;

    @Test
    void defaults_then_file_then_environment_each_win_over_the_one_before() throws IOException {
        Path file = Files.writeString(directory.resolve("agency.properties"),
                "lienthong.axis.endpoint=https://from-file\nlienthong.axis.system-id=from.file\n");
        Properties properties = ConnectorProperties.load(file, Map.of("LIENTHONG_AXIS_SYSTEM_ID", "from.environment"));
        assertThat(properties.getProperty("lienthong.axis.poll-interval-ms")).isEqualTo("5000");
        assertThat(properties.getProperty("lienthong.axis.endpoint")).isEqualTo("https://from-file");
        assertThat(properties.getProperty("lienthong.axis.system-id")).isEqualTo("from.environment");
    }

    @Test
    void environment_names_are_the_keys_in_upper_case_with_underscores() {
        assertThat(ConnectorProperties.environmentName("lienthong.dms.outbox-min-age-ms"))
                .isEqualTo("LIENTHONG_DMS_OUTBOX_MIN_AGE_MS");
    }
}
