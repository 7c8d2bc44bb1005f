package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.audit.AuditExport;
import vn.lienthong.audit.AuditLogFixture;
import vn.lienthong.audit.AuditVerifier;
import vn.lienthong.ops.console.AuditorBasicAccess;
import vn.lienthong.ops.console.ConsoleSettings;
import vn.lienthong.ops.console.Lockout;
import vn.lienthong.ops.http.AuditResource;
import vn.lienthong.ops.http.OpsAccess;
import vn.lienthong.ops.http.OpsRoutes;
import vn.lienthong.ops.http.OpsToken;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.ops.users.PasswordHash;
import vn.lienthong.ops.users.UsersFile;
import vn.lienthong.tracking.LogEvent;

/**
 * The audit export over the operations API, on a real HTTP server: an auditor signs in with HTTP Basic from the
 * command line and gets a verifiable export; a viewer is refused; exports run while appends go on.
 */
class AuditOnlineTest {

    private static final PasswordHash.Parameters LIGHT = new PasswordHash.Parameters(1024, 1, 1);

    @TempDir
    Path data;
    @TempDir
    Path out;

    AuditLogFixture fixture;
    Vertx vertx;
    String base;
    int port;
    OpsToken token;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        fixture = new AuditLogFixture(data);
        fixture.append("k1", 6);
        fixture.anchor();
        fixture.append("k2", 3);
        UsersFile users = new UsersFile(data.resolve("users.json"));
        users.add("kiemtoan", EnumSet.of(Role.AUDITOR), "mật-khẩu-kiểm-toán".toCharArray(), LIGHT);
        users.add("xem", EnumSet.of(Role.VIEWER), "chỉ-xem-thôi".toCharArray(), LIGHT);
        Lockout lockout = Lockout.of(new ConsoleSettings(3, Duration.ofMinutes(15), Duration.ofMinutes(30), false),
                Clock.systemUTC());
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        token = OpsToken.loadOrCreate(data.resolve("ops-token"));
        OpsRoutes.mount(router, OpsAccess.anyOf(token, new AuditorBasicAccess(users, lockout, fixture.log)),
                List.of(new AuditResource(new AuditExport(fixture.database, Clock.systemUTC(), null, true,
                        Optional::empty))));
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        base = "http://127.0.0.1:" + server.actualPort();
        port = server.actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        AuditCommand.environment = System::getenv;
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        fixture.close();
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_auditor_exports_online_with_a_password_and_the_export_verifies_and_the_sign_in_is_logged() throws Exception {
        AuditCommand.environment = name -> name.equals("LIENTHONG_AUDIT_PASSWORD") ? "mật-khẩu-kiểm-toán" : null;
        Path file = out.resolve("online.jsonl");
        StringWriter err = new StringWriter();

        int exit = Main.run(new String[] {"audit", "export", "--url", base, "--user", "kiemtoan", "-o", file.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(new AuditVerifier(fixture.tsa.certificate()).verify(List.of(file), null).entries()).isEqualTo(11); // 10, and the sign-in itself
        List<LogEvent> entries = fixture.entries();
        assertThat(entries.get(entries.size() - 1).step()).isEqualTo("audit-sign-in");
        assertThat(entries.get(entries.size() - 1).detail()).startsWith("user 'kiemtoan' from 127.0.0.1")
                .doesNotContain("mật-khẩu");
    }

    @Test
    void the_operations_tokens_holder_exports_csv_with_the_connectors_configuration() throws Exception {
        Path config = out.resolve("connector.properties");
        java.nio.file.Files.writeString(config, "lienthong.http.host=127.0.0.1\nlienthong.http.port=" + port
                + "\nlienthong.ops.token-file=" + data.resolve("ops-token") + "\n");
        Path file = out.resolve("k2.csv");
        StringWriter err = new StringWriter();

        int exit = Main.run(new String[] {"audit", "export", "--config", config.toString(), "--format", "csv", "--to",
                "2099-01-01", "-o", file.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(java.nio.file.Files.readAllLines(file)).hasSize(11); // the header row and entries 1..10
    }

    @Test
    void a_viewer_is_refused_the_export_and_a_wrong_password_is_not_signed_in() throws Exception {
        HttpResponse<String> viewer = get("/ops/v1/audit/export", "xem", "chỉ-xem-thôi");
        HttpResponse<String> wrong = get("/ops/v1/audit/export", "kiemtoan", "đoán-bừa");

        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(viewer.body()).contains("FORBIDDEN").contains("auditor");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(fixture.entries().get(fixture.entries().size() - 1).outcome()).isEqualTo("failed");
    }

    @Test
    void a_wrong_password_from_the_command_line_exits_1_with_the_apis_bilingual_error() {
        AuditCommand.environment = name -> "sai";
        StringWriter err = new StringWriter();

        int exit = Main.run(new String[] {"audit", "export", "--url", base, "--user", "kiemtoan", "-o",
                out.resolve("x.jsonl").toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("UNAUTHENTICATED");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void an_export_streams_while_the_connector_keeps_appending() throws Exception {
        fixture.append("k3", 3000);
        AtomicBoolean exporting = new AtomicBoolean(true);
        AtomicLong appended = new AtomicLong();
        AtomicLong slowest = new AtomicLong();
        Thread appender = new Thread(() -> {
            while (exporting.get()) {
                long started = System.nanoTime();
                fixture.log.append("k4", "queued", "ok", 1, null, "during the export");
                slowest.accumulateAndGet(System.nanoTime() - started, Math::max);
                appended.incrementAndGet();
            }
        });
        appender.start();
        HttpResponse<String> export;
        try {
            export = get("/ops/v1/audit/export", "kiemtoan", "mật-khẩu-kiểm-toán");
        } finally {
            exporting.set(false);
            appender.join(10_000);
        }

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(appended.get()).as("appends completed during the export").isPositive();
        assertThat(Duration.ofNanos(slowest.get())).isLessThan(Duration.ofSeconds(2));
        Path file = out.resolve("during.jsonl");
        java.nio.file.Files.writeString(file, export.body());
        assertThat(new AuditVerifier(null).verify(List.of(file), null).entries()).isGreaterThanOrEqualTo(3016);
    }
}
