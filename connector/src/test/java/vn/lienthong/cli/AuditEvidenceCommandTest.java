package vn.lienthong.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.lienthong.audit.EvidenceFixture;
import vn.lienthong.audit.EvidenceVerifier;
import vn.lienthong.ops.http.EvidenceResource;
import vn.lienthong.ops.http.OpsRoutes;
import vn.lienthong.ops.http.OpsToken;
import vn.lienthong.signature.xml.TestCredentials;

/** {@code audit evidence KEY -o FILE.zip}, online through the operations API and offline on a data directory. */
class AuditEvidenceCommandTest {

    @TempDir
    Path directory;

    private Path data;
    private EvidenceFixture fixture;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void passADocumentThrough() throws Exception {
        data = directory.resolve("data");
        fixture = new EvidenceFixture(data).passThrough();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void offline_on_a_stopped_connectors_data_directory_the_bundle_is_written_whole_and_owner_only() throws Exception {
        fixture.log.anchor();
        fixture.close(); // the connector stopped
        Path zip = directory.resolve("out").resolve("evidence.zip");
        Files.createDirectories(zip.getParent());

        int exit = run("--data", data.toString(), fixture.key, "-o", zip.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Đã ghi gói bằng chứng").contains("Wrote the evidence bundle");
        assertThat(EvidenceVerifier.verify(zip, null, null).documentKey()).isEqualTo(fixture.key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip))).isEqualTo("rw-------");
        try (var files = Files.list(zip.getParent())) {
            assertThat(files).containsExactly(zip);
        }
    }

    @Test
    void offline_a_document_not_yet_anchored_exits_1_and_leaves_no_file() throws Exception {
        fixture.close();
        Path zip = directory.resolve("evidence.zip");

        int exit = run("--data", data.toString(), fixture.key, "-o", zip.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("NOT_YET_ANCHORED: ").contains("chưa được neo").contains("not yet anchored");
        assertThat(zip).doesNotExist();
        try (var files = Files.list(directory)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void offline_a_folder_that_is_no_data_directory_exits_2() throws Exception {
        int exit = run("--data", directory.resolve("nothing").toString(), fixture.key, "-o",
                directory.resolve("e.zip").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("không phải là thư mục dữ liệu").contains("is not a connector's data directory");
    }

    @Test
    void offline_a_database_a_running_connector_holds_is_said_plainly_and_exits_2() throws Exception {
        fixture.log.anchor();
        fixture.close();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process connector = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, RunningConnectorDatabase.class.getName(), data.toString()).redirectErrorStream(true).start();
        try {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(connector.getInputStream())).readLine())
                    .isEqualTo("ready");

            int exit = run("--data", data.toString(), fixture.key, "-o", directory.resolve("e.zip").toString());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString()).contains("Bộ kết nối đang chạy và đang giữ cơ sở dữ liệu")
                    .contains("The connector is running and holds the database").contains("audit evidence --config");
            assertThat(directory.resolve("e.zip")).doesNotExist();
        } finally {
            connector.getOutputStream().close();
            assertThat(connector.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void online_the_bundle_comes_from_the_running_connectors_operations_api() throws Exception {
        fixture.log.anchor();
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            OpsRoutes.mount(router, OpsToken.loadOrCreate(data.resolve("ops-token")),
                    List.of(new EvidenceResource(fixture.bundles(TestCredentials.RSA_SIGNER.signingKey()))));
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Path config = Files.writeString(directory.resolve("connector.properties"), "lienthong.data.directory=" + data
                    + "\nlienthong.http.host=127.0.0.1\nlienthong.http.port=" + server.actualPort() + "\n");
            Path zip = directory.resolve("online.zip");

            int exit = run("--config", config.toString(), fixture.key, "-o", zip.toString());
            int unknown = run("--config", config.toString(), "ab".repeat(32), "-o", directory.resolve("no.zip").toString());

            assertThat(exit).as(err.toString()).isZero();
            assertThat(EvidenceVerifier.verify(zip, fixture.log.tsa.certificate(), null).manifestSigner())
                    .contains("Văn phòng Chính phủ");
            assertThat(unknown).isEqualTo(1);
            assertThat(err.toString()).contains("UNKNOWN_DOCUMENT: Không có văn bản nào mang mã");
            assertThat(directory.resolve("no.zip")).doesNotExist();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void audit_verify_checks_a_bundle_alone_and_names_a_swapped_envelope() throws Exception {
        fixture.log.anchor();
        Path zip = fixture.bundle(directory.resolve("e.zip"), null);
        Path tsa = Files.writeString(directory.resolve("tsa.pem"), fixture.log.tsa.authority().certificatePem());
        var files = new java.util.LinkedHashMap<>(EvidenceFixture.files(zip));
        files.put("envelope.xml", "<edXMLEnvelope/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path swapped = EvidenceFixture.write(directory.resolve("swapped.zip"), files, true);

        int verified = Main.run(new String[] {"audit", "verify", "--tsa-cert", tsa.toString(), zip.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        String verifiedOut = out.toString();
        int failed = Main.run(new String[] {"audit", "verify", swapped.toString()}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        int unusable = Main.run(new String[] {"audit", "verify", Files.writeString(directory.resolve("x.zip"), "no").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(verified).as(err.toString()).isZero();
        assertThat(verifiedOut).contains("ĐẠT / VERIFIED").contains(fixture.key).contains("đã ghim / pinned");
        assertThat(failed).isEqualTo(1);
        assertThat(out.toString()).contains("KHÔNG ĐẠT / FAILED: EVIDENCE_ENVELOPE_SWAPPED (mục / entry ")
                .contains("không phải là gói tin đã được tiếp nhận").contains("is not the envelope that was taken in");
        assertThat(unusable).isEqualTo(2);
        assertThat(err.toString()).contains("EVIDENCE_UNREADABLE");
    }

    @Test
    void an_auditor_gets_a_bundle_online_with_a_password() throws Exception {
        fixture.log.anchor();
        vn.lienthong.ops.users.UsersFile users = new vn.lienthong.ops.users.UsersFile(directory.resolve("users.json"));
        users.add("kiemtoan", java.util.EnumSet.of(vn.lienthong.ops.http.OpsUser.Role.AUDITOR),
                "mật-khẩu-kiểm-toán".toCharArray(), new vn.lienthong.ops.users.PasswordHash.Parameters(1024, 1, 1));
        var lockout = vn.lienthong.ops.console.Lockout.of(new vn.lienthong.ops.console.ConsoleSettings(3,
                java.time.Duration.ofMinutes(15), java.time.Duration.ofMinutes(30), false), java.time.Clock.systemUTC());
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            OpsRoutes.mount(router, new vn.lienthong.ops.console.AuditorBasicAccess(users, lockout, fixture.log.log),
                    List.of(new EvidenceResource(fixture.bundles(null))));
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            AuditCommand.environment = name -> name.equals("LIENTHONG_AUDIT_PASSWORD") ? "mật-khẩu-kiểm-toán" : null;
            Path zip = directory.resolve("auditor.zip");

            int exit = Main.run(new String[] {"audit", "evidence", "--url", "http://127.0.0.1:" + server.actualPort(),
                    "--user", "kiemtoan", fixture.key, "-o", zip.toString()}, new PrintWriter(out, true),
                    new PrintWriter(err, true));

            assertThat(exit).as(err.toString()).isZero();
            assertThat(EvidenceVerifier.verify(zip, null, null).documentKey()).isEqualTo(fixture.key);
        } finally {
            AuditCommand.environment = System::getenv;
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private int run(String... args) {
        return new CommandLine(new AuditEvidenceCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }
}
