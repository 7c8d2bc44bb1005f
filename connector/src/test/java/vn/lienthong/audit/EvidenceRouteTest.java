package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.ops.http.EvidenceResource;
import vn.lienthong.ops.http.OpsAccess;
import vn.lienthong.ops.http.OpsRoutes;
import vn.lienthong.ops.http.OpsUser;
import vn.lienthong.signature.xml.TestCredentials;

/** GET /ops/v1/audit/evidence/{key} on a real Vert.x server, read with a real HTTP client. */
class EvidenceRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private EvidenceFixture fixture;
    private Vertx vertx;
    private HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws Exception {
        fixture = new EvidenceFixture(directory.resolve("data")).passThrough();
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        OpsAccess access = context -> switch (String.valueOf(context.request().getHeader("Authorization"))) {
            case "Bearer auditor" -> Optional.of(new OpsUser("anh", Set.of(OpsUser.Role.AUDITOR), false));
            case "Bearer viewer" -> Optional.of(new OpsUser("binh", Set.of(OpsUser.Role.VIEWER), false));
            default -> Optional.empty();
        };
        OpsRoutes.mount(router, access, List.of(new EvidenceResource(fixture.bundles(TestCredentials.RSA_SIGNER.signingKey()))));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        fixture.close();
    }

    @Test
    void an_auditor_downloads_a_bundle_that_verifies() throws Exception {
        fixture.log.anchor();
        Path zip = directory.resolve("downloaded.zip");

        HttpResponse<Path> response = http.send(request(fixture.key, "auditor"), HttpResponse.BodyHandlers.ofFile(zip));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/vnd.etsi.asic-e+zip");
        assertThat(EvidenceVerifier.verify(zip, fixture.log.tsa.certificate(), null).documentKey()).isEqualTo(fixture.key);
    }

    @Test
    void a_document_not_yet_anchored_is_409_in_both_languages() throws Exception {
        JsonNode error = error(http.send(request(fixture.key, "auditor"), HttpResponse.BodyHandlers.ofString()), 409);

        assertThat(error.path("code").asText()).isEqualTo("NOT_YET_ANCHORED");
        assertThat(error.path("vi").asText()).contains("chưa được neo");
        assertThat(error.path("en").asText()).contains("not yet anchored");
    }

    @Test
    void an_unknown_key_is_404() throws Exception {
        fixture.log.anchor();

        JsonNode error = error(http.send(request("ab".repeat(32), "auditor"), HttpResponse.BodyHandlers.ofString()), 404);

        assertThat(error.path("code").asText()).isEqualTo("UNKNOWN_DOCUMENT");
    }

    @Test
    void a_viewer_without_the_auditor_role_is_refused() throws Exception {
        fixture.log.anchor();

        assertThat(http.send(request(fixture.key, "viewer"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    private HttpRequest request(String key, String who) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + "/ops/v1/audit/evidence/" + key))
                .header("Authorization", "Bearer " + who).GET().build();
    }

    private static JsonNode error(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body()).path("errors").get(0);
    }
}
