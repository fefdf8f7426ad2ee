package com.atalaya;

import com.atalaya.identity.TestWorkspaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of browser tests: the whole application (see {@link IntegrationTest}) driven by a headless
 * Chromium through chromedriver, both from the operating system (Debian's {@code chromium} and
 * {@code chromium-driver}; other paths with {@code -Datalaya.test.chromium} and
 * {@code -Datalaya.test.chromedriver}). Selenium Manager never runs, so nothing is downloaded.
 * Without Chromium the tests are skipped, except under CI=true where they fail.
 *
 * <p>Each test gets a fresh browser with an empty profile, in Spanish unless {@link #acceptLanguages()}
 * says otherwise.
 */
public abstract class BrowserTest extends IntegrationTest {

    protected static final Path CHROMIUM = Path.of(System.getProperty("atalaya.test.chromium", "/usr/bin/chromium"));
    protected static final Path CHROMEDRIVER =
            Path.of(System.getProperty("atalaya.test.chromedriver", "/usr/bin/chromedriver"));
    protected static final Path SCREENSHOTS = Path.of("target", "screenshots");

    protected WebDriver driver;
    private ChromeDriverService service;
    private Path profile;

    @BeforeAll
    static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String why = "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER + ") is missing;"
                + " install them with: apt-get install -y chromium chromium-driver";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(why + ". CI=true requires the browser tests to run");
        }
        Assumptions.abort(why + ". Browser tests skipped");
    }

    @BeforeEach
    void startBrowser() throws IOException {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("atalaya-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--window-size=" + windowSize());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages()));
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    @AfterEach
    void stopBrowser() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteRecursively(profile);
        }
    }

    /** The languages the browser asks for, as Chromium's {@code intl.accept_languages}. */
    protected String acceptLanguages() {
        return "es-ES,es";
    }

    /** The browser window, "width,height". */
    protected String windowSize() {
        return "1280,860";
    }

    /** This application's base URL, e.g. {@code http://localhost:41234}. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Opens a path of this application. */
    protected void open(String path) {
        driver.get(baseUrl() + path);
    }

    /** Signs in through the login form as a user of {@link TestWorkspaces}. */
    protected void signIn(String email) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(TestWorkspaces.PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitUpTo(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/w/"));
    }

    protected WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100));
    }

    /** Saves what the browser shows to {@code target/screenshots/NAME.png} and returns the file. */
    protected Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Best effort: Chromium may still be flushing its profile; what remains is in the temp directory. */
    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete the browser profile " + dir + ": " + e.getMessage());
        }
    }
}
