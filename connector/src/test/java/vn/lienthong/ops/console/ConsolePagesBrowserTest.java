package vn.lienthong.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import vn.lienthong.demo.DemoNetwork;
import vn.lienthong.ops.http.OpsUser.Role;
import vn.lienthong.ops.users.PasswordHash;
import vn.lienthong.ops.users.UsersFile;
import vn.lienthong.runtime.ConnectorRuntime;
import vn.lienthong.simulator.Faults;
import vn.lienthong.tracking.DocumentState;
import vn.lienthong.tracking.LogEvent;
import vn.lienthong.tracking.RecipientStatus;
import vn.lienthong.tracking.TrackedDocument;
import vn.lienthong.transport.Steps;

/**
 * The console's documents and dead-letters pages, and the dashboard's queue and dead-letter cards, in a real browser
 * against really started connectors: Hanoi's connector sends to the Government Office's over the simulated axis. The
 * screenshots are the ones docs/operating.md shows (console-documents.png, console-dead-letters.png).
 */
class ConsolePagesBrowserTest {

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
        // Three attempts and a short axis timeout, so that an outage dead-letters a document within seconds.
        properties.setProperty("lienthong.queue.max-delivery-attempts", "3");
        properties.setProperty("lienthong.axis.request-timeout-ms", "1500");
        // The dashboard's queues come from the metrics' background readings: read them often.
        properties.setProperty("lienthong.metrics.refresh-ms", "300");
        network = ConsoleConnector.start(root, properties);
        hanoi = network.connector(HANOI);
        office = network.connector(OFFICE);
        console = "http://127.0.0.1:" + hanoi.settings().httpPort() + "/console/";
        UsersFile users = new UsersFile(hanoi.settings().dataDirectory().resolve("users.json"));
        PasswordHash.Parameters light = new PasswordHash.Parameters(1024, 1, 1);
        users.add("lan", Set.of(Role.OPERATOR), PASSWORD.toCharArray(), light);
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
        browser = ConsoleBrowser.open();
    }

    @AfterEach
    void closeBrowserAndHealTheAxis() {
        network.simulator().setFaults(Faults.NONE);
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_document_search_by_filter_finds_a_sent_document_and_opens_its_timeline_in_causal_order() throws Exception {
        TrackedDocument wanted = sent(ConsoleTraffic.drop(hanoi.settings().outbox(), HANOI, OFFICE, "6101"));
        TrackedDocument other = sent(ConsoleTraffic.drop(hanoi.settings().outbox(), HANOI, OFFICE, "6102"));
        assertThat(hanoi.tracker().timeline(wanted.key())).extracting(RecipientStatus::statusCode).startsWith("sent");

        browser.signIn(console, "lan", PASSWORD);
        browser.driver.findElement(By.id("nav-documents")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#docs-table tr[data-key='" + other.key().value() + "']")));
        new Select(browser.driver.findElement(By.id("docs-direction"))).selectByValue("OUTBOUND");
        browser.driver.findElement(By.id("docs-agency")).sendKeys(OFFICE);
        browser.driver.findElement(By.id("docs-code")).sendKeys("6101/vpcp");
        browser.driver.findElement(By.id("docs-search")).click();

        By row = By.cssSelector("#docs-table tr[data-key='" + wanted.key().value() + "']");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(
                "#docs-table tr[data-key='" + other.key().value() + "']")));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(browser.driver.findElements(By.cssSelector("#docs-table tbody tr"))).hasSize(1);
        assertThat(browser.driver.findElement(row).getText()).contains("Gửi đi").contains(OFFICE).contains("6101");
        assertThat(browser.driver.findElement(By.id("docs-next")).isEnabled()).as("one match, one page").isFalse();

        browser.driver.findElement(row).findElement(By.cssSelector("button.details")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("docs-details-key"),
                wanted.key().value()));
        List<WebElement> statuses = browser.driver.findElements(By.cssSelector("#docs-details-timeline li"));
        assertThat(statuses).isNotEmpty();
        assertThat(statuses.get(0).getAttribute("data-code")).as("our send comes first").isEqualTo("sent");
        assertThat(statuses.get(0).getText()).contains("Đã gửi lên trục").contains(OFFICE);
        assertThat(browser.driver.findElements(By.cssSelector("#docs-details-events li")))
                .extracting(item -> item.getAttribute("data-step")).contains(Steps.SENT_TO_AXIS);
        assertThat(browser.driver.findElement(By.id("docs-details-findings")).getText())
                .isEqualTo("Không có lỗi hay cảnh báo nào.");
        // Taller, from the top: the filters, the match and its timeline in one picture.
        browser.driver.manage().window().setSize(new Dimension(1280, 1420));
        browser.driver.executeScript("window.scrollTo(0, 0)");
        browser.screenshot("console-documents");

        browser.driver.findElement(By.id("lang-switch")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("docs-details-timeline"),
                "Sent to the axis"));
        browser.wait.until(ExpectedConditions.textToBe(By.id("docs-details-findings"), "No error or warning."));
        browser.driver.findElement(By.id("lang-switch")).click();
    }

    @Test
    void documents_are_paged_by_the_servers_cursor_forward_and_back_each_shown_once() throws Exception {
        Set<String> keys = new HashSet<>();
        for (int number = 6401; number <= 6412; number++) {
            ConsoleTraffic.drop(hanoi.settings().outbox(), HANOI, OFFICE, Integer.toString(number));
        }
        for (int number = 6401; number <= 6412; number++) {
            keys.add(sent(HANOI + ",2026/12/05," + number + "/UBND-VP").key().value());
        }

        browser.signIn(console, "lan", PASSWORD);
        browser.driver.findElement(By.id("nav-documents")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("docs-table")));
        new Select(browser.driver.findElement(By.id("docs-size"))).selectByValue("10");
        browser.driver.findElement(By.id("docs-code")).sendKeys("64");
        browser.driver.findElement(By.id("docs-search")).click();
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#docs-table tbody tr"), 10));
        List<String> first = shownKeys();
        assertThat(browser.driver.findElement(By.id("docs-previous")).isEnabled()).isFalse();

        browser.driver.findElement(By.id("docs-next")).click();
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#docs-table tbody tr"), 2));
        assertThat(text("docs-page-number")).isEqualTo("2");
        assertThat(browser.driver.findElement(By.id("docs-next")).isEnabled()).as("the last page").isFalse();
        List<String> second = shownKeys();
        assertThat(Stream.concat(first.stream(), second.stream()).toList()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(keys);

        browser.driver.findElement(By.id("lang-switch")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("docs-previous"), "Previous page"));
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#docs-table tbody tr"), 2));
        assertThat(text("docs-page-number")).as("switching the language keeps the page").isEqualTo("2");
        assertThat(shownKeys()).isEqualTo(second);
        browser.driver.findElement(By.id("lang-switch")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("docs-previous"), "Trang trước"));

        browser.driver.findElement(By.id("docs-previous")).click();
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#docs-table tbody tr"), 10));
        assertThat(shownKeys()).isEqualTo(first);
    }

    @Test
    void an_operator_sees_a_dead_letter_on_the_dashboard_retries_it_from_the_console_and_it_reaches_the_other_agency_once()
            throws Exception {
        network.simulator().setFaults(Faults.NONE.withErrorRate(1.0)); // every call answered 503: the axis is down
        TrackedDocument dead = deadLettered("6201");
        String key = dead.key().value();

        browser.signIn(console, "lan", PASSWORD);
        browser.wait.until(ExpectedConditions.textToBe(By.id("dash-dead-letters"), "1"));
        By deadLetterQueue = By.id("dash-queue-DLQ.lienthong.outbound");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(deadLetterQueue));
        assertThat(browser.driver.findElement(deadLetterQueue).findElements(By.tagName("td")))
                .extracting(WebElement::getText).startsWith("DLQ.lienthong.outbound", "1");
        // Tall enough for every card: the dead letter beside the queues, throughput, certificates and disk.
        browser.driver.manage().window().setSize(new Dimension(1280, 1640));
        browser.wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("dash-disk-free"), "—")));
        browser.screenshot("console-dashboard-dead-letter");
        browser.driver.manage().window().setSize(new Dimension(1280, 860));

        network.simulator().setFaults(Faults.NONE);
        browser.driver.findElement(By.id("nav-dead-letters")).click();
        By row = By.cssSelector("#dl-table tr[data-key='" + key + "']");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(browser.driver.findElement(row).findElements(By.tagName("td"))).extracting(WebElement::getText)
                .contains(key, "3").anyMatch(text -> text.startsWith("DLQ.lienthong.outbound"))
                .anyMatch(text -> text.contains("gave up after 3 attempts"));

        WebElement listed = browser.driver.findElement(row);
        listed.findElement(By.linkText(key)).click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("docs-details-key"), key));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#docs-details-events li[data-step='" + Steps.DEAD_LETTERED + "']")));
        browser.driver.findElement(By.id("nav-dead-letters")).click();
        browser.wait.until(ExpectedConditions.stalenessOf(listed)); // the list is read again
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(row));

        browser.driver.findElement(row).findElement(By.cssSelector("button.discard")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dl-message"),
                "Cần nêu lý do loại bỏ thư chết."));
        assertThat(browser.driver.findElement(By.id("dl-message")).getText())
                .contains("A reason for discarding the dead letter is required.");
        assertThat(hanoi.tracker().find(dead.key()).orElseThrow().state())
                .as("nothing is discarded without a reason").isEqualTo(DocumentState.DEAD_LETTERED);

        browser.driver.findElement(By.id("dl-reason")).sendKeys("Trục đã hoạt động lại");
        browser.screenshot("console-dead-letters");
        browser.driver.findElement(row).findElement(By.cssSelector("button.retry")).click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dl-message"), "Đã gửi lại: 1/1"));
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(office.settings().inbox(), "6201") > 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> hanoi.tracker().find(dead.key()).orElseThrow().state()
                == DocumentState.SENT);
        assertThat(deliveries(office.settings().inbox(), "6201")).as("the other agency has it once").isEqualTo(1);
        assertThat(hanoi.transmissionLog().events(key)).extracting(LogEvent::step)
                .containsSubsequence(Steps.DEAD_LETTERED, Steps.DEAD_LETTER_RETRIED, Steps.SENT_TO_AXIS);
        assertThat(hanoi.transmissionLog().events(key)).filteredOn(event -> event.step().equals(Steps.DEAD_LETTER_RETRIED))
                .singleElement().satisfies(event -> assertThat(event.detail()).contains("retried by user 'lan'")
                        .contains("Trục đã hoạt động lại"));
        browser.driver.findElement(By.id("nav-dashboard")).click();
        browser.wait.until(ExpectedConditions.textToBe(By.id("dash-dead-letters"), "0"));
    }

    private List<String> shownKeys() {
        return browser.driver.findElements(By.cssSelector("#docs-table tbody tr")).stream()
                .map(row -> row.getAttribute("data-key")).toList();
    }

    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }

    @Test
    void retry_all_sends_every_dead_letter_again_and_each_reaches_the_other_agency_once() throws Exception {
        network.simulator().setFaults(Faults.NONE.withErrorRate(1.0));
        List<TrackedDocument> dead = List.of(deadLettered("6301"), deadLettered("6302"));

        browser.signIn(console, "lan", PASSWORD);
        browser.driver.findElement(By.id("nav-dead-letters")).click();
        for (TrackedDocument document : dead) {
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#dl-table tr[data-key='" + document.key().value() + "']")));
        }
        network.simulator().setFaults(Faults.NONE);
        browser.driver.findElement(By.id("dl-reason")).sendKeys("Trục đã hoạt động lại");
        browser.driver.findElement(By.id("dl-retry-all")).click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dl-message"), "Đã gửi lại: 2/2"));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dl-empty")));
        for (String number : List.of("6301", "6302")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries(office.settings().inbox(), number) > 0);
            assertThat(deliveries(office.settings().inbox(), number)).isEqualTo(1);
        }
        for (TrackedDocument document : dead) {
            assertThat(hanoi.transmissionLog().events(document.key().value())).anyMatch(event ->
                    event.step().equals(Steps.DEAD_LETTER_RETRIED) && event.detail().contains("retried by user 'lan'"));
        }
    }

    @Test
    void a_viewer_sees_the_dead_letters_without_the_means_to_retry_or_discard_them() {
        browser.signIn(console, "thu", "mật khẩu của Thu");
        browser.driver.findElement(By.id("nav-dead-letters")).click();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-dead-letters")));
        browser.wait.until(ExpectedConditions.or(ExpectedConditions.visibilityOfElementLocated(By.id("dl-table")),
                ExpectedConditions.visibilityOfElementLocated(By.id("dl-empty"))));
        for (String button : List.of("dl-retry-selected", "dl-discard-selected", "dl-retry-all", "dl-discard-all")) {
            assertThat(browser.driver.findElement(By.id(button)).isDisplayed()).as(button).isFalse();
        }
        assertThat(browser.driver.findElements(By.cssSelector("#dl-table button"))).noneMatch(WebElement::isDisplayed);
    }

    /** A document Hanoi's connector sends while the axis answers 503 to every call, once it is dead-lettered. */
    private static TrackedDocument deadLettered(String number) throws Exception {
        String documentId = ConsoleTraffic.drop(hanoi.settings().outbox(), HANOI, OFFICE, number);
        return await().atMost(Duration.ofSeconds(60)).until(() -> hanoi.tracker()
                .findOutboundByDocumentId(HANOI, documentId)
                .filter(found -> found.state() == DocumentState.DEAD_LETTERED), Optional::isPresent).orElseThrow();
    }

    /** The document Hanoi's connector registered for {@code documentId}, once the axis took it. */
    private static TrackedDocument sent(String documentId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> hanoi.tracker().findOutboundByDocumentId(HANOI, documentId)
                .filter(found -> found.state() == DocumentState.SENT || found.state() == DocumentState.DELIVERED),
                Optional::isPresent).orElseThrow();
    }

    private static long deliveries(Path inbox, String number) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(inbox)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".edxml") && name.contains("_" + number + "_")).count();
        }
    }
}
