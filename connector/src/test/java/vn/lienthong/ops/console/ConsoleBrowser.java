package vn.lienthong.ops.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven by its chromium-driver, at a fixed window size so that screenshots are alike
 * from run to run; a missing package fails the test, saying what to install (CI installs it).
 */
final class ConsoleBrowser implements AutoCloseable {

    /**
     * Where screenshots go: target/screenshots, so a test run never changes tracked files. The docs' images are
     * refreshed on purpose, with {@code -Dlienthong.screenshots=../docs/images}.
     */
    static final Path SCREENSHOTS = Path.of(System.getProperty("lienthong.screenshots", "target/screenshots"));

    final ChromeDriver driver;
    final WebDriverWait wait;

    private ConsoleBrowser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    static ConsoleBrowser open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"));
        // Root in CI, so no sandbox.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,860", "--lang=vi", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("chromium-driver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        return new ConsoleBrowser(new ChromeDriver(service, options));
    }

    private static String executable(String debianPackage, String... places) {
        for (String place : places) {
            if (Files.isExecutable(Path.of(place))) {
                return place;
            }
        }
        throw new IllegalStateException("The browser tests need Debian's " + debianPackage + " package: apt-get install"
                + " chromium chromium-driver (.ci/run installs them); none of " + List.of(places) + " exists");
    }

    /** Signs in at {@code console} and waits for the dashboard. */
    void signIn(String console, String name, String password) {
        driver.get(console);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-name")));
        driver.findElement(By.id("login-name")).sendKeys(name);
        driver.findElement(By.id("login-password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view-dashboard")));
    }

    /** The page as it is now, as {name}.png in {@link #SCREENSHOTS} (docs/operating.md shows the docs' copies). */
    void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
