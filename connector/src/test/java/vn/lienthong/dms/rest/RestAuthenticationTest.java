package vn.lienthong.dms.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.dms.ApiKeys;

/** Only a registered client gets in, whichever operation it calls, and its key never comes back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestAuthenticationTest {

    private static final String SOME_KEY = "0123456789abcdef".repeat(4);

    @FunctionalInterface
    interface Call {
        HttpResponse<String> on(ApiClient client) throws Exception;
    }

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

    Stream<Named<Call>> operations() {
        return Stream.of(
                Named.of("POST /documents", client -> client.postEnvelope(network.envelope(RestNetwork.OFFICE, RestNetwork.HANOI, 31))),
                Named.of("GET /documents/{key}", client -> client.get("/documents/" + SOME_KEY)),
                Named.of("GET /documents/{key}/envelope", client -> client.get("/documents/" + SOME_KEY + "/envelope")),
                Named.of("POST /documents/{key}/status", client -> client.postJson("/documents/" + SOME_KEY + "/status",
                        "{\"statusCode\": \"03\"}")),
                Named.of("GET /inbox", client -> client.get("/inbox")),
                Named.of("POST /inbox/{key}/ack", client -> client.post("/inbox/" + SOME_KEY + "/ack")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void a_caller_without_a_key_is_refused_with_401(Call call) throws Exception {
        HttpResponse<String> refused = call.on(network.office().withKey(null));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("UNAUTHENTICATED");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void a_caller_with_a_wrong_key_is_refused_with_401(Call call) throws Exception {
        HttpResponse<String> refused = call.on(network.office().withKey(ApiKeys.newKey()));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void the_key_is_accepted_as_a_bearer_token_too() throws Exception {
        ApiClient anonymous = network.office().withKey(null);

        HttpResponse<String> inbox = anonymous.send(anonymous.request("/inbox")
                .header("Authorization", "Bearer " + network.officeKey).GET());

        assertThat(inbox.statusCode()).isEqualTo(200);
        assertThat(inbox.body()).startsWith("[");
    }

    Stream<Named<String>> keysInTheQuery() {
        return Stream.of(Named.of("?X-Api-Key=KEY", "?X-Api-Key=" + network.officeKey),
                Named.of("?Authorization=Bearer%20KEY", "?Authorization=Bearer%20" + network.officeKey),
                Named.of("?x-api-key=KEY", "?x-api-key=" + network.officeKey));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keysInTheQuery")
    void a_key_in_the_query_string_is_not_accepted(String query) throws Exception {
        ApiClient anonymous = network.office().withKey(null);

        HttpResponse<String> refused = anonymous.get("/inbox" + query);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(ApiClient.errorCodes(refused)).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void the_key_is_never_echoed_in_a_response() throws Exception {
        HttpResponse<String> inbox = network.office().get("/inbox");

        assertThat(inbox.headers().map()).doesNotContainKey("x-api-key");
        assertThat(inbox.headers().map().values()).noneMatch(values -> values.toString().contains(network.officeKey));
        assertThat(inbox.body()).doesNotContain(network.officeKey);
    }

    @Test
    void an_error_answer_has_the_one_shape_and_no_stack_trace() throws Exception {
        HttpResponse<String> refused = network.office().withKey(null).get("/inbox");

        var error = ApiClient.json(refused).path("errors").get(0);
        assertThat(error.path("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(error.path("severity").asText()).isEqualTo("ERROR");
        assertThat(error.path("vi").asText()).startsWith("Không xác thực được máy khách");
        assertThat(error.path("en").asText()).startsWith("The client could not be authenticated");
        assertThat(error.path("location").has("line")).isTrue();
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_request_no_operation_matches_is_answered_404_in_the_one_error_shape() throws Exception {
        ApiClient client = network.office();

        HttpResponse<String> unknown = client.send(client.request("/inbox").DELETE());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiClient.errorCodes(unknown)).containsExactly("INVALID_REQUEST");
        assertThat(ApiClient.json(unknown).path("errors").get(0).path("en").asText()).contains("DELETE /api/v1/inbox");
    }
}
