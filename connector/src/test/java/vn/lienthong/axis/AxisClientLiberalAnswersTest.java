package vn.lienthong.axis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lienthong.edxml.MessageType;

/**
 * A real axis answers as loosely as the SDK it was built with tolerates: whitespace and line ends around or
 * inside getEdoc's base64, keys we do not model, ErrorCode as a number or as a string. We take the same liberties.
 */
class AxisClientLiberalAnswersTest extends AxisClientFixture {

    private static final byte[] PACKAGE = randomBytes(100_003);
    private static final String BASE64 = Base64.getEncoder().encodeToString(PACKAGE);
    /** Keys no model of ours reads: a scalar, an object holding an array, a null. */
    private static final String UNKNOWN_KEYS = "\"traceId\":\"7f3a\",\"server\":{\"node\":[1,{\"a\":null}]},\"note\":null";

    @TempDir
    Path folder;

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(20261123L).nextBytes(bytes);
        return bytes;
    }

    private byte[] fetched(String answer) throws Exception {
        axis.stubFor(post(urlEqualTo("/getEdoc")).willReturn(okJson(answer)));
        Path target = folder.resolve("D-1.edxml");
        client.getEdoc("D-1", target);
        return Files.readAllBytes(target);
    }

    private Path envelope() throws Exception {
        return Files.writeString(folder.resolve("envelope.edxml"), "<edXML/>", StandardCharsets.UTF_8);
    }

    /** {@code \r\n} and {@code \n} as JSON escapes inside the string, spaces as they are. */
    @ParameterizedTest(name = "data \"{0}\"")
    @ValueSource(strings = {"%s\\r\\n", "%s\\n", "  %s  ", "\\r\\n%s\\r\\n", " \\t%s\\r\\n "})
    void get_edoc_data_with_line_ends_or_spaces_around_the_base64_decodes_to_the_package(String around)
            throws Exception {
        byte[] stored = fetched(ok("\"data\":\"" + String.format(around, BASE64) + "\""));

        assertThat(stored).isEqualTo(PACKAGE);
    }

    @Test
    void get_edoc_data_wrapped_in_mime_lines_of_76_characters_decodes_to_the_package() throws Exception {
        String wrapped = Base64.getMimeEncoder().encodeToString(PACKAGE).replace("\r\n", "\\r\\n");
        assertThat(wrapped).contains("\\r\\n");

        assertThat(fetched(ok("\"data\":\"" + wrapped + "\\r\\n\""))).isEqualTo(PACKAGE);
    }

    @Test
    void an_answer_followed_by_crlf_after_its_json_is_read() throws Exception {
        assertThat(fetched(ok("\"data\":\"" + BASE64 + "\"") + "\r\n")).isEqualTo(PACKAGE);
    }

    @Test
    void get_edoc_reads_its_data_among_keys_it_does_not_know() throws Exception {
        String answer = "{" + UNKNOWN_KEYS + ",\"status\":\"OK\",\"ErrorCode\":0,\"ErrorDesc\":null,\"data\":\"" + BASE64
                + "\",\"dataLength\":" + PACKAGE.length + ",\"files\":[{\"name\":\"vb.pdf\"}]}";

        assertThat(fetched(answer)).isEqualTo(PACKAGE);
    }

    @ParameterizedTest(name = "ErrorCode {0}")
    @ValueSource(strings = {"0", "\"0\""})
    void send_edoc_reads_its_doc_id_whether_error_code_is_a_number_or_a_string(String errorCode) throws Exception {
        axis.stubFor(post(urlEqualTo("/sendEdoc")).willReturn(okJson("{\"status\":\"OK\",\"ErrorCode\":" + errorCode
                + ",\"ErrorDesc\":\"\"," + UNKNOWN_KEYS + ",\"DocId\":\"D-2026-9\",\"receivers\":[\"000.00.00.H41\"]}")));

        assertThat(client.sendEdoc(envelope(), "000.00.00.G22", MessageType.EDOC, List.of())).isEqualTo("D-2026-9");
    }

    @ParameterizedTest(name = "ErrorCode {0}")
    @ValueSource(strings = {"400", "\"400\""})
    void a_refusal_is_permanent_whether_its_error_code_is_a_number_or_a_string(String errorCode) throws Exception {
        axis.stubFor(post(urlEqualTo("/sendEdoc")).willReturn(okJson("{\"status\":\"FAIL\",\"ErrorCode\":" + errorCode
                + ",\"ErrorDesc\":\"unknown recipient\"," + UNKNOWN_KEYS + ",\"DocId\":\"\"}")));

        AxisException failure = failureOf(() -> client.sendEdoc(envelope(), "000.00.00.G22", MessageType.EDOC, List.of()));

        assertThat(failure.kind()).isEqualTo(AxisException.Kind.PERMANENT);
        assertThat(failure.errorCode()).isEqualTo("400");
        assertThat(failure.getMessage()).contains("ErrorCode 400 (unknown recipient)");
    }

    @Test
    void an_http_refusal_with_a_numeric_error_code_carries_that_code() {
        axis.stubFor(post(urlEqualTo("/getEdoc")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"FAIL\",\"ErrorCode\":40401,\"ErrorDesc\":\"no such package\",\"data\":\"\"}")));

        AxisException failure = failureOf(() -> client.getEdoc("nope", folder.resolve("nope.edxml")));

        assertThat(failure.kind()).isEqualTo(AxisException.Kind.PERMANENT);
        assertThat(failure.errorCode()).isEqualTo("40401");
    }

    @Test
    void a_temporary_failure_with_a_numeric_error_code_is_transient() throws Exception {
        axis.stubFor(post(urlEqualTo("/updateStatus")).willReturn(okJson(
                "{\"status\":\"FAIL\",\"ErrorCode\":503,\"ErrorDesc\":\"busy\"}")));

        AxisException failure = failureOf(() -> client.updateStatus("D-1", true));

        assertThat(failure.kind()).isEqualTo(AxisException.Kind.TRANSIENT);
        assertThat(failure.errorCode()).isEqualTo("503");
    }

    @Test
    void update_status_is_ok_among_keys_it_does_not_know() throws Exception {
        axis.stubFor(post(urlEqualTo("/updateStatus")).willReturn(okJson(
                "{\"status\":\"OK\",\"ErrorCode\":0," + UNKNOWN_KEYS + ",\"ErrorDesc\":\"\",\"updated\":1}")));

        client.updateStatus("D-1", true);

        assertThat(theOnlyRequest().getUrl()).isEqualTo("/updateStatus");
    }

    @Test
    void a_count_is_read_among_keys_it_does_not_know() throws Exception {
        axis.stubFor(get(urlEqualTo("/countReceiveEdoc")).willReturn(okJson(
                "{" + UNKNOWN_KEYS + ",\"count\":3,\"status\":\"OK\",\"ErrorCode\":0,\"ErrorDesc\":\"\"}")));

        assertThat(client.countReceiveEdoc()).isEqualTo(3);
    }

    @Test
    void a_list_is_read_among_keys_it_does_not_know() throws Exception {
        axis.stubFor(post(urlEqualTo("/getReceivedEdocList")).willReturn(okJson("{\"status\":\"OK\",\"ErrorCode\":0,"
                + "\"ErrorDesc\":\"\",\"total\":1,\"page\":{\"index\":0,\"size\":50}," + UNKNOWN_KEYS + ","
                + "\"data\":[{\"docId\":\"D-1\",\"messageType\":\"edoc\",\"priority\":{\"level\":2}}]}")));

        assertThat(client.getReceivedEdocList(MessageType.EDOC)).extracting(ReceivedPackage::docId).containsExactly("D-1");
    }
}
