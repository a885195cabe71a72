package dev.faultline.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for browser tests: Debian's {@code chromium} driven through its {@code chromedriver}
 * (both found at fixed paths — nothing is downloaded, Selenium Manager is never asked), a fixed window size so that
 * screenshots compare, waits with {@link WebDriverWait} and no sleeps, screenshots kept under
 * {@code target/screenshots/}, and the page's JavaScript console errors collected: {@link #assertNoConsoleErrors()}
 * fails on any, and {@link #close()} calls it before quitting, so a test whose page logged an error fails.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start()) {
 *     browser.open(url);
 *     browser.waitFor(By.cssSelector(".uplot canvas"));
 *     browser.screenshot("report");
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    /** Debian's chromium-driver. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Debian's chromium. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Dimension WINDOW = new Dimension(1280, 1600);
    public static final Duration WAIT = Duration.ofSeconds(20);
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** Starts headless Chromium; fails naming the Debian packages when the binaries are missing. */
    public static Browser start() {
        for (Path binary : List.of(CHROMEDRIVER, CHROMIUM)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: install Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver; .ci/run does)");
            }
        }
        // with the driver's executable and the browser's binary set Selenium Manager is not needed: a bogus path makes
        // any attempt to run it fail rather than download; Selenium's OpenTelemetry tracing is off (its exporter is
        // excluded in the root pom)
        System.setProperty("SE_MANAGER_PATH", "/nonexistent/selenium-manager");
        System.setProperty("webdriver.remote.enableTracing", "false");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(), "--hide-scrollbars",
                "--force-device-scale-factor=1", "--no-first-run", "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        Browser browser = new Browser(new ChromeDriver(service, options));
        browser.driver.manage().window().setSize(WINDOW);
        return browser;
    }

    /** Loads {@code url} (http:, file: or data:) and waits until the document has loaded. */
    public Browser open(String url) {
        driver.get(url);
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /** Writes {@code html} to {@code target/pages/<name>.html} and opens it as a file: URL (no server, no token). */
    public Browser openHtml(String name, String html) {
        try {
            Path page = Files.createDirectories(Path.of("target", "pages")).resolve(name + ".html").toAbsolutePath();
            Files.writeString(page, html);
            return open(page.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first element matching {@code by}, once it is visible. */
    public WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until {@code condition} is true (or non-null), as {@link WebDriverWait#until} does. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Runs {@code script} in the page ({@code return …} for a value). */
    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * The whole page (the window stretched to the document's height for the capture, then set back) as PNG in
     * {@code target/screenshots/<name>.png}, kept as a build artifact.
     */
    public Path screenshot(String name) {
        // the window's size includes its frame: the page's height plus the frame's makes the viewport hold the page
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight"
                + " + window.outerHeight - window.innerHeight")).longValue();
        try {
            driver.manage().window().setSize(new Dimension(WINDOW.getWidth(), (int) Math.max(WINDOW.getHeight(), height)));
            Path file = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(WINDOW);
        }
    }

    /** The console's SEVERE entries (errors, uncaught exceptions, failed loads) since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    public void assertNoConsoleErrors() {
        List<String> errors = consoleErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError("the page logged JavaScript errors: " + errors);
        }
    }

    /** Fails on console errors not yet looked at, and quits the browser and its driver either way. */
    @Override
    public void close() {
        try {
            assertNoConsoleErrors();
        } finally {
            driver.quit();
        }
    }

    /** A map of the page's {@code data-*} attributes of {@code element}, for assertions. */
    public Map<String, String> dataset(WebElement element) {
        @SuppressWarnings("unchecked")
        Map<String, String> data = (Map<String, String>) driver.executeScript(
                "return Object.assign({}, arguments[0].dataset)", element);
        return data;
    }
}
