package vn.lienthong.axis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AxisClientGetEdocTest extends AxisClientFixture {

    private static final byte[] PACKAGE = randomBytes(4 * 1024 * 1024 + 17);

    @TempDir
    Path inbox;

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(20261122L).nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private List<Path> inboxFiles() throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.toList();
        }
    }

    @ParameterizedTest(name = "data {0} status")
    @ValueSource(strings = {"before", "after"})
    void get_edoc_decodes_a_multi_megabyte_data_field_into_the_target(String placeOfData) throws Exception {
        String data = "\"data\":\"" + Base64.getEncoder().encodeToString(PACKAGE) + "\"";
        String status = "\"status\":\"OK\",\"ErrorCode\":\"0\",\"ErrorDesc\":\"\"";
        String answer = placeOfData.equals("before") ? "{" + data + "," + status + "}" : "{" + status + "," + data + "}";
        axis.stubFor(post(urlEqualTo("/getEdoc")).willReturn(okJson(answer)));
        Path target = inbox.resolve("D-1.edxml");

        client.getEdoc("D-1", target);

        assertThat(sha256(Files.readAllBytes(target))).isEqualTo(sha256(PACKAGE));
        assertThat(inboxFiles()).containsExactly(target);
    }

    @Test
    void get_edoc_posts_the_doc_id_with_an_empty_json_object() throws Exception {
        axis.stubFor(post(urlEqualTo("/getEdoc")).willReturn(okJson(ok("\"data\":\"PGVkWE1MLz4=\""))));

        client.getEdoc("D-7", inbox.resolve("D-7.edxml"));

        assertSignedOver(theOnlyRequest(), "systemid;docId;timestamp;Content-Type");
        axis.verify(postRequestedFor(urlEqualTo("/getEdoc"))
                .withHeader("XroadVnpt-docId", equalTo("D-7"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalTo("{}")));
        assertThat(inbox.resolve("D-7.edxml")).hasContent("<edXML/>");
    }

    @Test
    void a_fail_answer_after_the_data_leaves_neither_target_nor_temporary_file() throws Exception {
        String answer = "{\"data\":\"" + Base64.getEncoder().encodeToString(randomBytes(100_000)) + "\","
                + "\"status\":\"FAIL\",\"ErrorCode\":\"503\",\"ErrorDesc\":\"storage unavailable\"}";
        axis.stubFor(post(urlEqualTo("/getEdoc")).willReturn(okJson(answer)));

        AxisException failure = failureOf(() -> client.getEdoc("D-1", inbox.resolve("D-1.edxml")));

        assertThat(failure.kind()).isEqualTo(AxisException.Kind.TRANSIENT);
        assertThat(failure.errorCode()).isEqualTo("503");
        assertThat(inboxFiles()).isEmpty();
    }

    @Test
    void an_unknown_doc_id_is_permanent_and_leaves_no_file() throws Exception {
        axis.stubFor(post(urlEqualTo("/getEdoc")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(fail("404", "unknown docId"))));

        AxisException failure = failureOf(() -> client.getEdoc("nope", inbox.resolve("nope.edxml")));

        assertThat(failure.kind()).isEqualTo(AxisException.Kind.PERMANENT);
        assertThat(failure.errorCode()).isEqualTo("404");
        assertThat(failure.getMessage()).contains("HTTP 404").contains("unknown docId");
        assertThat(inboxFiles()).isEmpty();
    }

    @Test
    void an_ok_answer_without_data_leaves_no_file() throws Exception {
        axis.stubFor(post(urlEqualTo("/getEdoc")).willReturn(okJson(ok(""))));

        AxisException failure = failureOf(() -> client.getEdoc("D-1", inbox.resolve("D-1.edxml")));

        assertThat(failure.kind()).isEqualTo(AxisException.Kind.TRANSIENT);
        assertThat(inboxFiles()).isEmpty();
    }

    @Test
    void a_package_fetched_again_replaces_the_earlier_copy() throws Exception {
        Path target = Files.writeString(inbox.resolve("D-1.edxml"), "an earlier, interrupted copy");
        axis.stubFor(post(urlEqualTo("/getEdoc")).willReturn(okJson(ok("\"data\":\"PGVkWE1MLz4=\""))));

        client.getEdoc("D-1", target);

        assertThat(target).hasContent("<edXML/>");
        assertThat(inboxFiles()).containsExactly(target);
    }
}
