package vn.lienthong.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.cli.Main;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.ops.users.PasswordHash;
import vn.lienthong.ops.users.UsersFile;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.transport.Steps;

/**
 * Who may use the console and the operations API of a really started connector: no one until a user is added,
 * then only with the right password, a session cookie and, to change anything, the session's CSRF token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PasswordHash.Parameters LIGHT = new PasswordHash.Parameters(1024, 1, 1);

    @TempDir
    static Path root;

    private static DemoNetwork network;
    private static ConnectorRuntime hanoi;
    private static String base;
    private static UsersFile users;
    private static String apiKey;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Properties properties = ConsoleConnector.settings();
        properties.setProperty("lienthong.console.lockout-failures", "3");
        // One DMS client with an API key: the clients page must show it without the key or its hash.
        Path clients = root.resolve("clients.json");
        StringWriter printed = new StringWriter();
        Main.run(new String[] {"clients", "add", "--file", clients.toString(), "--id", "hanoi-dms",
                "--name", "Phần mềm QLVB Hà Nội", "--organ-id", ConsoleConnector.HANOI.organId(), "--delivery", "pull"},
                new PrintWriter(printed), new PrintWriter(new StringWriter()));
        Matcher key = Pattern.compile("API key \\(shown once, keep it\\): (\\S+)")
                .matcher(printed.toString());
        assertThat(key.find()).as(printed.toString()).isTrue();
        apiKey = key.group(1);
        properties.setProperty("lienthong.dms.clients-file", clients.toString());
        network = ConsoleConnector.start(root, properties);
        hanoi = network.connector(ConsoleConnector.HANOI.organId());
        base = "http://127.0.0.1:" + hanoi.settings().httpPort();
        users = new UsersFile(hanoi.settings().dataDirectory().resolve("users.json"));
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
    }

    private record Answer(int status, JsonNode body, String text, List<String> cookies) {
    }

    private Answer call(String method, String path, String body, String cookie, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (csrf != null) {
            request.header(Sessions.CSRF_HEADER, csrf);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (Exception notJson) {
            json = JSON.createObjectNode();
        }
        return new Answer(response.statusCode(), json, response.body(), response.headers().allValues("Set-Cookie"));
    }

    private Answer signIn(String name, String password) throws Exception {
        return call("POST", "/ops/v1/session", JSON.writeValueAsString(Map.of("name", name, "password", password)),
                null, null);
    }

    private static String cookie() {
        return Sessions.cookieName(hanoi.settings().httpPort());
    }

    private static String cookieOf(Answer answer) {
        return answer.cookies().stream().filter(cookie -> cookie.startsWith(cookie() + "="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).findFirst().orElseThrow();
    }

    private List<LogEvent> signInEvents() {
        return hanoi.transmissionLog().all(0, 10_000).stream()
                .filter(event -> event.step().startsWith("console-")).toList();
    }

    @Test
    @Order(1)
    void without_any_user_the_console_is_off_and_says_how_to_add_one_in_both_languages() throws Exception {
        Answer page = call("GET", "/console/", null, null, null);
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.text()).contains("Bảng điều khiển chưa bật").contains("The console is off")
                .contains("lienthong users add TÊN --role admin").contains("lienthong users add NAME --role admin");

        Answer signIn = signIn("admin", "admin");
        assertThat(signIn.status()).isEqualTo(503);
        assertThat(signIn.body().at("/errors/0/code").asText()).isEqualTo("CONSOLE_OFF");
        assertThat(signIn.body().at("/errors/0/vi").asText()).contains("không có mật khẩu mặc định");
        assertThat(signIn.body().at("/errors/0/en").asText()).contains("there is no default password");
        assertThat(signIn.cookies()).isEmpty();
    }

    @Test
    @Order(2)
    void a_user_added_while_the_connector_runs_signs_in_with_a_strict_http_only_session_cookie() throws Exception {
        users.add("mai", Set.of(Role.ADMIN), "mật khẩu của Mai".toCharArray(), LIGHT);
        assertThat(call("GET", "/console/", null, null, null).status()).isEqualTo(200);

        HttpResponse<String> asForm = http.send(HttpRequest.newBuilder(URI.create(base + "/ops/v1/session"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"mai\",\"password\":\"mật khẩu của Mai\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asForm.statusCode()).as("a cross-site form cannot sign anyone in").isEqualTo(415);
        assertThat(asForm.headers().allValues("Set-Cookie")).isEmpty();

        Answer signIn = signIn("mai", "mật khẩu của Mai");
        assertThat(signIn.status()).as(signIn.text()).isEqualTo(200);
        assertThat(signIn.body().path("user").asText()).isEqualTo("mai");
        assertThat(signIn.body().path("roles").toString()).contains("admin", "operator", "viewer", "auditor");
        assertThat(signIn.body().path("csrf").asText()).hasSizeGreaterThan(30);
        String setCookie = signIn.cookies().get(0);
        assertThat(setCookie).startsWith("lienthong_session_" + hanoi.settings().httpPort() + "=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/").doesNotContainIgnoringCase("Secure");

        Answer overview = call("GET", "/ops/v1/overview", null, cookieOf(signIn), null);
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body().at("/documents/inbound/DELIVERED").isNumber()).isTrue();
        assertThat(overview.body().at("/held/inbound").asLong()).isZero();
        assertThat(overview.body().has("axis")).isTrue();
        assertThat(call("GET", "/ops/v1/overview", null, null, null).status()).isEqualTo(401);

        assertThat(signInEvents()).anyMatch(event -> event.step().equals(Steps.CONSOLE_SIGN_IN)
                && event.outcome().equals(Steps.OK) && event.detail().contains("user 'mai' from 127.0.0.1"));
        assertThat(signInEvents()).noneMatch(event -> event.detail().contains("mật khẩu")
                || event.detail().contains(cookieOf(signIn).substring(cookie().length() + 1)));
    }

    @Test
    @Order(3)
    void a_change_without_the_session_csrf_token_is_refused_and_with_it_reaches_the_resource() throws Exception {
        users.add("binh", Set.of(Role.OPERATOR), "mật khẩu của Bình".toCharArray(), LIGHT);
        Answer signIn = signIn("binh", "mật khẩu của Bình");
        String cookie = cookieOf(signIn);
        String csrf = signIn.body().path("csrf").asText();

        assertThat(call("POST", "/ops/v1/inbound/no-such-key/release", "{}", cookie, null).status()).isEqualTo(401);
        assertThat(call("POST", "/ops/v1/inbound/no-such-key/release", "{}", cookie, "forged").status()).isEqualTo(401);
        Answer withToken = call("POST", "/ops/v1/inbound/no-such-key/release", "{}", cookie, csrf);
        assertThat(withToken.status()).as("past authentication, the resource answers").isEqualTo(404);
        assertThat(withToken.body().at("/errors/0/code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    @Order(4)
    void a_viewer_may_read_but_not_release_and_sees_clients_without_their_secrets() throws Exception {
        users.add("chi", Set.of(Role.VIEWER), "mật khẩu của Chi".toCharArray(), LIGHT);
        Answer signIn = signIn("chi", "mật khẩu của Chi");
        String cookie = cookieOf(signIn);
        String csrf = signIn.body().path("csrf").asText();

        Answer clients = call("GET", "/ops/v1/clients", null, cookie, null);
        assertThat(clients.status()).isEqualTo(200);
        JsonNode client = clients.body().at("/clients/0");
        assertThat(client.path("id").asText()).isEqualTo("hanoi-dms");
        assertThat(client.path("name").asText()).isEqualTo("Phần mềm QLVB Hà Nội");
        assertThat(client.path("agencies").toString()).contains(ConsoleConnector.HANOI.organId());
        assertThat(client.path("delivery").asText()).isEqualTo("PULL");
        assertThat(client.path("authentication").asText()).isEqualTo("API_KEY");
        String keyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        assertThat(clients.text()).doesNotContain(apiKey).doesNotContainIgnoringCase(keyHash)
                .doesNotContainIgnoringCase("apiKey");
        Answer release = call("POST", "/ops/v1/inbound/any/release", "{}", cookie, csrf);
        assertThat(release.status()).isEqualTo(403);
        assertThat(release.body().at("/errors/0/vi").asText()).contains("không có quyền operator");
    }

    @Test
    @Order(5)
    void repeated_wrong_passwords_lock_the_user_out_even_with_the_right_one_and_each_is_logged() throws Exception {
        users.add("dung", Set.of(Role.VIEWER), "mật khẩu của Dũng".toCharArray(), LIGHT);
        Answer wrong = signIn("dung", "sai mật khẩu");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().at("/errors/0/code").asText()).isEqualTo("SIGN_IN_FAILED");
        assertThat(wrong.body().at("/errors/0/vi").asText()).isEqualTo("Sai tên đăng nhập hoặc mật khẩu.");
        assertThat(wrong.body().at("/errors/0/en").asText()).isEqualTo("Wrong user name or password.");
        signIn("dung", "sai lần hai");
        Answer third = signIn("dung", "sai lần ba");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.body().at("/errors/0/code").asText()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(third.body().at("/errors/0/vi").asText()).contains("Tài khoản tạm khóa");
        assertThat(third.body().at("/errors/0/en").asText()).contains("The account is locked");

        Answer right = signIn("dung", "mật khẩu của Dũng");
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.cookies()).isEmpty();
        List<LogEvent> events = signInEvents().stream().filter(event -> event.detail().contains("'dung'")).toList();
        assertThat(events).extracting(LogEvent::outcome)
                .containsExactly(Steps.FAILED, Steps.FAILED, Steps.LOCKED, Steps.LOCKED);
        assertThat(events).noneMatch(event -> event.detail().contains("sai"));
        assertThat(signIn("no.such.user", "whatever").body().at("/errors/0/code").asText()).isEqualTo("SIGN_IN_FAILED");
    }

    @Test
    @Order(6)
    void signing_out_ends_the_session_and_so_does_removing_the_user() throws Exception {
        users.add("em", Set.of(Role.VIEWER), "mật khẩu của Em".toCharArray(), LIGHT);
        Answer first = signIn("em", "mật khẩu của Em");
        String cookie = cookieOf(first);
        assertThat(call("GET", "/ops/v1/session", null, cookie, null).body().path("user").asText()).isEqualTo("em");
        assertThat(call("DELETE", "/ops/v1/session", null, cookie, null).status()).as("no CSRF token").isEqualTo(403);
        Answer out = call("DELETE", "/ops/v1/session", null, cookie, first.body().path("csrf").asText());
        assertThat(out.status()).isEqualTo(200);
        assertThat(call("GET", "/ops/v1/overview", null, cookie, null).status()).isEqualTo(401);
        assertThat(signInEvents()).anyMatch(event -> event.step().equals(Steps.CONSOLE_SIGN_OUT)
                && event.detail().contains("'em'"));

        String second = cookieOf(signIn("em", "mật khẩu của Em"));
        assertThat(call("GET", "/ops/v1/overview", null, second, null).status()).isEqualTo(200);
        users.remove("em");
        assertThat(call("GET", "/ops/v1/overview", null, second, null).status()).isEqualTo(401);
    }
}
