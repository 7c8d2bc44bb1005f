package vn.lienthong.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.findings.Direction;
import vn.lienthong.ops.http.OpsToken;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.ops.users.PasswordHash;
import vn.lienthong.ops.users.UsersFile;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.tracking.DocumentKey;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.transport.Steps;

/**
 * The web console in a real browser (Debian's chromium, headless, driven by its chromium-driver) against a really
 * started connector: sign-in and its refusals, the dashboard's numbers, releasing a held package to the DMS, and the
 * language switch. The screenshots it takes are the ones docs/operating.md shows (docs/images/console-*.png), when
 * run with -Dlienthong.screenshots=../docs/images.
 */
class ConsoleBrowserTest {

    private static final String NGHE_AN = "000.00.00.H41";
    private static final String PASSWORD = "mật khẩu của Lan 2026";

    @TempDir
    static Path root;

    private static DemoNetwork network;
    private static ConnectorRuntime hanoi;
    private static String console;
    private static UsersFile users;
    private ConsoleBrowser opened;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Properties properties = ConsoleConnector.settings();
        properties.setProperty("lienthong.console.lockout-failures", "3");
        network = ConsoleConnector.start(root, properties);
        hanoi = network.connector(ConsoleConnector.HANOI.organId());
        console = "http://127.0.0.1:" + hanoi.settings().httpPort() + "/console/";
        users = new UsersFile(hanoi.settings().dataDirectory().resolve("users.json"));
        PasswordHash.Parameters light = new PasswordHash.Parameters(1024, 1, 1);
        users.add("lan", Set.of(Role.ADMIN), PASSWORD.toCharArray(), light);
        users.add("khoa", Set.of(Role.VIEWER), "mật khẩu của Khoa".toCharArray(), light);
        users.add("thu", Set.of(Role.VIEWER), "mật khẩu của Thu".toCharArray(), light);
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        opened = ConsoleBrowser.open();
        browser = opened.driver;
        wait = opened.wait;
    }

    @AfterEach
    void closeBrowser() {
        if (opened != null) {
            opened.close();
        }
    }

    private void signIn(String name, String password) {
        browser.get(console);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-name")));
        browser.findElement(By.id("login-name")).clear();
        browser.findElement(By.id("login-name")).sendKeys(name);
        browser.findElement(By.id("login-password")).sendKeys(password);
        browser.findElement(By.id("login-submit")).click();
    }

    private void signedInAsLan() {
        signIn("lan", PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-dashboard")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void screenshot(String name) throws Exception {
        opened.screenshot(name);
    }

    @Test
    void a_connector_without_users_shows_how_to_add_the_first_instead_of_a_sign_in() throws Exception {
        ConnectorRuntime office = network.connector(ConsoleConnector.OFFICE.organId());
        browser.get("http://127.0.0.1:" + office.settings().httpPort() + "/console/");
        WebElement off = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console-off")));
        assertThat(off.getText()).contains("Bảng điều khiển chưa bật").contains("The console is off (CONSOLE_OFF)")
                .contains("lienthong users add TÊN --role admin").contains("no default password");
        assertThat(browser.findElements(By.id("login-password"))).isEmpty();
        screenshot("console-off");
    }

    @Test
    void a_wrong_password_is_refused_in_both_languages_and_repeated_ones_lock_the_user_out() throws Exception {
        signIn("khoa", "không phải mật khẩu");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getText()).contains("SIGN_IN_FAILED: Sai tên đăng nhập hoặc mật khẩu.")
                .contains("Wrong user name or password.");
        screenshot("console-sign-in-refused");

        signIn("khoa", "lần sai thứ hai");
        signIn("khoa", "lần sai thứ ba");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "ACCOUNT_LOCKED"));
        signIn("khoa", "mật khẩu của Khoa");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "ACCOUNT_LOCKED"));
        assertThat(text("login-error")).contains("Tài khoản tạm khóa").contains("The account is locked");
        assertThat(browser.findElement(By.id("nav")).isDisplayed()).isFalse();
        assertThat(hanoi.transmissionLog().all(0, 10_000)).filteredOn(event -> event.detail() != null
                && event.detail().contains("'khoa'")).extracting(event -> event.outcome())
                .containsExactly(Steps.FAILED, Steps.FAILED, Steps.LOCKED, Steps.LOCKED);
    }

    @Test
    void the_dashboard_shows_the_connectors_real_numbers() throws Exception {
        ConsoleTraffic.send(network, root, ConsoleConnector.HANOI.organId(), ConsoleConnector.HANOI.organId(), "5101");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> ConsoleTraffic.delivered(hanoi.settings().inbox(), "5101").isPresent());
        String office = ConsoleConnector.OFFICE.organId();
        ConsoleTraffic.drop(hanoi.settings().outbox(), ConsoleConnector.HANOI.organId(), office, "5201");
        await().atMost(Duration.ofSeconds(30)).until(
                () -> hanoi.tracker().countByState(Direction.OUTBOUND).get(DocumentState.SENT) > 0);
        long delivered = hanoi.tracker().countByState(Direction.INBOUND).get(DocumentState.DELIVERED);
        assertThat(delivered).isPositive();

        signedInAsLan();
        wait.until(ExpectedConditions.textToBe(By.id("dash-inbound-DELIVERED"), Long.toString(delivered)));
        wait.until(ExpectedConditions.textToBe(By.id("dash-axis-reachable"), "Có"));
        Map<DocumentState, Long> outbound = hanoi.tracker().countByState(Direction.OUTBOUND);
        wait.until(ExpectedConditions.textToBe(By.id("dash-outbound-SENT"), Long.toString(outbound.get(DocumentState.SENT))));
        long held = hanoi.tracker().countByState(Direction.INBOUND).get(DocumentState.REFUSED)
                + hanoi.tracker().countByState(Direction.INBOUND).get(DocumentState.QUARANTINED);
        wait.until(ExpectedConditions.textToBe(By.id("dash-held-count"), Long.toString(held)));
        assertThat(text("dash-last-poll")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
        assertThat(browser.findElement(By.id("nav-documents")).isDisplayed())
                .as("the documents page shows only when its API answers").isEqualTo(answers("documents?limit=1"));
        assertThat(browser.findElement(By.id("nav-dead-letters")).isDisplayed())
                .isEqualTo(answers("dead-letters?limit=1"));
        screenshot("console-dashboard");
    }

    @Test
    void a_held_package_released_from_the_console_reaches_the_dms_and_the_log_names_who_released_it() throws Exception {
        String documentId = ConsoleTraffic.send(network, root, NGHE_AN, ConsoleConnector.HANOI.organId(), "5102");
        TrackedDocument held = await().atMost(Duration.ofSeconds(30)).until(
                () -> hanoi.tracker().held(List.of(), 10).stream()
                        .filter(document -> document.documentId().equals(documentId)).findFirst(),
                Optional::isPresent).orElseThrow();
        String key = held.key().value();

        signedInAsLan();
        browser.findElement(By.id("nav-held")).click();
        By row = By.cssSelector("#held-table tr[data-key='" + key + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(browser.findElement(row).getText()).contains("Bị từ chối").contains(ConsoleConnector.OFFICE.organId());
        browser.findElement(row).findElement(By.cssSelector("button.details")).click();
        By details = By.cssSelector("tr[data-details-of='" + key + "']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(details, "RECIPIENT_NOT_OURS"));
        assertThat(browser.findElement(details).getText())
                .contains("không có đơn vị nào do bộ kết nối này phục vụ").contains("inbound-refused");
        browser.findElement(By.id("held-reason")).sendKeys("Văn bản gửi nhầm đơn vị, Hà Nội vẫn xử lý");
        screenshot("console-held");
        browser.findElement(row).findElement(By.cssSelector("button.release")).click();

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("held-message"), "Đã chuyển tiếp: 1/1"));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> ConsoleTraffic.delivered(hanoi.settings().inbox(), "5102").isPresent());
        assertThat(hanoi.tracker().find(held.key()).orElseThrow().state()).isEqualTo(DocumentState.DELIVERED);
        assertThat(hanoi.transmissionLog().events(key)).anyMatch(event -> event.step().equals(Steps.INBOUND_RELEASED)
                && event.detail().contains("released by user 'lan'")
                && event.detail().contains("Văn bản gửi nhầm đơn vị"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
    }

    @Test
    void selected_held_packages_are_discarded_together_only_with_a_reason_and_each_discard_is_logged() throws Exception {
        List<String> keys = new ArrayList<>();
        for (String number : List.of("5103", "5104")) {
            String documentId = ConsoleTraffic.send(network, root, NGHE_AN, ConsoleConnector.HANOI.organId(), number);
            keys.add(await().atMost(Duration.ofSeconds(30)).until(
                    () -> hanoi.tracker().held(List.of(), 10).stream()
                            .filter(document -> document.documentId().equals(documentId)).findFirst(),
                    Optional::isPresent).orElseThrow().key().value());
        }

        signedInAsLan();
        browser.findElement(By.id("nav-held")).click();
        for (String key : keys) {
            By row = By.cssSelector("#held-table tr[data-key='" + key + "']");
            wait.until(ExpectedConditions.visibilityOfElementLocated(row));
            browser.findElement(row).findElement(By.cssSelector("input.pick")).click();
        }
        browser.findElement(By.id("held-discard-selected")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("held-message"), "Cần nêu lý do loại bỏ."));
        for (String key : keys) {
            assertThat(hanoi.tracker().find(new DocumentKey(key)).orElseThrow().state())
                    .as("nothing is discarded without a reason").isEqualTo(DocumentState.REFUSED);
        }

        browser.findElement(By.id("held-reason")).sendKeys("Gửi nhầm, đơn vị gửi đã gửi lại đúng nơi");
        browser.findElement(By.id("held-discard-selected")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("held-message"), "Đã loại bỏ: 2/2"));
        for (String key : keys) {
            assertThat(hanoi.tracker().find(new DocumentKey(key)).orElseThrow().state())
                    .isEqualTo(DocumentState.DISCARDED);
            assertThat(hanoi.transmissionLog().events(key)).anyMatch(event -> event.step().equals(Steps.INBOUND_DISCARDED)
                    && event.detail().contains("discarded by user 'lan': Gửi nhầm, đơn vị gửi đã gửi lại đúng nơi"));
        }
    }

    @Test
    void a_viewer_sees_the_held_packages_without_the_means_to_release_or_discard_them() {
        signIn("thu", "mật khẩu của Thu");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-dashboard")));
        browser.findElement(By.id("nav-held")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-held")));
        wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("held-table")),
                ExpectedConditions.visibilityOfElementLocated(By.id("held-empty"))));
        assertThat(browser.findElement(By.id("held-release-selected")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("held-discard-selected")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#held-table button.release, #held-table button.discard")))
                .noneMatch(WebElement::isDisplayed);
    }

    @Test
    void the_language_switch_turns_the_console_into_english_and_back() throws Exception {
        signedInAsLan();
        assertThat(text("nav-dashboard")).isEqualTo("Tổng quan");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");

        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.textToBe(By.id("nav-dashboard"), "Dashboard"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text("nav-held")).isEqualTo("Held packages");
        assertThat(text("lang-switch")).isEqualTo("Tiếng Việt");
        wait.until(ExpectedConditions.textMatches(By.id("dash-axis-reachable"), java.util.regex.Pattern.compile("Yes|No")));
        screenshot("console-dashboard-english");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("nav-dashboard"), "Dashboard"));
        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.textToBe(By.id("nav-dashboard"), "Tổng quan"));
    }

    /**
     * Whether the operations API has {@code path} (asked with the operations token, as the CLI would): not 404, nor
     * 405, which Vert.x answers where only the API's POST body handler matches.
     */
    private static boolean answers(String path) throws Exception {
        String token = OpsToken.read(hanoi.settings().opsTokenFile()).bearer();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + hanoi.settings().httpPort() + "/ops/v1/" + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() != 404 && response.statusCode() != 405;
    }
}
