package vn.lienthong.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.ops.users.PasswordHash;
import vn.lienthong.ops.users.UsersFile;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.transport.Steps;

/**
 * Held documents of the outgoing direction in the console: an unsigned document the signature policy quarantines on
 * its way out is listed beside the received ones, and released from the console it goes to the axis.
 */
class ConsoleHeldOutboundBrowserTest {

    private static final String PASSWORD = "mật khẩu của Lan 2026";
    private static final String HANOI = ConsoleConnector.HANOI.organId();
    private static final String OFFICE = ConsoleConnector.OFFICE.organId();

    @TempDir
    static Path root;

    private static DemoNetwork network;
    private static ConnectorRuntime hanoi;
    private static ConnectorRuntime office;
    private static String console;
    private ConsoleBrowser browser;

    @BeforeAll
    static void start() throws Exception {
        Properties properties = ConsoleConnector.settings();
        properties.setProperty("lienthong.signature.policy.unsigned", "quarantine");
        network = ConsoleConnector.start(root, properties);
        hanoi = network.connector(HANOI);
        office = network.connector(OFFICE);
        console = "http://127.0.0.1:" + hanoi.settings().httpPort() + "/console/";
        new UsersFile(hanoi.settings().dataDirectory().resolve("users.json")).add("lan", Set.of(Role.OPERATOR),
                PASSWORD.toCharArray(), new PasswordHash.Parameters(1024, 1, 1));
    }

    @AfterAll
    static void stop() {
        if (network != null) {
            network.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = ConsoleBrowser.open();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void an_outgoing_document_quarantined_by_the_signature_policy_is_released_from_the_console_and_sent() throws Exception {
        String documentId = ConsoleTraffic.drop(hanoi.settings().outbox(), HANOI, OFFICE, "6501");

        browser.signIn(console, "lan", PASSWORD);
        browser.driver.findElement(By.id("nav-held")).click();
        By outgoing = By.xpath("//table[@id='held-table']/tbody/tr[td[normalize-space()='Gửi đi']]");
        WebElement row = browser.wait.until(driver -> {
            driver.navigate().refresh(); // the document reaches the quarantine while the page is open
            browser.wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("held-table")),
                    ExpectedConditions.visibilityOfElementLocated(By.id("held-empty"))));
            return driver.findElements(outgoing).stream().findFirst().orElse(null);
        });
        String key = row.getAttribute("data-key");
        assertThat(row.getText()).contains("Bị cách ly");
        assertThat(hanoi.tracker().findOutboundByDocumentId(HANOI, documentId)).as("not sent while held").isEmpty();
        row.findElement(By.cssSelector("button.details")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "tr[data-details-of='" + key + "'] pre.signatures")));
        assertThat(browser.driver.findElement(By.cssSelector("tr[data-details-of='" + key + "']")).getText())
                .contains("Kết quả kiểm tra chữ ký số").contains("edoc-6501.edxml");

        browser.driver.findElement(By.id("held-reason")).sendKeys("Văn bản nội bộ, không cần ký số");
        row.findElement(By.cssSelector("button.release")).click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("held-message"), "Đã chuyển tiếp: 1/1"));
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(
                "#held-table tr[data-key='" + key + "']")));
        TrackedDocument sent = await().atMost(Duration.ofSeconds(30)).until(() -> hanoi.tracker()
                .findOutboundByDocumentId(HANOI, documentId)
                .filter(found -> found.state() == DocumentState.SENT || found.state() == DocumentState.DELIVERED),
                Optional::isPresent).orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> office.tracker()
                .findInboundByDocumentId(HANOI, documentId).isPresent());
        assertThat(hanoi.transmissionLog().events(sent.key().value())).anyMatch(event ->
                event.step().equals(Steps.QUARANTINE_RELEASED) && event.detail().contains("user 'lan'")
                        && event.detail().contains("Văn bản nội bộ, không cần ký số"));
    }
}
