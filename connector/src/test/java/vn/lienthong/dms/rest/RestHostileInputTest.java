package vn.lienthong.dms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: what a client with a key can send through the real REST listener to exhaust the connector, leave
 * copies behind, or get a 500 with a stack trace instead of its reasons. Each answer is a 400 with findings, short.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestHostileInputTest {

    private Path root;
    private RestNetwork network;

    @BeforeAll
    void start(@TempDir Path root) throws Exception {
        this.root = root;
        network = new RestNetwork(root);
    }

    @AfterAll
    void stop() {
        if (network != null) {
            network.close();
        }
    }

    @Test
    void an_element_name_of_ten_megabytes_is_refused_with_LIMIT_NAME_LENGTH_in_a_short_answer() throws Exception {
        Path hostile = root.resolve("long-name.edxml");
        try (var body = HostileBodies.elementNameOf(10L * 1024 * 1024)) {
            Files.copy(body, hostile);
        }

        HttpResponse<String> refused = network.office().postEnvelope(hostile);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("LIMIT_NAME_LENGTH");
        assertThat(refused.body().length()).isLessThan(2_000);
    }
}
